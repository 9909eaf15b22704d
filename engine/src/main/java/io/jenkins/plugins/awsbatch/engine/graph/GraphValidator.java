package io.jenkins.plugins.awsbatch.engine.graph;

import io.jenkins.plugins.awsbatch.engine.batch.BatchLimits;
import io.jenkins.plugins.awsbatch.engine.batch.JobTags;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import io.jenkins.plugins.awsbatch.engine.plan.ItemLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a whole graph before anything is submitted and reports every problem at once, each with the path of
 * the field and the fix. The limits are AWS Batch's, so a graph valid here is accepted by AWS.
 */
public final class GraphValidator {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public List<GraphError> validate(GraphSpec graph) {
        List<GraphError> errors = new ArrayList<>();
        new Check(graph, errors).run();
        return errors;
    }

    /** Throws {@link GraphValidationException} listing every error, if there is any. */
    public GraphSpec requireValid(GraphSpec graph) {
        List<GraphError> errors = validate(graph);
        if (!errors.isEmpty()) {
            throw new GraphValidationException(errors);
        }
        return graph;
    }

    /**
     * Rules that need the item count, checked once the items were read and before anything is created: every
     * count expression must give between 1 and {@link CountExpression#MAX_COUNT} jobs.
     */
    public List<GraphError> validateCounts(GraphSpec graph, long items) {
        List<GraphError> errors = new ArrayList<>();
        for (int i = 0; i < graph.stages().size(); i++) {
            CountSpec count = graph.stages().get(i).count();
            if (count == null || count.expression() == null) {
                continue;
            }
            try {
                CountExpression.parse(count.expression()).evaluate(items);
            } catch (IllegalArgumentException e) {
                errors.add(new GraphError(
                        "stages[" + i + "].count",
                        e.getMessage(),
                        "bound it, e.g. \"min(" + CountExpression.MAX_COUNT + ", max(1, ceil(items / 1000)))\""));
            }
        }
        return errors;
    }

    /** Throws {@link GraphValidationException} when a count does not fit {@code items}. */
    public void requireCounts(GraphSpec graph, long items) {
        List<GraphError> errors = validateCounts(graph, items);
        if (!errors.isEmpty()) {
            throw new GraphValidationException(errors);
        }
    }

    /** AWS Batch's limits of a retry strategy ({@link BatchLimits}), reported under {@code path}. */
    static void checkRetry(RetryStrategy retry, String path, List<GraphError> errors) {
        BatchLimits.retryStrategy(retry, path).forEach(v -> errors.add(asError(v)));
    }

    private static GraphError asError(BatchLimits.Violation v) {
        return new GraphError(v.field(), v.problem(), v.fix());
    }

    private static final class Check {
        private final GraphSpec graph;
        private final List<GraphError> errors;
        private final Map<String, Integer> indexByName = new LinkedHashMap<>();

        Check(GraphSpec graph, List<GraphError> errors) {
            this.graph = graph;
            this.errors = errors;
        }

        void run() {
            checkTop();
            List<StageSpec> stages = graph.stages();
            for (int i = 0; i < stages.size(); i++) {
                StageSpec stage = stages.get(i);
                String path = "stages[" + i + "]";
                if (stage.name() == null || !NAME.matcher(stage.name()).matches()) {
                    error(
                            path + ".name",
                            "stage name '" + stage.name() + "' is missing or invalid",
                            "use 1-64 letters, digits, '-' or '_'");
                } else if (indexByName.putIfAbsent(stage.name(), i) != null) {
                    error(
                            path + ".name",
                            "stage name '" + stage.name() + "' is used twice",
                            "give every stage its own name");
                }
            }
            for (int i = 0; i < stages.size(); i++) {
                checkStage(stages.get(i), "stages[" + i + "]");
            }
            checkOneCleanup(stages);
            NotifyCheck.check(graph.notifications(), errors);
            checkCycles();
            checkJobDefinitions();
        }

