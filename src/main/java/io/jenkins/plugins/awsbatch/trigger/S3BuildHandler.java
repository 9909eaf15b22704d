package io.jenkins.plugins.awsbatch.trigger;

import io.jenkins.plugins.awsbatch.engine.trigger.ObjectHandler;
import io.jenkins.plugins.awsbatch.engine.trigger.S3ObjectEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the S3 trigger does with one new object: one build of its job, with the object as parameters. Returns
 * normally only when the build is in the queue, so {@code S3EventWatcher} deletes the message only then; when
 * Jenkins refuses, it throws and the message stays for a retry.
 */
public final class S3BuildHandler implements ObjectHandler {
    public static final String S3_BUCKET = "S3_BUCKET";
    public static final String S3_KEY = "S3_KEY";
    public static final String S3_ETAG = "S3_ETAG";

    private final String jobName;
    private final BuildScheduler scheduler;
    private final Consumer<String> log;

    public S3BuildHandler(String jobName, BuildScheduler scheduler, Consumer<String> log) {
        this.jobName = jobName;
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.log = log == null ? line -> {} : log;
    }

    /** {@code S3_BUCKET}, {@code S3_KEY} and, when the event has one, {@code S3_ETAG}. */
    public static Map<String, String> parameters(S3ObjectEvent event) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(S3_BUCKET, event.bucket());
        p.put(S3_KEY, event.key());
        if (event.eTag() != null && !event.eTag().isBlank()) {
            p.put(S3_ETAG, event.eTag());
        }
        return p;
    }

    @Override
    public void accept(S3ObjectEvent event) throws Exception {
        if (!scheduler.schedule(event, parameters(event))) {
            throw new BuildNotScheduledException(
                    jobName + " did not accept a build for " + event.uri() + " (disabled, or refused by the queue)");
        }
        log.accept("scheduled a build of " + jobName + " for " + event.uri());
    }
}
