package io.jenkins.plugins.awsbatch.engine.run;

import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A store that fails like a machine dying while a run writes its items: every write under {@code /items/} throws. */
final class PowerCutStore implements ObjectStore {
    static final String MESSAGE = "power cut";
    private final ObjectStore real;

    private PowerCutStore(ObjectStore real) {
        this.real = real;
    }

    static StoreResolver over(StoreResolver stores) {
        return uri -> new PowerCutStore(stores.forUri(uri));
    }

    @Override
    public void put(String target, byte[] content) {
        if (target.contains("/items/")) {
            throw new IllegalStateException(MESSAGE);
        }
        real.put(target, content);
    }

    @Override
    public void putAll(Map<String, byte[]> objects) {
        objects.forEach(this::put);
    }

    @Override
    public Optional<byte[]> get(String target) {
        return real.get(target);
    }

    @Override
    public List<String> list(String prefix) {
        return real.list(prefix);
    }

    @Override
    public int deletePrefix(String prefix, String root) {
        return real.deletePrefix(prefix, root);
    }

    // the run lock and the journal's conditional writes keep working: only the items are cut off

    @Override
    public Optional<Versioned> getVersioned(String uri) {
        return real.getVersioned(uri);
    }

    @Override
    public Optional<String> putIfAbsent(String uri, byte[] content) {
        return real.putIfAbsent(uri, content);
    }

    @Override
    public Optional<String> putIfVersion(String uri, byte[] content, String expectedVersion) {
        return real.putIfVersion(uri, content, expectedVersion);
    }

    @Override
    public boolean deleteIfVersion(String uri, String expectedVersion) {
        return real.deleteIfVersion(uri, expectedVersion);
    }
}
