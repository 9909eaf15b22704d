package io.jenkins.plugins.awsbatch.engine.batch.local;

import io.jenkins.plugins.awsbatch.engine.batch.BatchLimits;
import io.jenkins.plugins.awsbatch.engine.batch.BatchService;
import io.jenkins.plugins.awsbatch.engine.batch.JobDefinition;
import io.jenkins.plugins.awsbatch.engine.batch.JobDefinitionDescription;
import io.jenkins.plugins.awsbatch.engine.batch.JobDetail;
import io.jenkins.plugins.awsbatch.engine.batch.JobPage;
import io.jenkins.plugins.awsbatch.engine.batch.JobQueueDescription;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.batch.ResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.RetryStrategy;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The embedded AWS Batch: job definitions run as local processes with Batch's rules (docs/architecture.md), plus the
 * admin operations a local endpoint needs (definitions, queues, compute environments, consumable resources,
 * tags). With a data directory every change is journaled there ({@link StateJournal}) and a new service on the
 * same directory carries on from it.
 */
public final class LocalBatchService implements BatchService {
    private final LocalBatchConfig config;
    private final String arnBase;
    /** Definitions, queues, compute environments or consumable resources changed: the journal writes them anew. */
    private final AtomicBoolean registriesChanged = new AtomicBoolean();

    private final ExecutorService launchPool;
    private final ScheduledExecutorService timers;
    private final JobScheduler scheduler;
    private final JobDefinitionRegistry definitions;
    private final QueueRegistry queues;
    private final StateJournal journal;
    private volatile boolean closed;

