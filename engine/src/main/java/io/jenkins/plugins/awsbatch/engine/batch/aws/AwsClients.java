package io.jenkins.plugins.awsbatch.engine.batch.aws;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.TokenBucket;
import io.jenkins.plugins.awsbatch.engine.store.DynamoDbItemStore;
import io.jenkins.plugins.awsbatch.engine.store.S3ObjectStore;
import io.jenkins.plugins.awsbatch.engine.track.CloudWatchLogTailer;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ProxyConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.batch.BatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One run's AWS clients, built once from {@link AwsSettings}: the resolved region, one credentials provider,
 * one HTTP connection pool (with the proxy, if any), the endpoint overrides, SDK adaptive retries (throttling
 * and 5xx slow calls down instead of failing them) and a {@link CallCountingInterceptor} on every client.
 * Clients are created on first use. Close it at the end of the run.
 */
public final class AwsClients implements AutoCloseable {
    private final AwsSettings settings;
    private final Region region;
    private final CallCounter calls;
    private final CallCounter attempts;
    private final SdkHttpClient http;
    private final Supplier<RetryStrategy> retryStrategy;
    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private final AwsCredentialsProvider credentials;
    private final TokenBucket batchPacer;
    private final TokenBucket logsPacer;

    private BatchClient batch;
    private BatchClient batchSubmit;
    private S3Client s3;
    private CloudWatchLogsClient logs;
    private DynamoDbClient dynamoDb;
    private SnsClient sns;
    private final Map<String, SnsClient> snsElsewhere = new HashMap<>();
    private EventBridgeClient eventBridge;
    private SqsClient sqs;
    private StsClient sts;

    private AwsClients(AwsSettings settings, Region region, CallCounter calls, Supplier<RetryStrategy> retryStrategy) {
        this.settings = settings;
        this.region = region;
        this.calls = calls;
        this.attempts = new CallCounter();
        this.http = httpClient(settings.proxy(), settings.s3Concurrency());
        closeables.push(http);
        this.retryStrategy = retryStrategy != null ? retryStrategy : () -> defaultRetryStrategy(settings.maxAttempts());
        AwsCredentialsProvider provider = CredentialsProviders.create(
                settings.credentials(), base -> track(configure(StsClient.builder(), "sts", base)));
        if (provider instanceof SdkAutoCloseable closeable
                && !(settings.credentials() instanceof CredentialsSpec.Provided)) {
            closeables.push(closeable);
        }
        this.credentials = provider;
        this.batchPacer =
                new TokenBucket(settings.batchCallsPerSecond(), Math.max(1, (int) settings.batchCallsPerSecond()));
        this.logsPacer = new TokenBucket(settings.logsCallsPerSecond(), 1);
    }

    /** Resolves the region ({@link RegionResolver#system()}) and builds the client set. */
    public static AwsClients create(AwsSettings settings, CallCounter calls) {
        return create(settings, calls, RegionResolver.system());
    }

    public static AwsClients create(AwsSettings settings, CallCounter calls, RegionResolver regions) {
        return new AwsClients(settings, regions.resolve(settings.region(), settings.profile()), calls, null);
    }

    /**
     * With retry strategies of the caller's (tests shorten the backoff); null means the default. The supplier
     * is called once per client: a strategy holds its client's rate limiter and is closed with it.
     */
    public static AwsClients create(
            AwsSettings settings, CallCounter calls, RegionResolver regions, Supplier<RetryStrategy> retryStrategy) {
        return new AwsClients(settings, regions.resolve(settings.region(), settings.profile()), calls, retryStrategy);
    }

    /**
     * SDK adaptive retries: throttling (429, {@code TooManyRequestsException}, ...) and 5xx are retried with
     * jittered exponential backoff, and a client-side rate limiter lowers the send rate after throttling.
     */
    public static RetryStrategy defaultRetryStrategy(int maxAttempts) {
        return AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .build();
    }

    public Region region() {
        return region;
    }

    public AwsSettings settings() {
        return settings;
    }

    /** Calls per operation (one per call, retries not included): the run result's {@code calls}. */
    public CallCounter calls() {
        return calls;
    }

    /** HTTP attempts per operation, retries included. */
    public CallCounter attempts() {
        return attempts;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /** The run's pace for its own Batch calls. */
    public TokenBucket batchPacer() {
        return batchPacer;
    }

    public TokenBucket logsPacer() {
        return logsPacer;
    }

    public synchronized BatchClient batch() {
        if (batch == null) {
            batch = track(configure(BatchClient.builder(), "batch", credentials));
        }
        return batch;
    }

    public synchronized S3Client s3() {
        if (s3 == null) {
            // The store's bucket may live in another region than the run's Batch queue: follow S3's redirect.
            var builder = S3Client.builder().crossRegionAccessEnabled(true);
            if (settings.endpointFor("s3") != null) {
                builder.forcePathStyle(true);
            }
            s3 = track(configure(builder, "s3", credentials));
        }
        return s3;
    }

    public synchronized CloudWatchLogsClient logs() {
        if (logs == null) {
            logs = track(configure(CloudWatchLogsClient.builder(), "logs", credentials));
        }
        return logs;
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = track(configure(DynamoDbClient.builder(), "dynamodb", credentials));
        }
        return dynamoDb;
    }

