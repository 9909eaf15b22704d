package io.jenkins.plugins.awsbatch.engine.events;

import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
import io.jenkins.plugins.awsbatch.engine.batch.JobQueueDescription;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.NotifySpec;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunEngine;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunSettings;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/** A graph's rule from its file: its queues resolved to ARNs on Batch, and the run's own setup of it. */
public final class GraphEventRules {
    private GraphEventRules() {}

    /**
     * The rule {@code graph} wants, its queues looked up on Batch (events name queues by ARN).
     *
     * @throws IllegalArgumentException naming a queue Batch does not know
     */
    public static EventRuleSpec specFor(GraphSpec graph, BatchService batch, List<String> httpsUrls) {
        List<String> queues =
                EventRuleSpec.queuesOf(graph, RunSettings.defaults().defaultQueue());
        List<String> arns = new ArrayList<>();
        List<String> names = queues.stream().filter(q -> !q.startsWith("arn:")).toList();
        queues.stream().filter(q -> q.startsWith("arn:")).forEach(arns::add);
        if (!names.isEmpty()) {
            Optional<List<JobQueueDescription>> found = batch.findJobQueues(names);
            for (String name : names) {
                String arn = found.orElse(List.of()).stream()
                        .filter(q -> name.equals(q.name()) || name.equals(q.arn()))
                        .map(JobQueueDescription::arn)
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("queue '" + name + "' of graph " + graph.name()
                                + " is not a job queue here: create it, or fix queue in the graph file"));
                arns.add(arn);
            }
        }
        return EventRuleSpec.forGraph(graph, arns, httpsUrls);
    }

    /** The ARNs the local engine gives the graph's queues (known before the queues are created). */
    public static List<String> localQueueArns(GraphSpec graph, String region) {
        return EventRuleSpec.queuesOf(graph, RunSettings.defaults().defaultQueue()).stream()
                .map(q -> q.startsWith("arn:")
                        ? q
                        : "arn:aws:batch:" + region + ":" + LocalEventSink.ACCOUNT + ":job-queue/" + q)
                .toList();
    }

    /** Only the names: what remove and show need (no queue lookup). */
    public static EventRuleSpec namesOf(GraphSpec graph) {
        return EventRuleSpec.forGraph(graph, List.of(), List.of());
    }

    /**
     * At the start of a run on AWS with {@code notify}: makes sure the graph's rule is there, so a failure is told
     * even when nothing tracks the run any more. Never fails the run: a refusal (IAM) is one line on the listener.
     */
    public static void ensureForRun(GraphSpec graph, RunEngine engine, RunListener listener) {
        NotifySpec notify = graph.notifications();
        if (!(engine.resources() instanceof AwsClients clients)
                || notify == null
                || notify.onFailure().isEmpty() && notify.onSuccess().isEmpty()) {
            return;
        }
        try {
            EventRuleState state = new AwsEventRules(clients.eventBridge(), clients.sns(), Json.mapper())
                    .setup(specFor(graph, engine.services().batch(), List.of()));
            listener.message("failure events: rule " + state.ruleName() + " sends to " + state.topicArn()
                    + (state.changes().isEmpty() ? " (unchanged)" : ": " + String.join("; ", state.changes())));
        } catch (SdkException | IllegalArgumentException | IllegalStateException e) {
            listener.message("failure events not set up (the run's own notification still comes at its end): "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
