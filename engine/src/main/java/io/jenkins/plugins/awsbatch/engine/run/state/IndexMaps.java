package io.jenkins.plugins.awsbatch.engine.run.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import io.jenkins.plugins.awsbatch.engine.store.UnreadableFileException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Index maps: when a stage runs over a subset of the items (retry of failed items, or the survivors of a
 * tolerated failure), child {@code offset + AWS_BATCH_JOB_ARRAY_INDEX} reads item {@code map[offset + index]}
 * from the JSON array at {@code BATCHGRAPH_INDEX_MAP_URI}.
 */
public final class IndexMaps {
    private final StoreResolver stores;
    private final ObjectMapper json;
    private final Map<String, long[]> cache = new HashMap<>();

    public IndexMaps(StoreResolver stores, ObjectMapper json) {
        this.stores = stores;
        this.json = json;
    }

    public String write(String uri, List<Long> itemIndexes) {
        try {
            stores.forUri(uri).put(uri, json.writeValueAsBytes(itemIndexes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cache.put(uri, itemIndexes.stream().mapToLong(Long::longValue).toArray());
        return uri;
    }

    /** The item a child stands for: position {@code offset + child} of the map, or that position itself. */
    public long itemIndex(String mapUri, long offset, long child) {
        long position = offset + child;
        if (mapUri == null) {
            return position;
        }
        long[] map = cache.computeIfAbsent(mapUri, this::read);
        return map[(int) position];
    }

    /** Every item of the map at {@code mapUri}, in order. */
    public long[] items(String mapUri) {
        return cache.computeIfAbsent(mapUri, this::read).clone();
    }

    private long[] read(String uri) {
        byte[] bytes =
                stores.forUri(uri).get(uri).orElseThrow(() -> new IllegalStateException("index map missing: " + uri));
        try {
            return json.readValue(bytes, long[].class);
        } catch (IOException e) {
            throw new UnreadableFileException("the index map", uri, e);
        }
    }
}
