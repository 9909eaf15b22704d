package io.jenkins.plugins.awsbatch.engine.trigger;

/**
 * What one or more polls did.
 *
 * @param messages   messages received
 * @param started    objects the handler accepted
 * @param duplicates objects already seen
 * @param filtered   objects outside the filter (or not creations)
 * @param testEvents {@code s3:TestEvent} messages
 * @param malformed  messages that were not S3 events
 * @param failed     messages left on the queue because the handler failed
 */
public record PollResult(
        int messages, int started, int duplicates, int filtered, int testEvents, int malformed, int failed) {
    public static final PollResult EMPTY = new PollResult(0, 0, 0, 0, 0, 0, 0);

    public PollResult plus(PollResult o) {
        return new PollResult(
                messages + o.messages,
                started + o.started,
                duplicates + o.duplicates,
                filtered + o.filtered,
                testEvents + o.testEvents,
                malformed + o.malformed,
                failed + o.failed);
    }

    @Override
    public String toString() {
        return messages + " message(s): " + started + " started, " + duplicates + " duplicate(s), " + filtered
                + " filtered out, " + testEvents + " test event(s), " + malformed + " malformed, " + failed
                + " left for retry";
    }
}
