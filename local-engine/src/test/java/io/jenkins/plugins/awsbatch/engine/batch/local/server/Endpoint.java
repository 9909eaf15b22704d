package io.jenkins.plugins.awsbatch.engine.batch.local.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchConfig;
import io.jenkins.plugins.awsbatch.engine.batch.local.LocalBatchService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.batch.model.CEType;
import software.amazon.awssdk.services.batch.model.ComputeEnvironmentOrder;
import software.amazon.awssdk.services.batch.model.JobDefinitionType;
import software.amazon.awssdk.services.batch.model.JobDetail;
import software.amazon.awssdk.services.batch.model.JobStatus;
import software.amazon.awssdk.services.batch.model.KeyValuePair;

/**
 * A local engine in a temporary folder served on an ephemeral 127.0.0.1 port, and a real SDK v2 {@link BatchClient}
 * pointed at it (static dummy keys, us-east-1, fast retries), with a compute environment {@code ce} and a queue
 * {@code q} created through the SDK.
 */
final class Endpoint implements AutoCloseable {
    static final String QUEUE = "q";
    static final String COMPUTE_ENVIRONMENT = "ce";
    /** How long one second of {@code attemptDurationSeconds} lasts in these tests: 60 s become 300 ms. */
    static final Duration TIMEOUT_SECOND = Duration.ofMillis(5);

    final Path dir;
    final LocalBatchService service;
    final LocalBatchServer server;
    final BatchClient batch;

    private Endpoint(Path dir, LocalBatchService service, LocalBatchServer server, BatchClient batch) {
        this.dir = dir;
        this.service = service;
        this.server = server;
        this.batch = batch;
    }

    static Endpoint start(Path dir) throws Exception {
        return start(dir, ServerOptions.defaults(), null, true);
    }

    static Endpoint start(Path dir, ServerOptions options, Path dataDirectory, boolean createQueue) throws Exception {
        LocalBatchService service = service(config(dir, dataDirectory));
        LocalBatchServer server = LocalBatchServer.start(service, options);
        Endpoint endpoint = new Endpoint(dir, service, server, client(server, 10));
        if (createQueue) {
            endpoint.batch.createComputeEnvironment(
                    r -> r.computeEnvironmentName(COMPUTE_ENVIRONMENT).type(CEType.MANAGED));
            endpoint.batch.createJobQueue(r -> r.jobQueueName(QUEUE)
                    .priority(1)
                    .computeEnvironmentOrder(ComputeEnvironmentOrder.builder()
                            .order(1)
                            .computeEnvironment(COMPUTE_ENVIRONMENT)
                            .build()));
        }
        return endpoint;
    }

    static LocalBatchConfig config(Path dir, Path dataDirectory) {
        return LocalBatchConfig.defaults(dir.resolve("logs"))
                .withSlots(4)
                .withWorkingDirectory(dir)
                .withDataDirectory(dataDirectory)
                .withTerminationGrace(Duration.ofMillis(200))
                .withRegion("us-east-1");
    }

    /** The engine with the shortened timeout second ({@link LocalBatchConfig#withTimeoutSecond}). */
    static LocalBatchService service(LocalBatchConfig config) {
        return new LocalBatchService(config.withTimeoutSecond(TIMEOUT_SECOND));
    }

    static BatchClient client(LocalBatchServer server, int maxAttempts) {
        BackoffStrategy fast = BackoffStrategy.exponentialDelay(Duration.ofMillis(5), Duration.ofMillis(50));
        return BatchClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "test")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(StandardRetryStrategy.builder()
                        .maxAttempts(maxAttempts)
                        .backoffStrategy(fast)
                        .throttlingBackoffStrategy(fast)
                        .circuitBreakerEnabled(false)
                        .build()))
                .build();
    }

    /** Registers a container definition running {@code command}; returns {@code name:revision}. */
    String register(String name, List<String> command, Map<String, String> environment) {
        var response = batch.registerJobDefinition(r -> r.jobDefinitionName(name)
                .type(JobDefinitionType.CONTAINER)
                .containerProperties(c -> c.image("busybox:latest")
                        .command(command)
                        .environment(environment.entrySet().stream()
                                .map(e -> KeyValuePair.builder()
                                        .name(e.getKey())
                                        .value(e.getValue())
                                        .build())
                                .toList())));
        return response.jobDefinitionName() + ":" + response.revision();
    }

    String registerShell(String name, String script) {
        return register(name, List.of("sh", "-c", script), Map.of());
    }

    JobDetail describe(String jobId) {
        List<JobDetail> jobs = batch.describeJobs(r -> r.jobs(jobId)).jobs();
        assertThat(jobs).as("DescribeJobs %s", jobId).hasSize(1);
        return jobs.get(0);
    }

    JobDetail awaitStatus(String jobId, Predicate<JobStatus> wanted) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JobDetail job = describe(jobId);
            if (wanted.test(job.status())) {
                return job;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + jobId + " still " + job.status());
            }
            sleep(20);
        }
    }

    JobDetail awaitTerminal(String jobId) {
        return awaitStatus(jobId, s -> s == JobStatus.SUCCEEDED || s == JobStatus.FAILED);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        batch.close();
        server.close();
        service.close();
    }
}
