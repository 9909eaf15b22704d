package io.jenkins.plugins.awsbatch.engine.run;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsSettings;
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
            clients = AwsClients.create(AwsSettings.builder().region(options.region()).profile(options.profile())
                    .credentials(options.credentials()).endpointUrl(options.endpointUrl()).build(), new CallCounter());
        }
        return clients.objectStore();
    }

    @Override
    public synchronized void close() {
        if (clients != null) {
            clients.close();
        }
    }
}
