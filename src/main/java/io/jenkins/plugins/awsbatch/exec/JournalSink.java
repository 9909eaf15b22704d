package io.jenkins.plugins.awsbatch.exec;

/**
 * Called by a {@link GraphDriver} right after each submission was recorded in the {@link Journal}; returns
 * only once the journal is persisted, so the next AWS call happens after the last job id is safe.
 */
@FunctionalInterface
public interface JournalSink {
    void persisted() throws Exception;
}