        private void checkTop() {
            if (graph.name() == null || !NAME.matcher(graph.name()).matches()) {
                error(
                        "name",
                        "graph name '" + graph.name() + "' is missing or invalid",
                        "use 1-64 letters, digits, '-' or '_'");
            }
            checkBatchName(graph.queue(), "queue", "job queue");
            EngineKind engine = graph.engineKind();
            if (engine == null) {
                error("engine", "unknown engine '" + graph.engineOrDefault() + "'", "use local or aws");
            }
            String store = graph.storeOrDefault();
            if (!store.startsWith("file:") && !store.startsWith("s3://")) {
                error("store", "unsupported store '" + store + "'", "use file://PATH or s3://BUCKET/PREFIX");
            }
            if (graph.mode() != null && !List.of("auto", "upfront", "gated").contains(graph.mode())) {
                error("mode", "unknown mode '" + graph.mode() + "'", "use auto, upfront or gated");
            }
            if ("upfront".equals(graph.mode())) {
                for (int i = 0; i < graph.stages().size(); i++) {
                    StageSpec stage = graph.stages().get(i);
                    if (stage.type() != StageType.CLEANUP && ExecutionModes.isGated(graph.withMode(null), stage)) {
                        error(
                                "mode",
                                "stage '" + stage.name() + "' must be judged before it is submitted (tolerated "
                                        + "failures, retried items, waves or a partition count upstream), so it cannot run upfront",
                                "remove mode: upfront (auto picks gated where needed)");
                        break;
                    }
                }
            }
            if (graph.stages().isEmpty()) {
                error("stages", "the graph has no stages", "add at least one stage");
            }
            String itemStore = graph.plan() == null ? null : graph.plan().itemStore();
            if (itemStore != null
                    && !itemStore.equals("store")
                    && !itemStore.matches("dynamodb:[A-Za-z0-9_.-]{3,255}")) {
                error(
                        "plan.itemStore",
                        "unknown item store '" + itemStore + "'",
                        "use store (default) or dynamodb:TABLE");
            }
            if (itemStore != null && itemStore.startsWith("dynamodb:") && engine != EngineKind.AWS) {
                error("plan.itemStore", "DynamoDB needs the aws engine", "remove itemStore, or set engine: aws");
            }
            String itemLayout = graph.plan() == null ? null : graph.plan().itemLayout();
            if (!ItemLayout.isValid(itemLayout)) {
                error(
                        "plan.itemLayout",
                        "unknown item layout '" + itemLayout + "'",
                        "use auto (default: per-item up to " + ItemLayout.AUTO_PACKED_ABOVE + " items, packed past it),"
                                + " packed or per-item");
            } else if (ItemLayout.PACKED.id().equals(itemLayout)
                    && itemStore != null
                    && itemStore.startsWith("dynamodb:")) {
                error(
                        "plan.itemLayout",
                        "a DynamoDB item table keeps one table item per item, it is never packed",
                        "remove itemLayout, or remove itemStore to pack the items in the run's store");
            }
            ItemSourceSpec items = graph.plan() == null ? null : graph.plan().items();
            boolean needsItems = graph.stages().stream().anyMatch(s -> s.type() == StageType.ARRAY);
            if (items == null) {
                if (needsItems) {
                    error("plan.items", "array stages need items", "add plan: {items: {file: items.csv}}");
                }
            } else {
                int sources =
                        (items.list() != null ? 1 : 0) + (items.file() != null ? 1 : 0) + (items.s3() != null ? 1 : 0);
                if (sources != 1) {
                    error(
                            "plan.items",
                            "exactly one of list, file, s3 is required, found " + sources,
                            "keep one item source");
                }
                if (items.file() != null && !items.file().matches("(?i).*\\.(json|jsonl|ndjson|csv|xlsx)")) {
                    error(
                            "plan.items.file",
                            "unsupported file type '" + items.file() + "'",
                            "use a .json, .jsonl, .csv or .xlsx file");
                }
                if (items.sheet() != null
                        && (items.file() == null
                                || !items.file()
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .endsWith(".xlsx"))) {
                    error(
                            "plan.items.sheet",
                            "sheet applies to .xlsx files only",
                            "remove sheet, or read an .xlsx file");
                }
                if (items.s3() != null && !items.s3().startsWith("s3://")) {
                    error("plan.items.s3", "'" + items.s3() + "' is not an S3 URI", "write s3://BUCKET/PREFIX/");
                }
            }
        }

        /** AWS Batch's names for job queues (or their ARNs), and for fair-share identifiers. */
        private static final String BATCH_NAME_PART = "[A-Za-z0-9_-]{1," + BatchLimits.MAX_NAME_LENGTH + "}";

        private static final Pattern BATCH_NAME = Pattern.compile(
                BATCH_NAME_PART + "|arn:aws[a-z-]*:batch:[a-z0-9-]+:\\d{12}:[a-z-]+/" + BATCH_NAME_PART);
        private static final Pattern SHARE_IDENTIFIER = Pattern.compile("[A-Za-z0-9_]{1,255}");

