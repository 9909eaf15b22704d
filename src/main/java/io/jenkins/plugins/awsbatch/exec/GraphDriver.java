package io.jenkins.plugins.awsbatch.exec;

/**
 * The Jenkins-free seam between a step execution and the engine. One instance per execution, re-created
 * after a restart from the persisted {@link Journal}; never serialised. Every method runs on a background
 * thread, never on the CPS VM thread.
 */
public interface GraphDriver extends AutoCloseable {

    /**
     * Validates the whole request, then submits what can be submitted now. For each submission, records the
     * job in {@code journal} and calls {@code sink} before the next AWS call. Must never submit a job whose
     * name is already in the journal (this is also how a resumed submit phase continues). Input errors throw
     * {@link GraphInputException} before anything is submitted.
     */
    void submit(Journal journal, JournalSink sink) throws Exception;

    /** One tracking step. May submit further layers (gated mode), journaling them like {@link #submit}. */
    PollReport poll(Journal journal, JournalSink sink) throws Exception;

    /**
     * Terminates every non-terminal job in the journal (parents cascade to children); returns how many were
     * asked to stop.
     */
    int terminateAll(Journal journal, String reason) throws Exception;

    @Override
    default void close() {}
}
