package io.jenkins.plugins.awsbatch.engine.run.submit;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.graph.StageSpec;
import io.jenkins.plugins.awsbatch.engine.graph.StageType;
import io.jenkins.plugins.awsbatch.engine.plan.Chunker;
import io.jenkins.plugins.awsbatch.engine.plan.ItemLayout;
import io.jenkins.plugins.awsbatch.engine.run.state.IndexMaps;
import io.jenkins.plugins.awsbatch.engine.run.state.RunJournal;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageState;
import io.jenkins.plugins.awsbatch.engine.run.state.StageStatus;
import io.jenkins.plugins.awsbatch.engine.run.wiring.RunServices;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What a run submits of a stage, journaled as it goes: its first round once released (or its skip), the rest of
 * a round (the next wave, or what an interruption cut short), a retry round over its failed items, and a rerun
 * round. {@link StageSubmitter} sends each job; {@code ended} says whether a submitted job has ended, for waves.
 */
public final class Submissions {
    private final RunServices services;
    private final RunState state;
    private final RunJournal journal;
    private final RunLayout layout;
    private final IndexMaps indexMaps;
    private final StageSubmitter submitter;
    private final StageUnits units;
    private final Populations populations;
    private final Predicate<String> ended;

    public Submissions(
            RunServices services, RunState state, RunJournal journal, IndexMaps indexMaps, Predicate<String> ended) {
        this.services = services;
        this.state = state;
        this.journal = journal;
        this.layout = new RunLayout(state.storeUri, state.runId);
        this.indexMaps = indexMaps;
        this.ended = ended;
        Chunker chunker = new Chunker(services.settings().maxArraySize());
        SubmitRequestFactory requests = new SubmitRequestFactory(
                state.graph,
                layout,
                state.itemsUri != null ? state.itemsUri : layout.itemsUri(),
                ItemLayout.recorded(state.itemLayout),
                Math.max(0, state.itemCount),
                services.definitionNames(),
                services.settings().defaultQueue());
        this.submitter = new StageSubmitter(services, state, journal, requests, chunker);
        this.units = new StageUnits(services, state, services.stores().forUri(state.storeUri), layout, chunker);
        this.populations = new Populations(services, state, layout, indexMaps);
    }

    /** A call failed midway (it may have reached Batch): from now on, look each job up by name before submitting. */
    public void reconcileFromNowOn() {
        submitter.reconcileFromNowOn();
    }

    /**
     * Submits, or skips, each waiting stage its release lets go; a built-in cleanup stage is marked submitted and
     * handed to {@code builtInCleanup} (the engine runs it, no Batch job). True if any stage went.
     */
    public boolean submitReleased(Runnable builtInCleanup) {
        boolean any = false;
        for (StageSpec stage : state.graph.stages()) {
            StageState stageState = state.stage(stage.name());
            if (stageState.status != StageStatus.WAITING) {
                continue;
            }
            StageRelease release = StageRelease.of(state, stage);
            switch (release) {
                case NOT_YET -> {}
                case SKIP -> {
                    skip(stage, stageState);
                    any = true;
                }
                case SUBMIT_UPFRONT, SUBMIT_GATED -> {
                    if (stage.isBuiltInCleanup()) {
                        stageState.submittedAt = services.clock().millis();
                        stageState.status = StageStatus.SUBMITTED;
                        builtInCleanup.run();
                    } else {
                        submitStage(stage, stageState, release == StageRelease.SUBMIT_UPFRONT);
                    }
                    any = true;
                }
            }
        }
        return any;
    }

    /** Ends a stage that will not run: no items for an array, or an upstream stage that did not succeed. */
    private void skip(StageSpec stage, StageState stageState) {
        stageState.status = StageStatus.SKIPPED;
        stageState.reason = state.itemCount == 0 && stage.type() == StageType.ARRAY
                ? StageRelease.NO_ITEMS
                : "an upstream stage did not succeed";
        stageState.finishedAt = services.clock().millis();
        journal.save(state);
        services.listener().stageFinished(stage.name(), stageState.status.name(), stageState.reason);
    }

