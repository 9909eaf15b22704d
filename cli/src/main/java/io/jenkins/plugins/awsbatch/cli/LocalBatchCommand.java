package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.batch.local.JobEnvironment;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchConfig;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import io.jenkins.plugins.awsbatch.engine.batch.local.server.LocalBatchServer;
import io.jenkins.plugins.awsbatch.engine.batch.local.server.ServerOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code batchgraph local-batch}: the embedded engine served over AWS Batch's REST-JSON API on 127.0.0.1, so the
 * AWS CLI, boto3, the SDKs and {@code batchgraph run --engine aws --endpoint-url ...} use it as a local Batch.
 * Serves until SIGINT or SIGTERM; with {@code --data} the state is kept for the next start.
 */
@Command(
        name = "local-batch",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the local engine over the AWS Batch API until Ctrl-C: no AWS account, no Docker; "
                    + "job definitions' commands run as local processes.",
            "Use it with --endpoint-url, e.g. aws batch describe-job-queues --endpoint-url http://127.0.0.1:8790",
            "Only SigV4-signed JSON requests whose Host names this endpoint are served; browsers (any Origin) are "
                    + "refused."
        })
public final class LocalBatchCommand implements Callable<Integer> {
    public static final int DEFAULT_PORT = 8790;

    @Option(
            names = "--port",
            paramLabel = "N",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port = DEFAULT_PORT;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            description = "address to listen on (default: 127.0.0.1; other addresses need --allow-remote)")
    String bind = ServerOptions.LOOPBACK;

    @Option(
            names = "--allow-remote",
            description = "allow --bind to a non-loopback address: anyone who reaches it can run commands here")
    boolean allowRemote;

    @Option(
            names = "--host-name",
            paramLabel = "NAME",
            description = "another name clients reach this endpoint by "
                    + "(a DNS name or address, repeatable): requests whose Host header names anything else are refused")
    List<String> hostNames = new ArrayList<>();

    @Option(names = "--slots", paramLabel = "N", description = "jobs running at once (default: number of cores)")
    Integer slots;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "keep definitions, queues and jobs here so they survive a restart (default: memory only)")
    Path data;

    @Option(
            names = "--logs",
            paramLabel = "DIR",
            description = "job attempt logs (default: DIR/logs with --data, " + "else a temporary folder)")
    Path logs;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "jobs' working directory (default: the current one)")
    Path workDir;

    @Option(names = "--region", paramLabel = "REGION", description = "region in ARNs (default: ${DEFAULT-VALUE})")
    String region = "us-east-1";

    @Option(
            names = "--queue",
            paramLabel = "NAME",
            description = "job queue to have ready, with a compute environment 'local' (repeatable; default: default)")
    List<String> queues = new ArrayList<>(List.of("default"));

    @Option(names = "--latency", paramLabel = "MS", description = "delay added to every call, in milliseconds")
    long latencyMillis;

    @Option(
            names = "--fail-rate",
            paramLabel = "F",
            description = "share of calls (0..1) answered with HTTP 429 TooManyRequestsException")
    double failRate;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "seed of --fail-rate's random choices (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(
            names = "--events-to",
            paramLabel = "URL",
            description = "POST every Batch Job State Change event (AWS's shape) as JSON to this URL (repeatable)")
    List<String> eventsTo = new ArrayList<>();

    @Option(
            names = "--notify",
            paramLabel = "FILE",
            description =
                    "tell this graph's notify targets of its failed jobs, as its AWS event rule does (repeatable)")
    List<Path> notifyGraphs = new ArrayList<>();

    /** A started endpoint and the engine behind it. */
    record Running(LocalBatchService service, LocalBatchServer server, Path logDirectory) implements AutoCloseable {
        @Override
        public void close() {
            server.close();
            service.close();
        }
    }

    @Override
    public Integer call() throws Exception {
        Running running = start(System.err);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.err.println("\nstopping the local Batch endpoint"
                                    + (data == null ? "" : "; state kept in " + data));
                            running.close();
                            stopped.countDown();
                        },
                        "local-batch-stop"));
        stopped.await();
        return 0;
    }

    /** Starts the engine and the endpoint and prints how to reach them on {@code err}. */
    Running start(PrintStream err) throws IOException {
        ServerOptions options;
        try {
            options = ServerOptions.defaults()
                    .withPort(port)
                    .withBind(bind, allowRemote)
                    .withLatency(Duration.ofMillis(latencyMillis))
                    .withFailRate(failRate, seed)
                    .withHostNames(hostNames);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), BatchGraphCli.EXIT_INVALID);
        }
        if (slots != null && slots < 1) {
            throw new CliException("--slots must be at least 1, was " + slots, BatchGraphCli.EXIT_INVALID);
        }
        Path logDirectory = logs != null
                ? logs
                : data != null ? data.resolve("logs") : Files.createTempDirectory("batchgraph-local-batch-logs");
        LocalBatchConfig config = LocalBatchConfig.defaults(logDirectory.toAbsolutePath())
                .withDataDirectory(data == null ? null : data.toAbsolutePath())
                .withWorkingDirectory(workDir == null ? null : workDir.toAbsolutePath())
                .withRegion(region)
                .withBaseEnvironment(JobEnvironment.inheritedFrom(System.getenv()));
        if (slots != null) {
            config = config.withSlots(slots);
        }
        LocalBatchService service = new LocalBatchService(config);
        LocalBatchServer server;
        try {
            queues.forEach(service::ensureJobQueue);
            server = LocalBatchServer.start(service, options);
        } catch (BindException e) {
            service.close();
            throw new CliException(
                    "cannot listen on " + bind + ":" + port + " (" + e.getMessage() + "); choose another --port", 1);
        } catch (RuntimeException | IOException e) {
            service.close();
            throw e;
        }
        LocalBatchEvents.attach(service, eventsTo, notifyGraphs, err);
        String url = server.endpoint().toString();
        err.println("local AWS Batch endpoint: " + url + "  (region " + region + ", " + config.slots() + " slots, "
                + (data == null ? "state in memory" : "state in " + data) + ", logs in " + logDirectory + ")");
        err.println("job queues: " + String.join(", ", queues) + "  (compute environment: local)");
        if (allowRemote) {
            err.println("reachable from other machines as: " + String.join(", ", server.allowedHosts())
                    + "; anyone who reaches it can run commands here");
        }
        if (latencyMillis > 0 || failRate > 0) {
            err.println("faults: " + latencyMillis + " ms latency per call, " + failRate + " of calls answered 429");
        }
        err.println("requests must be signed as the AWS CLI and SDKs sign them (SigV4, any credentials); web pages"
                + " are refused. Without AWS credentials, export dummy ones:");
        String dummy = LocalBatchServer.DUMMY_CREDENTIAL;
        err.println("  export AWS_ACCESS_KEY_ID=" + dummy + " AWS_SECRET_ACCESS_KEY=" + dummy + " AWS_REGION=" + region
                + " AWS_DEFAULT_REGION=" + region);
        err.println("use it with --endpoint-url " + url + ", e.g.");
        err.println("  aws batch describe-job-queues --endpoint-url " + url + " --region " + region);
        err.println("  batchgraph run batchgraph.yaml --engine aws --endpoint-url " + url + " --region " + region);
        err.println("Ctrl-C to stop.");
        return new Running(service, server, logDirectory);
    }
}
