package io.jenkins.plugins.awsbatch.engine.run;

import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidator;
import io.jenkins.plugins.awsbatch.engine.graph.JobDefinitionSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stages to add to a journaled run, checked with the run's graph (and item count) before its lock is taken or an
 * engine opened: the combined graph passed {@link GraphValidator}, so invalid input leaves the run as it was.
 */
public record ValidatedExtension(
        GraphSpec combined, List<StageSpec> newStages, Map<String, JobDefinitionSpec> newDefinitions) {
    public ValidatedExtension {
        newStages = List.copyOf(newStages);
        newDefinitions = Map.copyOf(newDefinitions);
    }

    /** Throws {@link GraphValidationException} naming every problem of the combined graph. */
    public static ValidatedExtension check(
            RunState prior, List<StageSpec> newStages, Map<String, JobDefinitionSpec> newDefinitions) {
        GraphSpec combined = combine(prior, newStages, newDefinitions);
        new GraphValidator().requireValid(combined);
        if (prior.itemCount >= 0) {
            new GraphValidator().requireCounts(combined, prior.itemCount);
        }
        return new ValidatedExtension(combined, newStages, newDefinitions);
    }

    /** This extension for {@code current} (the run as read under its lock): checked again only if it moved on. */
    ValidatedExtension against(RunState current) {
        return combine(current, newStages, newDefinitions).equals(combined)
                ? this
                : check(current, newStages, newDefinitions);
    }

    private static GraphSpec combine(
            RunState prior, List<StageSpec> newStages, Map<String, JobDefinitionSpec> newDefinitions) {
        List<StageSpec> stages = new ArrayList<>(prior.graph.stages());
        stages.addAll(newStages);
        Map<String, JobDefinitionSpec> definitions = new LinkedHashMap<>(prior.graph.jobDefinitions());
        definitions.putAll(newDefinitions);
        return prior.graph.toBuilder()
                .jobDefinitions(definitions)
                .stages(stages)
                .build();
    }
}