    /** Submits a released stage's first round; {@code upfront} wires Batch dependencies on its upstream jobs. */
    private void submitStage(StageSpec stage, StageState stageState, boolean upfront) {
        stageState.submittedAt = services.clock().millis();
        List<StageSubmitter.Unit> stageUnits;
        String indexMap = null;
        switch (stage.type()) {
            case ARRAY -> {
                indexMap = populations.survivorsMap(stage);
                long size = indexMap == null ? state.itemCount : stageState.populationSize;
                stageUnits = submitter.arrayUnits(stage, size, indexMap, 0);
            }
            default -> stageUnits = units.nonArrayUnits(stage);
        }
        if (stageUnits.isEmpty()) {
            stageState.status = StageStatus.SKIPPED;
            stageState.reason = "nothing to aggregate";
            journal.save(state);
            services.listener().stageFinished(stage.name(), "SKIPPED", stageState.reason);
            return;
        }
        if (stageState.populationUri == null) {
            stageState.populationSize =
                    stageUnits.stream().mapToLong(u -> u.chunk().size()).sum();
        }
        journal.save(state);
        // Still WAITING while submitting: if a call fails midway, the next step submits the rest (by name).
        stageState.roundSubmitted = submitter.submit(stage, stageState, stageUnits, 0, indexMap, upfront, ended);
        stageState.status = StageStatus.SUBMITTED;
        journal.save(state);
    }

    /**
     * Submits what the current round still lacks (its next wave, or what an interruption cut short); true if
     * anything was submitted.
     */
    public boolean submitRest(StageSpec stage, StageState stageState) {
        int before = stageState.jobs.size();
        boolean retry = stageState.round > 0;
        String map = retry ? layout.retryMapUri(stage.name(), stageState.round) : stageState.populationUri;
        List<StageSubmitter.Unit> roundUnits;
        if (retry && stage.type() != StageType.ARRAY && stageState.round == stageState.rerunRound) {
            map = null;
            roundUnits = units.wholeStageUnits(stage, stageState.round);
        } else {
            long size = retry ? indexMaps.items(map).length : map == null ? state.itemCount : stageState.populationSize;
            roundUnits = submitter.arrayUnits(stage, size, map, stageState.round);
        }
        stageState.roundSubmitted =
                submitter.submit(stage, stageState, roundUnits, stageState.round, map, false, ended);
        if (stageState.roundSubmitted || stageState.jobs.size() != before) {
            journal.save(state);
        }
        return stageState.jobs.size() != before;
    }

    /** Resubmits only the failed items, as a smaller array whose children map back through an index map. */
    public void retryFailedItems(StageSpec stage, StageState stageState) {
        stageState.round++;
        stageState.roundSubmitted = false;
        List<Long> failed = new ArrayList<>(stageState.failedItems.keySet());
        populations.writeRoundMap(stage, stageState, failed);
        services.listener()
                .message("stage " + stage.name() + ": retrying " + failed.size() + " failed item(s), round "
                        + stageState.round + " of " + stage.retryRounds());
        journal.save(state);
        submitRest(stage, stageState);
    }

    /**
     * Opens the round {@code rerun --failed} asked of a stage (journaled before submitting) and submits it: over
     * {@code items} for an array stage, the whole stage again otherwise ({@code items} null).
     */
    public void rerun(StageSpec stage, StageState stageState, TreeSet<Long> items) {
        if (items != null) {
            populations.openArrayRound(stage, stageState, items);
        } else {
            stageState.round++;
            stageState.failedOutsideRound = 0;
        }
        stageState.rerunRound = stageState.round;
        stageState.counts = new EnumMap<>(JobStatus.class);
        stageState.submittedAt = services.clock().millis();
        services.listener()
                .message("stage " + stage.name() + ": rerunning "
                        + (items != null ? items.size() + " item(s)" : "the whole stage") + ", round "
                        + stageState.round);
        journal.save(state);
        submitRest(stage, stageState);
    }
}
