package io.jenkins.plugins.awsbatch.engine.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.awsbatch.engine.store.PackedItems;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes a plan's items in the packed layout ({@link PackedItems}): parts of at most {@link #MAX_ITEMS_PER_PART}
 * items and about {@link #MAX_PART_BYTES} bytes, and the offsets object. 100,000 items make 11 objects.
 */
final class PackedItemsWriter {
    static final int MAX_ITEMS_PER_PART = 10_000;
    static final int MAX_PART_BYTES = 16 << 20;

    /** Compact whatever the mapper's settings: a record never spans lines (newlines in strings are escaped). */
    private final ObjectWriter compact;

    private final int maxItemsPerPart;
    private final int maxPartBytes;

    PackedItemsWriter(ObjectMapper json) {
        this(json, MAX_ITEMS_PER_PART, MAX_PART_BYTES);
    }

    PackedItemsWriter(ObjectMapper json, int maxItemsPerPart, int maxPartBytes) {
        this.compact = json.writer().without(SerializationFeature.INDENT_OUTPUT);
        this.maxItemsPerPart = maxItemsPerPart;
        this.maxPartBytes = maxPartBytes;
    }

    /** URI → content of every object the items take under {@code itemsUri}; items in index order from 0. None for none. */
    Map<String, byte[]> encode(List<Item> items, String itemsUri) {
        Map<String, byte[]> objects = new LinkedHashMap<>();
        if (items.isEmpty()) {
            return objects;
        }
        byte[] offsets = new byte[Math.multiplyExact(items.size(), PackedItems.ENTRY_WIDTH)];
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        int partNumber = 0;
        int inPart = 0;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).index() != i) {
                throw new IllegalArgumentException("items must come in index order from 0: item "
                        + items.get(i).index() + " at position " + i);
            }
            byte[] record = record(items.get(i));
            // a part always takes one item, however large; past either limit the next one starts a new part
            if (inPart > 0 && (inPart == maxItemsPerPart || part.size() + record.length > maxPartBytes)) {
                objects.put(PackedItems.partUri(itemsUri, partNumber++), part.toByteArray());
                part.reset();
                inPart = 0;
            }
            long first = part.size();
            part.write(record, 0, record.length);
            part.write('\n');
            inPart++;
            new PackedItems.Entry(partNumber, first, first + record.length - 1)
                    .encodeInto(offsets, i * PackedItems.ENTRY_WIDTH);
        }
        if (inPart > 0) {
            objects.put(PackedItems.partUri(itemsUri, partNumber), part.toByteArray());
        }
        objects.put(PackedItems.offsetsUri(itemsUri), offsets);
        return objects;
    }

    /** The item's compact text; an item made from a tree elsewhere (a test) is written with this mapper. */
    private byte[] record(Item item) {
        return item.compactJson();
    }
}
