package io.jenkins.plugins.awsbatch.engine.run.submit;

import io.jenkins.plugins.awsbatch.engine.batch.JobDependency;
import io.jenkins.plugins.awsbatch.engine.batch.JobTags;
import io.jenkins.plugins.awsbatch.engine.batch.ResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageDependency;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import io.jenkins.plugins.awsbatch.engine.plan.ItemLayout;
import io.jenkins.plugins.awsbatch.engine.store.PackedItems;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.TransientObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds the SubmitJob request of one job of a stage: queue, definition, overrides, retry, timeout, tags and
 * the {@code BATCHGRAPH_*} environment of docs/job-environment.md.
 */
final class SubmitRequestFactory {
    static final String TAG_RUN = JobTags.RUN;
    static final String TAG_STAGE = JobTags.STAGE;

    private final GraphSpec graph;
    private final RunLayout layout;
    private final String itemsUri;
    private final ItemLayout itemLayout;
    private final long itemCount;
    private final Function<String, String> definitionNames;
    private final String defaultQueue;

    SubmitRequestFactory(
            GraphSpec graph,
            RunLayout layout,
            String itemsUri,
            ItemLayout itemLayout,
            long itemCount,
            Function<String, String> definitionNames,
            String defaultQueue) {
        this.graph = graph;
        this.layout = layout;
        this.itemsUri = itemsUri;
        this.itemLayout = itemLayout;
        this.itemCount = itemCount;
        this.definitionNames = definitionNames;
        this.defaultQueue = defaultQueue;
    }

    String queueOf(StageSpec stage) {
        if (stage.queue() != null) {
            return stage.queue();
        }
        return graph.queue() != null ? graph.queue() : defaultQueue;
    }

    SubmitJobRequest.Builder base(
            StageSpec stage, String jobName, Map<String, String> extraEnv, List<JobDependency> dependsOn) {
        Map<String, String> env = new LinkedHashMap<>(stage.environment());
        env.put("BATCHGRAPH_RUN_ID", layout.runId());
        env.put("BATCHGRAPH_STAGE", stage.name());
        env.put("BATCHGRAPH_RUN_URI", layout.runUri());
        env.put("BATCHGRAPH_ITEMS_URI", itemsUri);
        env.put("BATCHGRAPH_ITEMS_LAYOUT", itemLayout.id());
        if (itemLayout == ItemLayout.PACKED) {
            env.put("BATCHGRAPH_ITEMS_OFFSETS_URI", PackedItems.offsetsUri(itemsUri));
        }
        env.put("BATCHGRAPH_ITEM_COUNT", String.valueOf(itemCount));
        env.put("BATCHGRAPH_OUTPUT_URI", layout.outputUri(stage.name()));
        if (stage.type() == StageType.ARRAY) {
            env.put("BATCHGRAPH_OUTPUT_TAGGING", TransientObjects.TAGGING);
        }
        if (!stage.dependsOn().isEmpty()) {
            StageDependency first = stage.dependsOn().get(0);
            env.put("BATCHGRAPH_INPUT_URI", layout.outputUri(first.stage()));
        }
        env.putAll(extraEnv);
        Map<String, String> tags = new LinkedHashMap<>(stage.tags());
        tags.put(TAG_RUN, layout.runId());
        tags.put(TAG_STAGE, stage.name());
        List<ResourceRequirement> resources = new ArrayList<>();
        if (stage.vcpus() != null) {
            resources.add(new ResourceRequirement("VCPU", String.valueOf(stage.vcpus())));
        }
        if (stage.memory() != null) {
            resources.add(new ResourceRequirement("MEMORY", String.valueOf(stage.memory())));
        }
        return SubmitJobRequest.builder()
                .jobName(jobName)
                .jobQueue(queueOf(stage))
                .jobDefinition(definitionNames.apply(stage.jobDefinition()))
                .dependsOn(dependsOn)
                .command(stage.command())
                .environment(env)
                .parameters(stage.parameters())
                .retryStrategy(stage.retry() == null ? null : stage.retry().toStrategy())
                .timeoutSeconds(stage.timeout())
                .tags(tags)
                .propagateTags(true)
                .shareIdentifier(stage.shareIdentifier())
                .schedulingPriorityOverride(stage.schedulingPriority())
                .resourceRequirements(resources);
    }
}
