package io.jenkins.plugins.awsbatch.engine.run.wiring;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.RegionResolver;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;

/** Local folders directly; S3 through AWS clients made on first use (and closed with this resolver). */
public final class LazyStores implements StoreResolver, AutoCloseable {
    private final EngineOptions options;
    private final StoreResolver local = StoreResolver.localOnly();
    private AwsClients clients;

    LazyStores(EngineOptions options) {
        this.options = options;
    }

    @Override
    public synchronized ObjectStore forUri(String uri) {
        if (!uri.startsWith("s3://")) {
            return local.forUri(uri);
        }
        if (clients == null) {
            clients = AwsClients.create(
                    options.awsSettings().region(regionForReading()).build(), new CallCounter());
        }
        return clients.objectStore();
    }

    /**
     * The region to reach a run's objects with: the one given or configured, else {@link #FALLBACK_REGION}. The
     * run records its own region, but it is in S3: the S3 client follows the bucket's region redirect, so any
     * region reads it, and the command then takes the run's recorded one.
     */
    private String regionForReading() {
        if (options.region() != null) {
            return options.region();
        }
        try {
            return RegionResolver.system().resolve(null, options.profile()).id();
        } catch (IllegalArgumentException noRegion) {
            return FALLBACK_REGION;
        }
    }

    static final String FALLBACK_REGION = "us-east-1";

    @Override
    public synchronized void close() {
        if (clients != null) {
            clients.close();
        }
    }
}
