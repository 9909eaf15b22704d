package io.jenkins.plugins.awsbatch.bridge;

import io.jenkins.plugins.awsbatch.engine.batch.JobStatus;
import io.jenkins.plugins.awsbatch.engine.host.RunProgress;
import io.jenkins.plugins.awsbatch.engine.run.state.RunState;
import io.jenkins.plugins.awsbatch.engine.track.ProgressText;
import io.jenkins.plugins.awsbatch.engine.track.RunListener;
import io.jenkins.plugins.awsbatch.exec.Journal;
import io.jenkins.plugins.awsbatch.exec.JournalSink;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The engine's events for one step: console lines (buffered, printed by the step's thread), and after every
 * SubmitJob the job in the step's {@link Journal}, saved through the {@link JournalSink} before the next call.
 */
final class ConsoleListener implements RunListener {
    private final List<String> lines = new ArrayList<>();
    private final Supplier<RunState> state;
    private volatile Journal journal;
    private volatile JournalSink sink;

    /** @param state the run as the step's runner has it (for the chunk of a submitted job) */
    ConsoleListener(Supplier<RunState> state) {
        this.state = state;
    }

    /** Where submissions are journaled from now on. */
    void attach(Journal journal, JournalSink sink) {
        this.journal = journal;
        this.sink = sink;
    }

    @Override
    public void message(String line) {
        synchronized (lines) {
            lines.add(line);
        }
    }

    @Override
    public void jobSubmitted(String stage, String jobId, String jobName, int size) {
        Journal j = journal;
        if (j == null) {
            return;
        }
        j.record(new Journal.Entry(stage, chunkOf(stage, jobId), jobName, jobId));
        JournalSink s = sink;
        if (s != null) {
            try {
                s.persisted();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CheckedFailure(e);
            }
        }
    }

    private int chunkOf(String stage, String jobId) {
        return RunProgress.stage(state.get(), stage)
                .map(st -> st.chunkOf(jobId))
                .orElse(0);
    }

    @Override
    public void progress(String stage, Map<JobStatus, Integer> counts, long total) {
        message(stage + ": " + ProgressText.of(counts));
    }

    @Override
    public void stageFinished(String stage, String status, String reason) {
        message("stage " + stage + " " + status + (reason == null ? "" : " (" + reason + ")"));
    }

    /** The lines since the last call. */
    List<String> drain() {
        synchronized (lines) {
            List<String> out = new ArrayList<>(lines);
            lines.clear();
            return out;
        }
    }

    void flushTo(PrintStream logger) {
        for (String line : drain()) {
            logger.println(line);
        }
    }
}
