package io.jenkins.plugins.awsbatch.engine.run.submit;

import io.jenkins.plugins.awsbatch.engine.batch.BatchLimits;
import io.jenkins.plugins.awsbatch.engine.batch.ConsumableResourceRequirement;
import io.jenkins.plugins.awsbatch.engine.batch.DependencyType;
import io.jenkins.plugins.awsbatch.engine.batch.JobDependency;
import io.jenkins.plugins.awsbatch.engine.batch.JobPage;
import io.jenkins.plugins.awsbatch.engine.batch.JobSummary;
import io.jenkins.plugins.awsbatch.engine.batch.ListJobsRequest;
import io.jenkins.plugins.awsbatch.engine.batch.SubmitJobRequest;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageDependency;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.plan.Chunk;
import io.jenkins.plugins.awsbatch.engine.plan.Chunker;
import io.jenkins.plugins.awsbatch.engine.run.state.JobRecord;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submits the jobs of one stage (one round): chunked arrays over the stage's population, single jobs, or
 * aggregation jobs; wires Batch dependencies in upfront mode (through barrier jobs past 20); journals every
 * job id before the next call.
 */
final class StageSubmitter {
    private final RunServices services;
    private final RunState state;
    private final RunJournal journal;
    private final SubmitRequestFactory requests;
    private final Chunker chunker;
    private final GraphSpec graph;
    /** After an interruption or a failed submit, every later submit first looks its job up by name. */
    private boolean reconcile;

    StageSubmitter(
            RunServices services, RunState state, RunJournal journal, SubmitRequestFactory requests, Chunker chunker) {
        this.services = services;
        this.state = state;
        this.journal = journal;
        this.requests = requests;
        this.chunker = chunker;
        this.graph = state.graph;
    }

    /** One unit of work to submit: an array chunk, a single job, or one partition. */
    record Unit(Chunk chunk, String part, Map<String, String> env, String partition) {}

    /**
     * Submits the units of a stage. {@code upfront} wires Batch dependencies on the upstream stages' jobs;
     * otherwise the upstream stages have already finished and no dependency is needed. Waves go one at a time:
     * the next once {@code ended} says the one before has ended, whatever its children's outcome (a Batch
     * dependency on an array with one failed child would fail the whole next wave). Returns whether every
     * unit is submitted; if not, call again with the same units later.
     */
    boolean submit(
            StageSpec stage,
            StageState stageState,
            List<Unit> units,
            int round,
            String indexMapUri,
            boolean upfront,
            java.util.function.Predicate<String> ended) {
        RunLayout layout = new RunLayout(state.storeUri, state.runId);
        boolean waves = io.jenkins.plugins.awsbatch.engine.graph.ExecutionModes.usesWaves(stage);
        String previousWave = null;
        java.util.Map<String, String> journaled = new java.util.HashMap<>();
        stageState.jobs.forEach(j -> journaled.put(j.jobName(), j.jobId()));
        for (Unit unit : units) {
            String existing = journaled.get(JobNames.job(layout.runId(), stage.name(), unit.part()));
            if (existing != null) {
                previousWave = existing; // submitted before an interruption: journaled, never again
                continue;
            }
            if (waves && previousWave != null && !ended.test(previousWave)) {
                return false;
            }
            List<JobDependency> deps = new ArrayList<>(upfront ? dependencies(stage, unit.chunk()) : List.of());
            // A sequential array's own SEQUENTIAL entry counts towards Batch's 20 too.
            int room = BatchLimits.MAX_DEPENDENCIES - (unit.chunk().isArray() && stage.isSequential() ? 1 : 0);
            if (deps.size() > room) {
                deps = throughBarriers(stage, stageState, deps, unit.part(), room);
            }
            String jobName = JobNames.job(layout.runId(), stage.name(), unit.part());
            SubmitJobRequest.Builder builder = requests.base(stage, jobName, unit.env(), deps);
            if (unit.chunk().isArray()) {
                builder.arraySize(unit.chunk().size());
                if (stage.isSequential()) {
                    List<JobDependency> withSequential = new ArrayList<>(deps);
                    withSequential.add(new JobDependency(null, DependencyType.SEQUENTIAL));
                    builder.dependsOn(withSequential);
                }
            }
            if (stage.consumableResource() != null) {
                builder.consumableResources(List.of(new ConsumableResourceRequirement(stage.consumableResource(), 1)));
            }
            String jobId = submitOrAdopt(builder.build());
            previousWave = jobId;
            stageState.jobs.add(new JobRecord(
                    jobId,
                    jobName,
                    unit.chunk().index(),
                    unit.chunk().offset(),
                    unit.chunk().size(),
                    round,
                    indexMapUri,
                    unit.partition(),
                    false));
            journal.save(state);
            services.listener()
                    .jobSubmitted(stage.name(), jobId, jobName, unit.chunk().size());
        }
        return true;
    }

