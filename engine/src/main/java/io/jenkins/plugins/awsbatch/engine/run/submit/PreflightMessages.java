package io.jenkins.plugins.awsbatch.engine.run.submit;

import io.jenkins.plugins.awsbatch.engine.batch.JobDefinitionDescription;
import io.jenkins.plugins.awsbatch.engine.batch.JobQueueDescription;
import io.jenkins.plugins.awsbatch.engine.graph.EngineKind;
import io.jenkins.plugins.awsbatch.engine.graph.GraphError;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The wording of {@link PreflightCheck}'s errors: what is wrong where, and the command or graph edit that fixes
 * it. On the local engine (no region) definitions come from the graph's {@code jobDefinitions:}, so the fix
 * points there.
 */
final class PreflightMessages {
    private final String region;
    private final GraphSpec graph;

    PreflightMessages(String region, GraphSpec graph) {
        this.region = region;
        this.graph = graph;
    }

    private String where() {
        return region == null ? "" : " in " + region;
    }

    private boolean local() {
        return graph.engineKind() == EngineKind.LOCAL && region == null;
    }

    Optional<GraphError> queueProblem(String path, String queue, Optional<JobQueueDescription> found) {
        if (found.isEmpty()) {
            String defaulted =
                    path.equals("queue") && graph.queue() == null ? " (the default: the graph names no queue)" : "";
            return Optional.of(new GraphError(
                    path,
                    "job queue '" + queue + "'" + defaulted + " does not exist" + where(),
                    "create it or name an existing queue (aws batch describe-job-queues)"));
        }
        JobQueueDescription q = found.get();
        if (!q.isEnabled()) {
            return Optional.of(new GraphError(
                    path,
                    "job queue '" + queue + "' is " + q.state() + where() + ": it takes no new jobs",
                    "enable it (aws batch update-job-queue --job-queue " + q.name()
                            + " --state ENABLED) or name another queue"));
        }
        if (!q.isValid()) {
            String reason = q.statusReason() == null ? "" : " (" + q.statusReason() + ")";
            return Optional.of(new GraphError(
                    path,
                    "job queue '" + queue + "' has status " + q.status() + reason + where(),
                    "repair its compute environments (aws batch describe-job-queues --job-queues " + q.name()
                            + ") or name another queue"));
        }
        return Optional.empty();
    }

    GraphError inactiveDefinition(String path, String reference, String name, List<JobDefinitionDescription> active) {
        String problem = "'" + reference + "' is not an ACTIVE job definition" + where();
        List<String> revisions = active.stream()
                .sorted(Comparator.comparingInt(JobDefinitionDescription::revision))
                .map(JobDefinitionDescription::nameWithRevision)
                .toList();
        if (local() && revisions.isEmpty()) {
            return new GraphError(
                    path,
                    problem,
                    "define '" + name + "' under jobDefinitions: (defined: "
                            + String.join(", ", graph.jobDefinitions().keySet()) + ")");
        }
        String fix = revisions.isEmpty()
                ? "register it or fix the name (aws batch describe-job-definitions --job-definition-name " + name
                        + " --status ACTIVE)"
                : "name an ACTIVE revision (" + String.join(", ", revisions) + ") or register it again";
        return new GraphError(path, problem, fix);
    }

    GraphError unsupportedKind(String path, JobDefinitionDescription definition) {
        return new GraphError(
                path,
                "'" + definition.nameWithRevision() + "' is a job definition of type "
                        + definition.kind().label()
                        + ": not supported yet (batchgraph submits container jobs, with containerOverrides)",
                "name a container job definition (one with containerProperties)");
    }
}