        private void checkBatchName(String value, String path, String what) {
            if (value != null && !BATCH_NAME.matcher(value).matches()) {
                error(
                        path,
                        "'" + value + "' is not a " + what + " name",
                        "use 1-" + BatchLimits.MAX_NAME_LENGTH + " letters, digits, '-' or '_' (or its ARN)");
            }
        }

        private void checkStage(StageSpec stage, String path) {
            checkBatchName(stage.queue(), path + ".queue", "job queue");
            if (stage.shareIdentifier() != null
                    && !SHARE_IDENTIFIER.matcher(stage.shareIdentifier()).matches()) {
                error(
                        path + ".shareIdentifier",
                        "'" + stage.shareIdentifier() + "' is not a share identifier",
                        "use 1-255 letters, digits or '_'");
            }
            if (stage.command() != null
                    && (stage.command().isEmpty()
                            || stage.command().stream().anyMatch(c -> c == null || c.isEmpty()))) {
                error(
                        path + ".command",
                        "the command override is empty or has an empty word",
                        "remove command (the job definition's runs) or list its words, e.g. [python3, job.py]");
            }
            if (stage.jobDefinition() == null && !stage.isBuiltInCleanup()) {
                error(
                        path + ".jobDefinition",
                        "stage '" + stage.name() + "' has no job definition",
                        "set jobDefinition to a name under jobDefinitions (local) or a registered definition (aws)");
            }
            violation(BatchLimits.timeout(stage.timeout(), path + ".timeout"));
            if (stage.retry() != null) {
                checkRetry(stage.retry().toStrategy(), path + ".retry", errors);
            }
            if (stage.maxConcurrency() != null && stage.maxConcurrency() < 1) {
                error(
                        path + ".maxConcurrency",
                        "maxConcurrency must be at least 1",
                        "remove it or set a positive number");
            }
            if (stage.toleratedFailurePercent() != null
                    && (stage.toleratedFailurePercent() < 0 || stage.toleratedFailurePercent() > 100)) {
                error(path + ".toleratedFailurePercent", "must be between 0 and 100", "set a percentage");
            }
            if (stage.toleratedFailureCount() != null && stage.toleratedFailureCount() < 0) {
                error(path + ".toleratedFailureCount", "must not be negative", "set 0 or more");
            }
            if (stage.toleratedFailurePercent() != null && stage.toleratedFailureCount() != null) {
                error(path, "both toleratedFailurePercent and toleratedFailureCount are set", "keep one of them");
            }
            if (stage.retryFailedItems() != null && (stage.retryFailedItems() < 0 || stage.retryFailedItems() > 10)) {
                error(path + ".retryFailedItems", "must be between 0 and 10", "set a number of rounds from 0 to 10");
            }
            boolean array = stage.type() == StageType.ARRAY;
            if (!array) {
                if (stage.isSequential()) {
                    error(path + ".sequential", "only array stages run children in sequence", "remove sequential");
                }
                if (stage.toleratesFailures() || stage.retryRounds() > 0) {
                    error(
                            path,
                            "tolerated failures and retryFailedItems apply to array stages only",
                            "move them to an array stage");
                }
            }
            if (stage.count() != null) {
                if (stage.type() != StageType.AGGREGATE) {
                    error(
                            path + ".count",
                            "count applies to aggregate stages only",
                            "remove count or make the stage type: aggregate");
                }
                checkCount(stage.count(), path + ".count");
            }
            Map<String, String> tags = new HashMap<>(stage.tags());
            tags.put(JobTags.RUN, "run id");
            tags.put(JobTags.STAGE, "stage name");
            BatchLimits.Violation tagProblem = BatchLimits.tags(tags, path + ".tags");
            if (tagProblem != null) {
                error(
                        tagProblem.field(),
                        tagProblem.problem() + " (with the engine's " + JobTags.RUN + " and " + JobTags.STAGE + ")",
                        "keep at most " + (BatchLimits.MAX_TAGS - 2) + " tags of your own, within AWS Batch's limits");
            }
            violation(BatchLimits.schedulingPriority(stage.schedulingPriority(), path + ".schedulingPriority"));
            EnvironmentNames.check(stage.environment(), path + ".environment", errors);
            checkResources(stage.vcpus(), stage.memory(), path);
            BatchLimits.Violation dependencies =
                    BatchLimits.dependencies(stage.dependsOn().size(), path + ".dependsOn");
            if (dependencies != null) {
                violation(dependencies.withFix("depend on fewer stages, or add an intermediate single stage"));
            }
            Set<String> seen = new HashSet<>();
            for (int d = 0; d < stage.dependsOn().size(); d++) {
                checkDependency(stage, stage.dependsOn().get(d), path + ".dependsOn[" + d + "]", seen);
            }
        }

