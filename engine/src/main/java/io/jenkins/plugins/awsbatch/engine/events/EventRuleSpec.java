package io.jenkins.plugins.awsbatch.engine.events;

import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.NotifySpec;
import io.jenkins.plugins.awsbatch.engine.graph.NotifyTarget;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the Batch job state change rule of one graph matches and where it sends: one rule per graph (every run of
 * the graph reuses it), matching its job queues, the job names its runs give ({@code <graph>-...}), FAILED, and
 * SUCCEEDED of the last stage when the graph notifies on success.
 *
 * @param queueArns    the ARNs of every job queue the graph's stages use
 * @param successStage the stage whose SUCCEEDED jobs are told (the last Batch stage), or null
 * @param topicArn     the graph's own SNS target, or null: the engine creates {@link #topicName()} then
 * @param emails       email subscribers of the topic the engine creates
 * @param httpsUrls    HTTPS subscribers of the topic the engine creates
 */
public record EventRuleSpec(
        String graphName,
        List<String> queueArns,
        String successStage,
        String topicArn,
        List<String> emails,
        List<String> httpsUrls) {
    /** Names start with this; remove and show find them by it. */
    public static final String NAME_PREFIX = "batchgraph-";

    public static final String TAG_GRAPH = "batchgraph:graph";
    public static final String TAG_MANAGED_BY = "managed-by";
    public static final String MANAGED_BY = "batchgraph";

    public EventRuleSpec {
        queueArns = List.copyOf(queueArns);
        emails = emails == null ? List.of() : List.copyOf(emails);
        httpsUrls = httpsUrls == null ? List.of() : List.copyOf(httpsUrls);
    }

    /**
     * @param queueArns the graph's queues resolved to ARNs (events name a job's queue by ARN)
     * @param httpsUrls extra HTTPS subscribers for a topic the engine creates
     */
    public static EventRuleSpec forGraph(GraphSpec graph, List<String> queueArns, List<String> httpsUrls) {
        NotifySpec notify = graph.notifications() == null ? new NotifySpec(null, null, null) : graph.notifications();
        String topic = null;
        Set<String> emails = new LinkedHashSet<>();
        for (NotifyTarget target : notify.onFailure()) {
            if (target.sns() != null && topic == null) {
                topic = target.sns().topicArn();
            }
            if (target.email() != null && target.email().to() != null) {
                emails.addAll(target.email().to());
            }
        }
        String success = notify.onSuccess().isEmpty() ? null : lastBatchStage(graph);
        return new EventRuleSpec(graph.name(), queueArns, success, topic, new ArrayList<>(emails), httpsUrls);
    }

    /** The queues the graph's Batch stages use, as written (names or ARNs). */
    public static List<String> queuesOf(GraphSpec graph, String defaultQueue) {
        Set<String> queues = new LinkedHashSet<>();
        for (StageSpec stage : graph.stages()) {
            if (!stage.isBuiltInCleanup()) {
                queues.add(
                        stage.queue() != null ? stage.queue() : graph.queue() != null ? graph.queue() : defaultQueue);
            }
        }
        return List.copyOf(queues);
    }

    private static String lastBatchStage(GraphSpec graph) {
        String last = null;
        for (StageSpec stage : graph.stages()) {
            if (stage.type() != StageType.CLEANUP) {
                last = stage.name();
            }
        }
        return last;
    }

    /** {@code batchgraph-<graph>}: the rule's name. */
    public String ruleName() {
        return NAME_PREFIX + graphName;
    }

    /** The topic the engine creates when the graph names none. */
    public String topicName() {
        return NAME_PREFIX + graphName + "-events";
    }

    /** Every job of every run of the graph is named {@code <graph>-<stamp>-<hex>-<stage>-<part>}. */
    public String jobNamePrefix() {
        return cleanName(graphName) + "-";
    }

    /** Job names of the success stage: {@code <graph>-*-<stage>-*}. */
    public String successJobNames() {
        return successStage == null ? null : jobNamePrefix() + "*-" + cleanName(successStage) + "-*";
    }

    /** As job names spell it: Batch allows letters, digits, '-' and '_'. */
    static String cleanName(String text) {
        return text.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
