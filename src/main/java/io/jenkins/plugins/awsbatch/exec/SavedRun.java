package io.jenkins.plugins.awsbatch.exec;

import io.jenkins.plugins.awsbatch.exec.GraphStepExecution.Phase;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a step execution keeps to find its run again: the {@link Journal} (run id, store, the ids of the jobs this
 * step submitted) and the {@link Phase}. Saved with the execution under the execution's own field names
 * ({@code journal}, {@code phase}), so the saved form is the one earlier versions wrote and read.
 */
final class SavedRun {
    private final Journal journal;
    /** Phase changes race with a stop: they are compare-and-set, so a stop is never overwritten. */
    private final AtomicReference<Phase> phase;

    SavedRun(Journal journal, Phase phase) {
        this.journal = journal == null ? new Journal() : journal;
        this.phase = new AtomicReference<>(phase == null ? Phase.NEW : phase);
    }

    Journal journal() {
        return journal;
    }

    Phase phase() {
        return phase.get();
    }

    void begin(Phase to) {
        phase.set(to);
    }

    boolean move(Phase from, Phase to) {
        return phase.compareAndSet(from, to);
    }

    /** Enters {@link Phase#STOPPING}; returns the phase it was in. */
    Phase stopping() {
        return phase.getAndSet(Phase.STOPPING);
    }

    /** Moves to {@code to} unless a stop came first (then false: stopping wins). */
    boolean advance(Phase to) {
        while (true) {
            Phase now = phase.get();
            if (now == Phase.STOPPING) {
                return false;
            }
            if (phase.compareAndSet(now, to)) {
                return true;
            }
        }
    }

    /** How messages name the run: {@code run <id>}, or "the run" before it has an id. */
    String describe() {
        String id = journal.getRunId();
        return id == null ? "the run" : "run " + id;
    }

    int journaled() {
        return journal.getEntries().size();
    }
}
