package io.jenkins.plugins.awsbatch.engine.plan;

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

    private final int maxItemsPerPart;
    private final int maxPartBytes;

    PackedItemsWriter() {
        this(MAX_ITEMS_PER_PART, MAX_PART_BYTES);
    }

    PackedItemsWriter(int maxItemsPerPart, int maxPartBytes) {
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
            byte[] record = items.get(i).compactJson(); // one line: JSON escapes the newlines in strings
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
}
