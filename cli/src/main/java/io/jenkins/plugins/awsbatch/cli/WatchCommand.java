package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsSettings;
import io.jenkins.plugins.awsbatch.engine.graph.GraphSpec;
import io.jenkins.plugins.awsbatch.engine.graph.GraphValidationException;
import io.jenkins.plugins.awsbatch.engine.run.submit.JobNames;
import io.jenkins.plugins.awsbatch.engine.trigger.FileSeenObjects;
import io.jenkins.plugins.awsbatch.engine.trigger.ObjectFilter;
import io.jenkins.plugins.awsbatch.engine.trigger.ObjectHandler;
import io.jenkins.plugins.awsbatch.engine.trigger.PollResult;
import io.jenkins.plugins.awsbatch.engine.trigger.S3EventWatcher;
import io.jenkins.plugins.awsbatch.engine.trigger.S3ObjectEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code batchgraph watch --sqs QUEUE_URL --run FILE}: long-polls a queue fed by S3 event notifications and runs
 * the graph once per new matching object, with the bucket and key in every job's environment. A message is
 * deleted only after its run was started and ended, so a crash loses nothing; objects already run (key + ETag)
 * are remembered in {@code --seen-file} and not run again.
 */
@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        description = "Run a graph once per new S3 object announced on an SQS queue (S3 event notifications).")
public final class WatchCommand implements Callable<Integer> {

    /** One run the watcher asks for: the graph (object already applied), its folder, id, and the object. */
    public record ObjectRun(GraphSpec graph, Path baseDir, String runId, S3ObjectEvent object) {}

    @Option(
            names = "--sqs",
            required = true,
            paramLabel = "QUEUE_URL",
            description = "the SQS queue receiving the S3 events")
    String queueUrl;

    @Option(names = "--run", required = true, paramLabel = "FILE", description = "the graph file to run per object")
    Path file;

    @Option(names = "--bucket", description = "only objects of this bucket")
    String bucket;

    @Option(names = "--prefix", description = "only keys starting with this")
    String prefix;

    @Option(names = "--suffix", description = "only keys ending with this, e.g. .csv")
    String suffix;

    @Mixin
    EngineOptionsMixin engineOptions;

    @Option(names = "--store", description = "where runs keep their data (overrides the file's store)")
    String store;

    @Option(
            names = "--set",
            paramLabel = "PATH=VALUE",
            description = "override a field per run; {bucket}, {key}, {uri}, {etag} are the object's, "
                    + "e.g. plan.items.file={key}")
    List<String> overrides = new ArrayList<>();

    @Option(
            names = "--bucket-var",
            defaultValue = "S3_BUCKET",
            description = "environment variable with the bucket (default: ${DEFAULT-VALUE})")
    String bucketVariable;

    @Option(
            names = "--key-var",
            defaultValue = "S3_KEY",
            description = "environment variable with the key (default: ${DEFAULT-VALUE})")
    String keyVariable;

    @Option(
            names = "--seen-file",
            description =
                    "objects already run, kept across restarts (default: .batchgraph/watch/<queue>.seen next to FILE)")
    Path seenFile;

    @Option(
            names = "--wait",
            defaultValue = "20",
            description = "long-poll seconds per receive, 0..20 (default: ${DEFAULT-VALUE})")
    int waitSeconds;

    @Option(names = "--once", description = "receive once (up to 10 messages), handle them, then exit")
    boolean once;

    @Option(names = "--max-messages", paramLabel = "N", description = "exit after handling N messages")
    int maxMessages;

    private final ToIntFunction<ObjectRun> runner;

    /** picocli's: each object is run in this process like {@code batchgraph run}. */
    public WatchCommand() {
        this.runner = null;
    }

    /** With another way to run a graph (tests, an embedding program); it returns the run's exit code. */
    public WatchCommand(ToIntFunction<ObjectRun> runner) {
        this.runner = runner;
    }

    @Override
    public Integer call() {
        if (once && maxMessages > 0) {
            throw new CliException("use either --once or --max-messages, not both", BatchGraphCli.EXIT_INVALID);
        }
        ObjectOverrides objectOverrides = new ObjectOverrides(bucketVariable, keyVariable, overrides);
        // Fail on a bad file or --set before taking any message: it would fail for every object.
        S3ObjectEvent sample = new S3ObjectEvent(
                bucket == null ? "bucket" : bucket,
                (prefix == null ? "" : prefix) + "sample" + (suffix == null ? "" : suffix),
                0,
                "etag",
                "seq",
                "ObjectCreated:Put",
                null);
        load(objectOverrides, sample);
        Path baseDir = file.toAbsolutePath().getParent();
        Path seen = seenFile != null ? seenFile : baseDir.resolve(".batchgraph/watch/" + queueName() + ".seen");
        AtomicInteger firstFailure = new AtomicInteger();
        ObjectHandler handler = object -> {
            int code = runOne(objectOverrides, baseDir, object);
            firstFailure.compareAndSet(0, code);
        };
        AwsSettings settings = engineOptions.toOptions().awsSettings().build();
        try (AwsClients aws = AwsClients.create(settings, new CallCounter())) {
            S3EventWatcher watcher = new S3EventWatcher(
                            aws.sqs(),
                            queueUrl,
                            new ObjectFilter(bucket, prefix, suffix),
                            new FileSeenObjects(seen),
                            line -> System.err.println("watch: " + line))
                    .waitSeconds(waitSeconds);
            System.err.println("watch: waiting for objects " + new ObjectFilter(bucket, prefix, suffix) + " on "
                    + queueUrl + (once ? " (once)" : maxMessages > 0 ? " (up to " + maxMessages + " messages)" : ""));
            PollResult result = once ? watcher.pollOnce(handler) : watcher.watch(handler, maxMessages, () -> false);
            System.err.println("watch: " + result);
        }
        return firstFailure.get();
    }

    /** Runs the graph for one object; invalid input for this object is a finished run (exit 2), not a retry. */
    private int runOne(ObjectOverrides objectOverrides, Path baseDir, S3ObjectEvent object) {
        GraphSpec graph;
        try {
            graph = load(objectOverrides, object);
        } catch (GraphValidationException | CliException e) {
            System.err.println("watch: " + object.uri() + ": invalid run, skipped: " + e.getMessage());
            return BatchGraphCli.EXIT_INVALID;
        }
        String runId = JobNames.newRunId(graph.name(), Clock.systemUTC().instant());
        System.err.println("watch: running " + graph.name() + " (run " + runId + ") for " + object.uri());
        ObjectRun run = new ObjectRun(graph, baseDir, runId, object);
        return runner != null
                ? runner.applyAsInt(run)
                : RunCommand.execute(run.graph(), run.baseDir(), run.runId(), engineOptions, false);
    }

    private GraphSpec load(ObjectOverrides objectOverrides, S3ObjectEvent object) {
        GraphSpec graph = RunCommand.GraphLoader.load(file, objectOverrides.sets(object), engineOptions.engine, store);
        return objectOverrides.withObject(graph, object);
    }

    /** The queue's name (last path segment of its URL), for the default seen-file. */
    private String queueName() {
        String trimmed = queueUrl.replaceAll("/+$", "");
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        return name.isBlank() ? "queue" : name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }
}