    public synchronized SnsClient sns() {
        if (sns == null) {
            sns = track(configure(SnsClient.builder(), "sns", credentials));
        }
        return sns;
    }

    /**
     * An SNS client of {@code topicRegion} (SNS publishes to a topic in its own region only) with this set's
     * credentials, endpoint, retries and HTTP client (so its proxy); this set's own client for its region or null.
     */
    public synchronized SnsClient sns(String topicRegion) {
        if (topicRegion == null || topicRegion.isEmpty() || topicRegion.equals(region.id())) {
            return sns();
        }
        return snsElsewhere.computeIfAbsent(
                topicRegion,
                r -> track(configure(SnsClient.builder(), "sns", credentials, retryStrategy.get(), Region.of(r))));
    }

    public synchronized EventBridgeClient eventBridge() {
        if (eventBridge == null) {
            eventBridge = track(configure(EventBridgeClient.builder(), "events", credentials));
        }
        return eventBridge;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = track(configure(SqsClient.builder(), "sqs", credentials));
        }
        return sqs;
    }

    /** STS with the run's (possibly assumed-role) credentials, e.g. for GetCallerIdentity. */
    public synchronized StsClient sts() {
        if (sts == null) {
            sts = track(configure(StsClient.builder(), "sts", credentials));
        }
        return sts;
    }

    /** The Batch service of the run, paced by {@link #batchPacer()}. */
    /**
     * A Batch client without SDK retries, for SubmitJob only: a retried SubmitJob whose first response was lost
     * would create a second job, so {@link AwsBatchService} retries it itself, looking the job up by name first.
     */
    public synchronized BatchClient batchForSubmit() {
        if (batchSubmit == null) {
            batchSubmit = track(configure(BatchClient.builder(), "batch", credentials, AwsRetryStrategy.doNotRetry()));
        }
        return batchSubmit;
    }

    public AwsBatchService batchService() {
        return new AwsBatchService(batch(), batchForSubmit(), batchPacer, SubmitRetries.defaults());
    }

    /** The S3 store of the run ({@code s3://} URIs), writing with {@link AwsSettings#s3Concurrency()} threads. */
    public S3ObjectStore objectStore() {
        return new S3ObjectStore(s3(), settings.s3Concurrency());
    }

    /** Log tails from CloudWatch Logs' {@code /aws/batch/job}, paced by {@link #logsPacer()}. */
    public CloudWatchLogTailer logTailer() {
        return new CloudWatchLogTailer(logs(), logsPacer, CloudWatchLogTailer.BATCH_LOG_GROUP);
    }

    /** Records in a DynamoDB table (partition key {@code runId}, sort key {@code idx}). */
    public DynamoDbItemStore itemStore(String table) {
        return new DynamoDbItemStore(dynamoDb(), table);
    }

    @Override
    public synchronized void close() {
        RuntimeException first = null;
        while (!closeables.isEmpty()) {
            try {
                closeables.pop().close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException(
                            "closing AWS clients failed: " + e.getClass().getSimpleName());
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "AwsClients[region=" + region + ", credentials=" + settings.credentials() + ", endpoint="
                + settings.endpointUrl() + "]";
    }

    private synchronized <C extends AutoCloseable> C track(C client) {
        closeables.push(client);
        return client;
    }

    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C configure(
            B builder, String service, AwsCredentialsProvider provider) {
        return configure(builder, service, provider, retryStrategy.get());
    }

    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C configure(
            B builder, String service, AwsCredentialsProvider provider, RetryStrategy retries) {
        return configure(builder, service, provider, retries, region);
    }

    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C configure(
            B builder, String service, AwsCredentialsProvider provider, RetryStrategy retries, Region clientRegion) {
        builder.region(clientRegion)
                .credentialsProvider(provider)
                .httpClient(http)
                .overrideConfiguration(o ->
                        o.retryStrategy(retries).addExecutionInterceptor(new CallCountingInterceptor(calls, attempts)));
        URI endpoint = settings.endpointFor(service);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    /** One pool for every client: room for the S3 writers plus the run's other calls, so neither waits on the other. */
    private static SdkHttpClient httpClient(ProxySettings proxy, int s3Concurrency) {
        ApacheHttpClient.Builder builder = ApacheHttpClient.builder().maxConnections(Math.max(64, s3Concurrency + 16));
        if (proxy != null) {
            ProxyConfiguration.Builder p = ProxyConfiguration.builder()
                    .endpoint(proxy.endpoint())
                    .useSystemPropertyValues(false)
                    .useEnvironmentVariableValues(false)
                    .nonProxyHosts(proxy.nonProxyHosts());
            if (proxy.username() != null) {
                p.username(proxy.username());
            }
            if (proxy.password() != null) {
                p.password(proxy.password());
            }
            builder.proxyConfiguration(p.build());
        }
        return builder.build();
    }
}