    /**
     * Array units over a population of {@code size} items (all items, or an index map); with waves, chunks of
     * at most {@code maxConcurrency}.
     */
    List<Unit> arrayUnits(StageSpec stage, long size, String indexMapUri, int round) {
        List<Unit> units = new ArrayList<>();
        for (Chunk chunk : chunksOf(stage, size)) {
            Map<String, String> env = new java.util.LinkedHashMap<>();
            env.put("BATCHGRAPH_INDEX_OFFSET", String.valueOf(chunk.offset()));
            if (indexMapUri != null) {
                env.put("BATCHGRAPH_INDEX_MAP_URI", indexMapUri);
            }
            String part = round == 0 ? String.valueOf(chunk.index()) : chunk.index() + "-r" + round;
            units.add(new Unit(chunk, part, env, null));
        }
        return units;
    }

    private List<Chunk> chunksOf(StageSpec stage, long size) {
        return new io.jenkins.plugins.awsbatch.engine.plan.ArrayLayout(
                        services.settings().maxArraySize())
                .arrayChunks(stage, size);
    }

    /**
     * Dependencies of one job of {@code stage} on the jobs its upstream stages submitted: chunk k ↔ chunk k for
     * N_TO_N, every job for a whole-stage dependency.
     */
    private List<JobDependency> dependencies(StageSpec stage, Chunk chunk) {
        List<JobDependency> deps = new ArrayList<>();
        for (StageDependency dependency : stage.dependsOn()) {
            StageState upstream = state.stage(dependency.stage());
            if (upstream.status.isFinished()) {
                continue; // ended already (an earlier step of the run): nothing to wait for
            }
            List<JobRecord> upstreamJobs = upstream.jobsOfRound(0);
            if (dependency.isNToN()) {
                JobRecord pair = upstreamJobs.stream()
                        .filter(j -> j.chunk() == chunk.index())
                        .findFirst()
                        .orElseThrow(() ->
                                new IllegalStateException("no chunk " + chunk.index() + " in " + dependency.stage()));
                deps.add(new JobDependency(
                        pair.jobId(), pair.isArray() && chunk.isArray() ? DependencyType.N_TO_N : null));
            } else {
                upstreamJobs.forEach(j -> deps.add(JobDependency.on(j.jobId())));
            }
        }
        return deps;
    }

    /** Batch allows 20 dependencies: fan them in through barrier jobs, 20 at a time, until at most {@code room} remain. */
    private List<JobDependency> throughBarriers(
            StageSpec stage, StageState stageState, List<JobDependency> deps, String part, int room) {
        String definition = graph.barrierJobDefinition() != null
                ? graph.barrierJobDefinition()
                : services.definitionNames().apply(GraphSpec.LOCAL_BARRIER_DEFINITION);
        int level = 0;
        while (deps.size() > room) {
            List<JobDependency> next = new ArrayList<>();
            for (int from = 0, group = 0; from < deps.size(); from += BatchLimits.MAX_DEPENDENCIES, group++) {
                List<JobDependency> slice =
                        deps.subList(from, Math.min(deps.size(), from + BatchLimits.MAX_DEPENDENCIES));
                String name = JobNames.job(state.runId, stage.name(), part + "-barrier" + level + "-" + group);
                java.util.Optional<JobRecord> earlier = stageState.jobs.stream()
                        .filter(j -> j.jobName().equals(name))
                        .findFirst();
                if (earlier.isPresent()) {
                    next.add(JobDependency.on(earlier.get().jobId()));
                    continue;
                }
                SubmitJobRequest request = SubmitJobRequest.builder()
                        .jobName(name)
                        .jobQueue(requests.queueOf(stage))
                        .jobDefinition(definition)
                        .dependsOn(slice)
                        .tags(Map.of(
                                SubmitRequestFactory.TAG_RUN,
                                state.runId,
                                SubmitRequestFactory.TAG_STAGE,
                                stage.name()))
                        .propagateTags(true)
                        .build();
                String jobId = submitOrAdopt(request);
                stageState.jobs.add(new JobRecord(jobId, name, -1, 0, 1, stageState.round, null, null, true));
                journal.save(state);
                next.add(JobDependency.on(jobId));
            }
            deps = next;
            level++;
        }
        return deps;
    }

    /**
     * On a resumed run a job may have been submitted just before a crash, before its id reached the journal:
     * find it by its deterministic name instead of submitting it twice.
     */
    /** A call failed midway (it may have reached Batch): from now on, look each job up by name before submitting. */
    void reconcileFromNowOn() {
        reconcile = true;
    }

    private String submitOrAdopt(SubmitJobRequest request) {
        if (reconcile) {
            Optional<String> existing = findByName(request.jobQueue(), request.jobName());
            if (existing.isPresent()) {
                services.listener().message("re-attached to " + request.jobName() + " (" + existing.get() + ")");
                return existing.get();
            }
        }
        state.submitting = request.jobName();
        journal.save(state);
        try {
            return services.batch().submitJob(request).jobId();
        } finally {
            state.submitting = null; // journaled with the job's id (or the step's retry) by the next save
        }
    }

    private Optional<String> findByName(String queue, String jobName) {
        ListJobsRequest request = ListJobsRequest.named(queue, jobName);
        while (true) {
            JobPage page = services.batch().listJobs(request);
            for (JobSummary job : page.jobs()) {
                if (jobName.equals(job.jobName()) && job.arrayIndex() == null) {
                    return Optional.of(job.jobId());
                }
            }
            if (page.nextToken() == null) {
                return Optional.empty();
            }
            request = request.withNextToken(page.nextToken());
        }
    }
}
