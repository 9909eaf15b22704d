package io.jenkins.plugins.awsbatch.cli;

import io.jenkins.plugins.awsbatch.engine.run.EngineFactory;
import io.jenkins.plugins.awsbatch.engine.run.LazyStores;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;

/** Stores for commands that inspect runs: local folders directly, S3 through clients made on first use. */
final class CliStores implements StoreResolver, AutoCloseable {
    private final LazyStores stores;

    CliStores(EngineOptionsMixin options) {
        this.stores = EngineFactory.stores(options.toOptions());
    }

    @Override
    public ObjectStore forUri(String uri) {
        return stores.forUri(uri);
    }

    @Override
    public void close() {
        stores.close();
    }
}
