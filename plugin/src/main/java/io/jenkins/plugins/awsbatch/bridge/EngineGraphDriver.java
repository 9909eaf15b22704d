package io.jenkins.plugins.awsbatch.bridge;

import hudson.AbortException;
import io.jenkins.plugins.awsbatch.exec.DriverContext;
import io.jenkins.plugins.awsbatch.exec.GraphDriver;
import io.jenkins.plugins.awsbatch.exec.GraphRequest;
import io.jenkins.plugins.awsbatch.exec.Journal;
import io.jenkins.plugins.awsbatch.exec.JournalSink;
import io.jenkins.plugins.awsbatch.exec.PollReport;

/** Adapts the engine's runner to {@link GraphDriver}. */
final class EngineGraphDriver implements GraphDriver {

    private final GraphRequest request;
    private final DriverContext context;

    EngineGraphDriver(GraphRequest request, DriverContext context) {
        this.request = request;
        this.context = context;
    }

    @Override
    public void submit(Journal journal, JournalSink sink) throws Exception {
        throw new AbortException(request.getKind().functionName() + ": the engine runner is not wired yet");
    }

    @Override
    public PollReport poll(Journal journal, JournalSink sink) throws Exception {
        throw new AbortException(request.getKind().functionName() + ": the engine runner is not wired yet");
    }

    @Override
    public int terminateAll(Journal journal, String reason) throws Exception {
        return 0;
    }
}
