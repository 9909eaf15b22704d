package io.jenkins.plugins.awsbatch.engine.trigger;

import java.util.List;

/** What an SQS message body turned out to be. */
public sealed interface ParsedMessage {

    /** One or more S3 records (a notification may carry several). */
    record Objects(List<S3ObjectEvent> events) implements ParsedMessage {
        public Objects {
            events = List.copyOf(events);
        }
    }

    /** {@code s3:TestEvent}: S3 sends it when notifications are configured; nothing to do. */
    record TestEvent(String bucket) implements ParsedMessage {}

    /** Not something this trigger understands; the reason names what was missing, never the whole body. */
    record Malformed(String reason) implements ParsedMessage {}
}
