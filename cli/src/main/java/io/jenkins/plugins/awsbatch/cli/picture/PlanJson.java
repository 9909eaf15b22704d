package io.jenkins.plugins.awsbatch.cli.picture;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jenkins.plugins.awsbatch.engine.plan.GraphLayout;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;

/**
 * The plan as one JSON object: {@code {name, mode, items, stages: [{name, type, gated, population, jobs:
 * [{index, offset, size}], jobsNote, waves, maxConcurrency, consumableResource, sequential, dependsOn: [{from,
 * to, type}], barrierJobs}]}}.
 */
public final class PlanJson {
    private PlanJson() {}

    public static String render(GraphLayout layout) {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(layout) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