        private void checkCount(CountSpec count, String path) {
            int set = (count.fixed() != null ? 1 : 0)
                    + (count.expression() != null ? 1 : 0)
                    + (count.partitionsFrom() != null ? 1 : 0);
            if (set != 1) {
                error(
                        path,
                        "count needs exactly one of a number, an expression or partitionsFrom",
                        "write count: 1, count: \"ceil(items / 1000)\" or count: {partitionsFrom: STAGE}");
                return;
            }
            if (count.fixed() != null && (count.fixed() < 1 || count.fixed() > BatchLimits.MAX_ARRAY_SIZE)) {
                error(
                        path,
                        "count must be between 1 and " + BatchLimits.MAX_ARRAY_SIZE + ", got " + count.fixed(),
                        "set a count from 1 to " + BatchLimits.MAX_ARRAY_SIZE);
            }
            if (count.expression() != null) {
                try {
                    CountExpression.parse(count.expression());
                } catch (IllegalArgumentException e) {
                    error(
                            path,
                            e.getMessage(),
                            "write e.g. \"ceil(items / 1000)\" using items, numbers, + - * / and ceil/floor/min/max");
                }
            }
            if (count.partitionsFrom() != null) {
                Integer target = indexByName.get(count.partitionsFrom());
                if (target == null) {
                    error(
                            path + ".partitionsFrom",
                            "unknown stage '" + count.partitionsFrom() + "'",
                            "name one of " + indexByName.keySet());
                }
            }
        }

        private void checkDependency(StageSpec stage, StageDependency dep, String path, Set<String> seen) {
            if (dep == null || dep.stage() == null) {
                error(path, "dependency without a stage", "write a stage name or {stage: NAME, type: N_TO_N}");
                return;
            }
            Integer target = indexByName.get(dep.stage());
            if (target == null) {
                error(path + ".stage", "unknown stage '" + dep.stage() + "'", "name one of " + indexByName.keySet());
                return;
            }
            if (dep.stage().equals(stage.name())) {
                error(path + ".stage", "stage '" + stage.name() + "' depends on itself", "remove the dependency");
                return;
            }
            if (!seen.add(dep.stage())) {
                error(path + ".stage", "stage '" + dep.stage() + "' is listed twice", "list each dependency once");
            }
            StageSpec upstream = graph.stages().get(target);
            if (dep.type() == io.jenkins.plugins.awsbatch.engine.batch.DependencyType.SEQUENTIAL) {
                error(
                        path + ".type",
                        "SEQUENTIAL is not a dependency between stages",
                        "use sequential: true on the array stage, or N_TO_N");
            }
            if (dep.isNToN() && (stage.type() != StageType.ARRAY || upstream.type() != StageType.ARRAY)) {
                error(
                        path + ".type",
                        "N_TO_N pairs children of two arrays of the same size, but '"
                                + (stage.type() != StageType.ARRAY ? stage.name() : upstream.name())
                                + "' is not an array stage",
                        "depend on the whole stage (write just the stage name)");
            }
            if (dep.isNToN()
                    && upstream.type() == StageType.ARRAY
                    && stage.type() == StageType.ARRAY
                    && (upstream.toleratesFailures() || upstream.retryRounds() > 0)) {
                // Items that failed upstream are dropped, so the next array is smaller: no longer the same size.
                error(
                        path + ".type",
                        "N_TO_N needs arrays of the same size, but '" + upstream.name() + "' may drop failed items",
                        "depend on the whole stage");
            }
            if (upstream.type() == StageType.CLEANUP) {
                error(
                        path + ".stage",
                        "nothing can run after cleanup: its data is gone",
                        "make cleanup the last stage");
            }
        }

        private void checkCycles() {
            Map<String, List<String>> edges = new HashMap<>();
            for (StageSpec stage : graph.stages()) {
                List<String> targets = new ArrayList<>();
                for (StageDependency dep : stage.dependsOn()) {
                    if (dep != null
                            && dep.stage() != null
                            && indexByName.containsKey(dep.stage())
                            && !dep.stage().equals(stage.name())) {
                        targets.add(dep.stage());
                    }
                }
                edges.put(stage.name(), targets);
            }
            Map<String, Integer> state = new HashMap<>();
            for (String name : indexByName.keySet()) {
                List<String> path = new ArrayList<>();
                if (visit(name, edges, state, path)) {
                    error(
                            "stages[" + indexByName.get(path.get(0)) + "].dependsOn",
                            "dependency cycle: " + String.join(" -> ", path),
                            "remove one dependency of the cycle");
                    return;
                }
            }
        }

