package io.jenkins.plugins.awsbatch.engine.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.graph.GraphError;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidator;
import io.jenkins.plugins.awsbatch.engine.plan.Item;
import io.jenkins.plugins.awsbatch.engine.plan.ItemSource;
import io.jenkins.plugins.awsbatch.engine.run.submit.JobNames;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A new run that passed every check that needs no Batch call: the graph, the run id, the items (read, not yet
 * written) and the counts they give. Built before the run folder, the engine or any job exists, so invalid
 * input leaves nothing behind.
 */
public record ValidatedRun(GraphSpec graph, Path baseDir, String runId, List<Item> items) {
    public ValidatedRun {
        items = List.copyOf(items);
    }

    /** Throws {@link GraphValidationException} naming the field (or file and line) of every problem found. */
    public static ValidatedRun check(
            GraphSpec graph, Path baseDir, String runId, StoreResolver stores, ObjectMapper json, Clock clock) {
        new GraphValidator().requireValid(graph);
        return checkItems(graph, baseDir, runId, stores, json, clock);
    }

    /**
     * Planning alone (Jenkins' {@code awsBatchPlan}): the plan part of {@code graph} (its stages may be empty),
     * the run id and the items.
     */
    public static ValidatedRun checkPlan(
            GraphSpec graph, Path baseDir, String runId, StoreResolver stores, ObjectMapper json, Clock clock) {
        GraphSpec planOnly = graph.withStages(List.of());
        List<GraphError> errors = new GraphValidator()
                .validate(planOnly).stream()
                        .filter(e -> !e.path().equals("stages"))
                        .toList();
        if (!errors.isEmpty()) {
            throw new GraphValidationException(errors);
        }
        return checkItems(planOnly, baseDir, runId, stores, json, clock);
    }

    /** The checks after the graph's own: for a graph validated already (e.g. the plan part of one). */
    public static ValidatedRun checkItems(
            GraphSpec graph, Path baseDir, String runId, StoreResolver stores, ObjectMapper json, Clock clock) {
        String id = runId != null ? runId : JobNames.newRunId(graph.name(), clock.instant());
        String problem = JobNames.runIdProblem(id);
        if (problem != null) {
            throw new GraphValidationException(new GraphError("--run-id", problem, JobNames.RUN_ID_RULE));
        }
        List<Item> items = graph.plan() == null || graph.plan().items() == null
                ? List.of()
                : new ItemSource(json, stores).read(graph.plan().items(), baseDir);
        new GraphValidator().requireCounts(graph, items.size());
        return new ValidatedRun(graph, baseDir, id, items);
    }
}
