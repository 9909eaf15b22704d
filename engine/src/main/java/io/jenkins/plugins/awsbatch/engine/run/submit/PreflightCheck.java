package io.jenkins.plugins.awsbatch.engine.run.submit;

import io.jenkins.plugins.awsbatch.engine.batch.BatchLimits;
import io.jenkins.plugins.awsbatch.engine.batch.JobDefinitionDescription;
import io.jenkins.plugins.awsbatch.engine.batch.JobQueueDescription;
import io.jenkins.plugins.awsbatch.engine.graph.GraphError;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.run.track.CallFailures;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Before the first SubmitJob: every job queue the stages use exists, is ENABLED and VALID, and every job
 * definition they name has that ACTIVE revision and is a container definition. Otherwise an upfront run would
 * stop half-submitted at the first SubmitJob AWS refuses. Costs one DescribeJobQueues and one
 * DescribeJobDefinitions (ACTIVE, by name) per distinct definition name. A lookup that fails (no permission,
 * throttled past the client's retries) skips the check with one line: SubmitJob still reports the problem.
 */
public final class PreflightCheck {
    private final RunServices services;

    public PreflightCheck(RunServices services) {
        this.services = services;
    }

    /** Throws {@link GraphValidationException} with every problem of the stages {@code checked} accepts. */
    public void requireReady(GraphSpec graph, Predicate<StageSpec> checked) {
        Map<String, Set<String>> queues = new LinkedHashMap<>(); // queue -> paths naming it
        Map<String, Set<String>> definitions = new LinkedHashMap<>(); // reference -> paths
        List<StageSpec> stages = graph.stages();
        for (int i = 0; i < stages.size(); i++) {
            StageSpec stage = stages.get(i);
            if (!checked.test(stage) || stage.isBuiltInCleanup()) {
                continue;
            }
            String path = "stages[" + i + "]";
            String queue = stage.queue() != null
                    ? stage.queue()
                    : graph.queue() != null
                            ? graph.queue()
                            : services.settings().defaultQueue();
            queues.computeIfAbsent(queue, q -> new LinkedHashSet<>())
                    .add(stage.queue() != null ? path + ".queue" : "queue");
            if (stage.jobDefinition() != null) {
                definitions
                        .computeIfAbsent(
                                services.definitionNames().apply(stage.jobDefinition()), d -> new LinkedHashSet<>())
                        .add(path + ".jobDefinition");
            }
        }
        if (queues.isEmpty()) {
            return;
        }
        if (graph.barrierJobDefinition() != null) {
            definitions
                    .computeIfAbsent(graph.barrierJobDefinition(), d -> new LinkedHashSet<>())
                    .add("barrierJobDefinition");
        }
        PreflightMessages messages = new PreflightMessages(services.batch().region(), graph);
        List<GraphError> errors = new ArrayList<>();
        try {
            if (!checkQueues(queues, messages, errors) || !checkDefinitions(definitions, messages, errors)) {
                return; // this service cannot tell (a test double)
            }
        } catch (RuntimeException e) {
            services.listener()
                    .message(
                            "pre-flight check skipped: looking up job queues and definitions failed ("
                                    + CallFailures.oneLine(e)
                                    + "); it needs "
                                    + "batch:DescribeJobQueues and batch:DescribeJobDefinitions. SubmitJob will report a missing queue or definition");
            return;
        }
        if (!errors.isEmpty()) {
            throw new GraphValidationException(errors);
        }
    }

    private boolean checkQueues(Map<String, Set<String>> queues, PreflightMessages messages, List<GraphError> errors) {
        List<String> names = new ArrayList<>(queues.keySet());
        List<JobQueueDescription> found = new ArrayList<>();
        for (int from = 0; from < names.size(); from += BatchLimits.MAX_DESCRIBE_IDS) {
            Optional<List<JobQueueDescription>> page = services.batch()
                    .findJobQueues(names.subList(from, Math.min(names.size(), from + BatchLimits.MAX_DESCRIBE_IDS)));
            if (page.isEmpty()) {
                return false;
            }
            found.addAll(page.get());
        }
        queues.forEach((queue, paths) -> {
            Optional<JobQueueDescription> q = found.stream()
                    .filter(d -> queue.equals(d.name()) || queue.equals(d.arn()))
                    .findFirst();
            paths.forEach(path -> messages.queueProblem(path, queue, q).ifPresent(errors::add));
        });
        return true;
    }

    private boolean checkDefinitions(
            Map<String, Set<String>> definitions, PreflightMessages messages, List<GraphError> errors) {
        Map<String, List<JobDefinitionDescription>> activeByName = new LinkedHashMap<>();
        for (String reference : definitions.keySet()) {
            String name = DefinitionReference.parse(reference).name();
            if (!activeByName.containsKey(name)) {
                Optional<List<JobDefinitionDescription>> active =
                        services.batch().findActiveJobDefinitions(name);
                if (active.isEmpty()) {
                    return false;
                }
                activeByName.put(name, active.get());
            }
        }
        definitions.forEach((reference, paths) -> {
            DefinitionReference ref = DefinitionReference.parse(reference);
            List<JobDefinitionDescription> active = activeByName.get(ref.name());
            Optional<JobDefinitionDescription> used = ref.pick(active);
            for (String path : paths) {
                if (used.isEmpty()) {
                    errors.add(messages.inactiveDefinition(path, reference, ref.name(), active));
                } else if (used.get().kind() != JobDefinitionDescription.Kind.CONTAINER) {
                    errors.add(messages.unsupportedKind(path, used.get()));
                }
            }
        });
        return true;
    }

    /** {@code name}, {@code name:revision} or an ARN ending in {@code job-definition/name:revision}. */
    record DefinitionReference(String name, Integer revision) {
        static DefinitionReference parse(String reference) {
            String plain =
                    reference.startsWith("arn:") ? reference.substring(reference.lastIndexOf('/') + 1) : reference;
            int colon = plain.lastIndexOf(':');
            if (colon > 0 && plain.substring(colon + 1).matches("\\d{1,9}")) {
                return new DefinitionReference(plain.substring(0, colon), Integer.parseInt(plain.substring(colon + 1)));
            }
            return new DefinitionReference(plain, null);
        }

        /** The revision SubmitJob would use: this one, or the latest ACTIVE one for a bare name. */
        Optional<JobDefinitionDescription> pick(List<JobDefinitionDescription> active) {
            return active.stream()
                    .filter(d -> d.name().equals(name) && d.isActive())
                    .filter(d -> revision == null || d.revision() == revision)
                    .max(Comparator.comparingInt(JobDefinitionDescription::revision));
        }
    }
}