        private boolean visit(
                String name, Map<String, List<String>> edges, Map<String, Integer> state, List<String> path) {
            Integer s = state.get(name);
            if (s != null && s == 2) {
                return false;
            }
            path.add(name);
            if (s != null && s == 1) {
                path.subList(0, path.indexOf(name)).clear();
                return true;
            }
            state.put(name, 1);
            for (String next : edges.getOrDefault(name, List.of())) {
                if (visit(next, edges, state, path)) {
                    return true;
                }
            }
            state.put(name, 2);
            path.remove(path.size() - 1);
            return false;
        }

        private void checkJobDefinitions() {
            boolean local = graph.engineKind() == EngineKind.LOCAL;
            for (int i = 0; i < graph.stages().size(); i++) {
                StageSpec stage = graph.stages().get(i);
                if (stage.jobDefinition() == null) {
                    continue;
                }
                String base = stage.jobDefinition().replaceFirst(":\\d+$", "");
                if (local
                        && !graph.jobDefinitions().containsKey(base)
                        && !graph.jobDefinitions().containsKey(stage.jobDefinition())) {
                    error(
                            "stages[" + i + "].jobDefinition",
                            "job definition '" + stage.jobDefinition() + "' is not declared",
                            "add it under jobDefinitions (known: "
                                    + graph.jobDefinitions().keySet() + ")");
                } else if (local
                        && !base.equals(stage.jobDefinition())
                        && !stage.jobDefinition().endsWith(":1")
                        && !graph.jobDefinitions().containsKey(stage.jobDefinition())) {
                    // The local engine registers each declared definition once, as revision 1.
                    error(
                            "stages[" + i + "].jobDefinition",
                            "'" + stage.jobDefinition() + "' is not an ACTIVE job definition",
                            "name an ACTIVE revision (" + base + ":1) or register it again");
                }
            }
            for (Map.Entry<String, JobDefinitionSpec> def :
                    graph.jobDefinitions().entrySet()) {
                String path = "jobDefinitions." + def.getKey();
                if (!NAME.matcher(def.getKey()).matches()) {
                    error(
                            path,
                            "job definition name '" + def.getKey() + "' is invalid",
                            "use 1-64 letters, digits, '-' or '_'");
                }
                JobDefinitionSpec spec = def.getValue();
                if (spec == null) {
                    error(path, "empty job definition", "give it a command");
                    continue;
                }
                if (local && spec.command().isEmpty()) {
                    error(path + ".command", "the local engine needs a command", "add command: [python3, job.py]");
                }
                violation(BatchLimits.timeout(spec.timeout(), path + ".timeout"));
                if (spec.retry() != null) {
                    checkRetry(spec.retry().toStrategy(), path + ".retry", errors);
                }
                EnvironmentNames.check(spec.environment(), path + ".environment", errors);
                checkResources(spec.vcpus(), spec.memory(), path);
            }
        }

        /** AWS Batch's floor: a job needs at least one vCPU and 4 MiB of memory. */
        private void checkResources(Integer vcpus, Integer memory, String path) {
            if (vcpus != null && vcpus < 1) {
                error(
                        path + ".vcpus",
                        "vcpus must be at least 1, got " + vcpus,
                        "set a whole number of vCPUs, e.g. vcpus: 1");
            }
            if (memory != null && memory < 4) {
                error(
                        path + ".memory",
                        "memory must be at least 4 MiB, got " + memory,
                        "set memory in MiB, e.g. memory: 2048");
            }
        }

        /** The cleanup stage deletes the run's data: a second one would find it gone, or delete what the first kept. */
        private void checkOneCleanup(List<StageSpec> stages) {
            int first = -1;
            for (int i = 0; i < stages.size(); i++) {
                if (stages.get(i).type() != StageType.CLEANUP) {
                    continue;
                }
                if (first < 0) {
                    first = i;
                } else {
                    error(
                            "stages[" + i + "].type",
                            "a graph has at most one cleanup stage, and stages[" + first + "] is one already",
                            "remove this stage, or make it another type");
                }
            }
        }

        private void violation(BatchLimits.Violation v) {
            if (v != null) {
                errors.add(asError(v));
            }
        }

        private void error(String path, String problem, String fix) {
            errors.add(new GraphError(path, problem, fix));
        }
    }
}
