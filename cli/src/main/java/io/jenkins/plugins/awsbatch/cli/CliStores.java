package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsSettings;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;

/** Stores for commands that inspect runs: local folders directly, S3 through clients made on first use. */
final class CliStores implements StoreResolver, AutoCloseable {
    private final EngineOptionsMixin options;
    private final StoreResolver local = StoreResolver.localOnly();
    private AwsClients clients;

    CliStores(EngineOptionsMixin options) {
        this.options = options;
    }

    @Override
    public ObjectStore forUri(String uri) {
        if (!uri.startsWith("s3://")) {
            return local.forUri(uri);
        }
        if (clients == null) {
            clients = AwsClients.create(AwsSettings.builder().region(options.region).profile(options.profile)
                    .endpointUrl(options.endpointUrl).build(), new CallCounter());
        }
        return clients.objectStore();
    }

    @Override
    public void close() {
        if (clients != null) {
            clients.close();
        }
    }
}
