package io.jenkins.plugins.awsbatch.engine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.graph.ItemSourceSpec;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.UnreadableFileException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Planning: reads the items, writes their records in the plan's {@link ItemLayout} (one object per item, or packed
 * parts and their offsets) and the manifest under the run's prefix, and returns the plan. Zero items is a valid
 * plan: fan-out is skipped and reported.
 */
public final class Planner {
    private final ItemSource source;
    private final ObjectMapper json;
    private final Chunker chunker;
    private final Clock clock;

    public Planner(ItemSource source, ObjectMapper json, Chunker chunker, Clock clock) {
        this.source = source;
        this.json = json;
        this.chunker = chunker;
        this.clock = clock;
    }

    /** Item records go to {@code items} (S3/folder, or DynamoDB); the manifest to the run. */
    public Plan plan(
            String graphName,
            ItemSourceSpec spec,
            Path baseDir,
            RunLayout layout,
            ObjectStore store,
            ItemDestination items) {
        List<Item> read = spec == null ? List.of() : source.read(spec, baseDir);
        return write(graphName, read, spec == null ? null : spec.key(), layout, store, items);
    }

    /** The write phase alone, for items already read and checked (nothing is created before they are). */
    public Plan write(
            String graphName,
            List<Item> items,
            String keyField,
            RunLayout layout,
            ObjectStore store,
            ItemDestination destination) {
        ItemLayout itemLayout = ItemLayout.choose(destination.layout(), items.size(), destination.uri());
        Map<String, byte[]> records = itemLayout == ItemLayout.PACKED
                ? new PackedItemsWriter().encode(items, destination.uri())
                : perItem(items, destination.uri());
        if (!records.isEmpty()) {
            destination.store().putAll(records);
        }
        Manifest manifest = new Manifest(
                layout.runId(),
                graphName,
                items.size(),
                keyField,
                destination.uri(),
                items.stream().map(Item::key).toList(),
                clock.millis(),
                itemLayout.id());
        store.put(layout.manifestUri(), bytes(manifest));
        return new Plan(
                layout.runId(),
                layout.runUri(),
                destination.uri(),
                items.size(),
                chunker.split(items.size()),
                itemLayout);
    }

    /** {@code <items>/<i>.json}, one object per item. */
    private Map<String, byte[]> perItem(List<Item> items, String itemsUri) {
        Map<String, byte[]> records = new LinkedHashMap<>();
        for (Item item : items) {
            records.put(itemsUri + "/" + item.index() + ".json", bytes(item.record()));
        }
        return records;
    }

    /** The run's manifest, if planning got as far as writing it. */
    public static Optional<Manifest> readManifest(RunLayout layout, ObjectStore store, ObjectMapper json) {
        return store.get(layout.manifestUri()).map(content -> {
            try {
                return json.readValue(content, Manifest.class);
            } catch (java.io.IOException e) {
                throw new UnreadableFileException("the manifest", layout.manifestUri(), e);
            }
        });
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
