package io.jenkins.plugins.awsbatch.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local folder store writes through {@code DurableFiles}; its conditional writes compare versions as S3's do. */
class LocalObjectStoreVersionsTest {
    @TempDir
    Path dir;

    @Test
    void localStoreWritesThroughDurableFilesAndItsConditionalWritesCompareVersions() {
        LocalObjectStore store = new LocalObjectStore();
        String uri = LocalObjectStore.toUri(dir.resolve("run/state.json"));
        assertThat(store.getVersioned(uri)).isEmpty();
        String v1 = store.putIfAbsent(uri, bytes("one")).orElseThrow();
        assertThat(store.putIfAbsent(uri, bytes("two"))).as("exists already").isEmpty();
        assertThat(store.getVersioned(uri)).hasValueSatisfying(v -> {
            assertThat(v.version()).isEqualTo(v1);
            assertThat(new String(v.content(), StandardCharsets.UTF_8)).isEqualTo("one");
        });
        String v2 = store.putIfVersion(uri, bytes("three"), v1).orElseThrow();
        assertThat(v2).isNotEqualTo(v1);
        assertThat(store.putIfVersion(uri, bytes("stale"), v1))
                .as("a writer holding the old version")
                .isEmpty();
        assertThat(store.get(uri))
                .hasValueSatisfying(
                        b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("three"));
        store.put(uri, bytes("four")); // an unconditional write is a new version too
        assertThat(store.putIfVersion(uri, bytes("stale"), v2)).isEmpty();
        assertThat(store.deleteIfVersion(uri, v2)).isFalse();
        assertThat(store.deleteIfVersion(
                        uri, store.getVersioned(uri).orElseThrow().version()))
                .isTrue();
        assertThat(store.get(uri)).isEmpty();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