    /** {@link LocalBatchConfig#timeoutSecond()} sets how long one second of {@code attemptDurationSeconds} lasts. */
    public LocalBatchService(LocalBatchConfig config) {
        this.config = config;
        Duration timeoutSecond = config.timeoutSecond();
        this.arnBase = "arn:aws:batch:" + config.region() + ":000000000000:";
        this.launchPool = Executors.newFixedThreadPool(config.slots(), daemonThreads("local-batch-launch"));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemonThreads("local-batch-timer"));
        Runnable markChanged = () -> registriesChanged.set(true);
        this.definitions = new JobDefinitionRegistry(arnBase, markChanged);
        this.queues = new QueueRegistry(arnBase, markChanged);
        this.scheduler = new JobScheduler(config, launchPool, timers, timeoutSecond, registriesChanged);
        this.journal = config.dataDirectory() == null
                ? null
                : new StateJournal(config.dataDirectory(), scheduler, definitions, queues, registriesChanged);
        if (journal != null) {
            scheduler.persistBeforeStart(journal::ensurePersisted);
            journal.load();
            journal.startPeriodicFlush();
        }
    }

    /** The same as {@code new LocalBatchService(config.withTimeoutSecond(timeoutSecond))}. */
    LocalBatchService(LocalBatchConfig config, Duration timeoutSecond) {
        this(config.withTimeoutSecond(timeoutSecond));
    }

    /** Tells {@code listener} of every job status change from now on (null: nobody). */
    public void jobEvents(JobEventListener listener) {
        scheduler.listener(listener);
    }

    public LocalBatchConfig config() {
        return config;
    }

    // ---- BatchService ------------------------------------------------------------------------------------

    @Override
    public SubmitJobResult submitJob(SubmitJobRequest request) {
        checkOpen();
        JobSpec spec = specOf(request);
        LocalJob job = scheduler.submit(spec, request.tags());
        if (journal != null) {
            journal.ensurePersisted(job); // the id handed out is known to a restarted engine
        }
        return new SubmitJobResult(job.jobId(), spec.jobName(), scheduler.jobArn(job.jobId()));
    }

    private JobSpec specOf(SubmitJobRequest request) {
        BatchLimits.require(BatchLimits.name(request.jobName(), "Job name", "jobName"));
        BatchLimits.require(BatchLimits.arraySize(request.arraySize(), "arrayProperties.size"));
        BatchLimits.require(BatchLimits.dependencies(request.dependsOn().size(), "dependsOn"));
        BatchLimits.require(BatchLimits.tags(request.tags(), "tags"));
        BatchLimits.require(
                BatchLimits.schedulingPriority(request.schedulingPriorityOverride(), "schedulingPriorityOverride"));
        JobQueueInfo queue = queues.resolve(request.jobQueue());
        JobDefinition definition = definitions.resolve(request.jobDefinition()).definition();
        RetryStrategy retry = request.retryStrategy() != null ? request.retryStrategy() : definition.retryStrategy();
        RetryEvaluator.validate(retry);
        Integer timeout = request.timeoutSeconds() != null ? request.timeoutSeconds() : definition.timeoutSeconds();
        BatchLimits.require(BatchLimits.timeout(timeout, "timeout.attemptDurationSeconds"));
        Map<String, String> parameters = new HashMap<>(definition.parameters());
        parameters.putAll(request.parameters());
        List<String> command = request.command() != null ? request.command() : definition.command();
        Map<String, String> environment = new LinkedHashMap<>(definition.environment());
        environment.putAll(request.environment());
        return new JobSpec(
                request.jobName(),
                queue.name(),
                queue.computeEnvironments().get(0),
                arnBase + "job-definition/" + definition.nameWithRevision(),
                request.arraySize(),
                request.dependsOn(),
                Placeholders.substitute(command, parameters),
                environment,
                retry,
                timeout,
                request.consumableResources(),
                definition.image(),
                resourceRequirements(definition.resourceRequirements(), request.resourceRequirements()),
                parameters,
                request.propagateTags() || definition.propagateTags());
    }

    /** The definition's requirements with the overrides' replacing those of the same type, as AWS merges them. */
    private static List<ResourceRequirement> resourceRequirements(
            List<ResourceRequirement> definition, List<ResourceRequirement> overrides) {
        Map<String, ResourceRequirement> byType = new LinkedHashMap<>();
        definition.forEach(r -> byType.put(r.type(), r));
        overrides.forEach(r -> byType.put(r.type(), r));
        return List.copyOf(byType.values());
    }

    @Override
    public List<JobDetail> describeJobs(List<String> jobIds) {
        BatchLimits.require(BatchLimits.describeIds(jobIds.size(), "jobs"));
        return scheduler.withTable(table -> {
            List<JobDetail> out = new ArrayList<>(jobIds.size());
            for (String id : jobIds) {
                LocalJob job = table.get(jobIdOf(id));
                if (job != null) {
                    out.add(JobViews.detail(job));
                }
            }
            return out;
        });
    }

    /**
     * What each job was submitted with, as AWS's DescribeJobs reports it next to the job's state (its
     * {@code container}, {@code retryStrategy}, {@code timeout}, {@code parameters}, {@code propagateTags}); in
     * the order of {@code jobIds}, unknown ids left out. Children report their parent's. Same limits as
     * {@link #describeJobs}.
     */
    public List<JobSpecView> describeJobSpecs(List<String> jobIds) {
        BatchLimits.require(BatchLimits.describeIds(jobIds.size(), "jobs"));
        return scheduler.withTable(table -> {
            List<JobSpecView> out = new ArrayList<>(jobIds.size());
            for (String id : jobIds) {
                LocalJob job = table.get(jobIdOf(id));
                if (job != null) {
                    out.add(JobSpecView.of(job.jobId(), job.spec));
                }
            }
            return out;
        });
    }

    @Override
    public JobPage listJobs(ListJobsRequest request) {
        return scheduler.withTable(table -> JobLister.list(table, request, queues));
    }

    @Override
    public void cancelJob(String jobId, String reason) {
        scheduler.cancel(jobIdOf(jobId), requireReason(reason));
    }

    @Override
    public void terminateJob(String jobId, String reason) {
        scheduler.terminate(jobIdOf(jobId), requireReason(reason));
    }

    /** Local queues are always ENABLED and VALID: only a missing one is a problem. */
    @Override
    public Optional<List<JobQueueDescription>> findJobQueues(List<String> names) {
        return Optional.of(queues.describeJobQueues().stream()
                .filter(q -> names.contains(q.name()) || names.contains(q.arn()))
                .map(q -> new JobQueueDescription(q.name(), q.arn(), q.state(), "VALID", "JobQueue Healthy"))
                .toList());
    }

    /** Local definitions are all container definitions (a command run as a process). */
    @Override
    public Optional<List<JobDefinitionDescription>> findActiveJobDefinitions(String name) {
        return Optional.of(definitions.describe(List.of(name)).stream()
                .filter(JobDefinitionInfo::isActive)
                .map(d -> new JobDefinitionDescription(
                        d.definition().name(),
                        d.definition().revision(),
                        d.arn(),
                        d.status(),
                        JobDefinitionDescription.Kind.CONTAINER))
                .toList());
    }

    /** Every accepted job is on disk before its id is returned (with a data directory) or in memory for good. */
    @Override
    public boolean keepsEveryJob() {
        return true;
    }

    // ---- admin: definitions, queues, compute environments, consumable resources, tags --------------------

    /** Registers the next revision of {@code definition.name()} (its own revision field is ignored). */
    public JobDefinition registerJobDefinition(JobDefinition definition) {
        return definitions.register(definition);
    }

    /** All revisions, or those of the given {@code name}, {@code name:rev} or ARNs. */
    public List<JobDefinitionInfo> describeJobDefinitions(List<String> references) {
        return definitions.describe(references);
    }

    public void deregisterJobDefinition(String reference) {
        definitions.deregister(reference);
    }

    public ComputeEnvironmentInfo createComputeEnvironment(String name) {
        return queues.createComputeEnvironment(name);
    }

    /** @param type MANAGED or UNMANAGED (null: MANAGED); kept and reported by DescribeComputeEnvironments */
    public ComputeEnvironmentInfo createComputeEnvironment(String name, String type) {
        return queues.createComputeEnvironment(name, type, null);
    }

    /** @param tags kept, listed by {@link #listTagsForResource} and persisted; null: none */
    public ComputeEnvironmentInfo createComputeEnvironment(String name, String type, Map<String, String> tags) {
        return queues.createComputeEnvironment(name, type, tags);
    }

    public List<ComputeEnvironmentInfo> describeComputeEnvironments() {
        return queues.describeComputeEnvironments();
    }

    public JobQueueInfo createJobQueue(String name, int priority, List<String> computeEnvironments) {
        return queues.createJobQueue(name, priority, computeEnvironments);
    }

    /** @param tags kept, listed by {@link #listTagsForResource} and persisted; null: none */
    public JobQueueInfo createJobQueue(
            String name, int priority, List<String> computeEnvironments, Map<String, String> tags) {
        return queues.createJobQueue(name, priority, computeEnvironments, tags);
    }

    /** The queue, created (with a compute environment named {@code local}) when it does not exist yet. */
    public JobQueueInfo ensureJobQueue(String name) {
        return queues.ensureJobQueue(name);
    }

    public List<JobQueueInfo> describeJobQueues() {
        return queues.describeJobQueues();
    }

    /** Jobs asking for {@code name} wait RUNNABLE until their quantity is free: an exact concurrency cap. */
    public ConsumableResourceInfo createConsumableResource(String name, long totalQuantity) {
        scheduler.createConsumableResource(name, totalQuantity);
        return describeConsumableResources().stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    public List<ConsumableResourceInfo> describeConsumableResources() {
        return scheduler.describeConsumableResources();
    }

    /**
     * Adds or replaces tags on a job (ARN or id), job queue, compute environment or job definition revision (ARN).
     */
    public void tagResource(String resourceArn, Map<String, String> tags) {
        editTags(resourceArn, current -> current.putAll(tags));
    }

    public void untagResource(String resourceArn, List<String> tagKeys) {
        editTags(resourceArn, current -> tagKeys.forEach(current::remove));
    }

    /** The tags of a job (ARN or id; children report their parent's), job queue, compute environment or definition. */
    public Map<String, String> listTagsForResource(String resourceArn) {
        if (isJob(resourceArn)) {
            return scheduler.withTable(
                    table -> Map.copyOf(jobOf(table, resourceArn).effectiveTags()));
        }
        if (resourceArn.startsWith(arnBase + "job-definition/")) {
            return definitions.tagsOf(resourceArn);
        }
        return queues.tagsOf(resourceArn);
    }

    private void editTags(String resourceArn, Consumer<Map<String, String>> edit) {
        if (resourceArn == null || resourceArn.isBlank()) {
            throw ClientErrors.missing("resourceArn");
        }
        if (isJob(resourceArn)) {
            scheduler.withTable(table -> {
                LocalJob job = jobOf(table, resourceArn);
                edit.accept(job.effectiveTags());
                if (journal != null) {
                    journal.tagsChanged(job.isChild() ? job.parent : job);
                }
                return null;
            });
        } else if (resourceArn.startsWith(arnBase + "job-definition/")) {
            definitions.editTags(resourceArn, edit);
        } else {
            queues.editTags(resourceArn, edit);
        }
    }

    /** A job id (no ARN) or a job ARN. */
    private static boolean isJob(String resourceArn) {
        return !resourceArn.startsWith("arn:") || resourceArn.contains(":job/");
    }

    public String jobArn(String jobId) {
        return scheduler.jobArn(jobId);
    }

    /** The reader of this engine's attempt logs. */
    public LocalLogTailer logTailer() {
        return new LocalLogTailer(config.logDirectory());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (journal != null) {
            journal.close();
        }
        scheduler.close();
        stopThreads();
    }

    /**
     * Stops this engine as a crash would: lines not written yet are lost, running attempts left running. A new
     * engine on the same data and log directories adopts them from their records.
     */
    void abandon() {
        closed = true;
        if (journal != null) {
            journal.abandon();
        }
        scheduler.abandon();
        stopThreads();
    }

    /** Spawns under way end before this returns (after {@link #abandon()} their processes run on). */
    private void stopThreads() {
        timers.shutdownNow();
        launchPool.shutdownNow();
        try {
            launchPool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The lines that would rebuild the job table now ({@link StateJournal#image}). */
    List<JournalEntry> tableImage() {
        return scheduler.withTable(table -> StateJournal.image(table.topLevelJobs(), table.size()));
    }

    /** The journal of this engine's state (null without a data directory). */
    StateJournal journal() {
        return journal;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the local Batch engine is closed");
        }
    }

    private static LocalJob jobOf(JobTable table, String jobArn) {
        LocalJob job = table.get(jobIdOf(jobArn));
        if (job == null) {
            throw ClientErrors.unknownJob(jobArn);
        }
        return job;
    }

    /** Accepts a job id or a job ARN. */
    private static String jobIdOf(String idOrArn) {
        if (idOrArn == null) {
            throw ClientErrors.missing("jobId");
        }
        int marker = idOrArn.indexOf(":job/");
        return idOrArn.startsWith("arn:") && marker >= 0 ? idOrArn.substring(marker + 5) : idOrArn;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ClientErrors.missing("reason");
        }
        return reason;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
