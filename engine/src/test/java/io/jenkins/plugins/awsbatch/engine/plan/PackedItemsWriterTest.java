package io.jenkins.plugins.awsbatch.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.PackedItems;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packed item layout on the local store: what the planner writes reads back item by item, byte for byte. */
class PackedItemsWriterTest {
    private final ObjectMapper json = new ObjectMapper();
    private final ObjectStore store = new LocalObjectStore();

    @TempDir
    Path dir;

    @Test
    void everyItemReadsBackFromItsPartWithTwoRangedReads() throws Exception {
        List<Item> items = awkwardItems(40);
        String itemsUri = LocalObjectStore.toUri(dir.resolve("items"));
        // small parts, so items fall on part boundaries and one item is larger than a whole part may be
        store.putAll(new PackedItemsWriter(7, 300).encode(items, itemsUri));

        for (Item item : items) {
            byte[] read = PackedItems.read(store, itemsUri, item.index()).orElseThrow();
            assertThat(json.readTree(read)).as("item %d", item.index()).isEqualTo(item.record());
            assertThat(new String(read, StandardCharsets.UTF_8)).doesNotContain("\n");
        }
        assertThat(PackedItems.read(store, itemsUri, items.size())).isEmpty();
        assertThat(PackedItems.read(store, itemsUri, -1)).isEmpty();
        assertThat(Files.size(dir.resolve("items/offsets.txt"))).isEqualTo(32L * items.size());
    }

    @Test
    void partsHoldAtMostTheirItemCountAndBytesAndTheirLinesAreTheItemsInOrder() throws Exception {
        List<Item> items = awkwardItems(40);
        Map<String, byte[]> objects = new PackedItemsWriter(7, 300).encode(items, "file:///r/items");

        List<JsonNode> lines = new ArrayList<>();
        for (Map.Entry<String, byte[]> object : objects.entrySet()) {
            if (object.getKey().endsWith(".jsonl")) {
                String text = new String(object.getValue(), StandardCharsets.UTF_8);
                List<String> partLines = text.lines().toList();
                assertThat(partLines.size()).isBetween(1, 7);
                assertThat(partLines.size() == 1 || object.getValue().length <= 300)
                        .as(object.getKey())
                        .isTrue();
                for (String line : partLines) {
                    lines.add(json.readTree(line));
                }
            }
        }
        assertThat(lines)
                .containsExactlyElementsOf(items.stream().map(Item::record).toList());
        assertThat(objects.keySet())
                .startsWith("file:///r/items/0.jsonl", "file:///r/items/1.jsonl")
                .endsWith("file:///r/items/offsets.txt");
    }

    @Test
    void anEntryIsThirtyTwoBytesOfPartFirstAndLastByteRightAligned() {
        byte[] offsets = new byte[64];
        new PackedItems.Entry(0, 0, 11).encodeInto(offsets, 0);
        new PackedItems.Entry(12, 4_096, 99_999_999_999L).encodeInto(offsets, 32);

        assertThat(new String(offsets, StandardCharsets.US_ASCII))
                .isEqualTo("      0           0          11\n     12        4096 99999999999\n");
        byte[] second = java.util.Arrays.copyOfRange(offsets, 32, 64);
        assertThat(PackedItems.Entry.decode(second, "e")).isEqualTo(new PackedItems.Entry(12, 4_096, 99_999_999_999L));
        assertThatThrownBy(() ->
                        PackedItems.Entry.decode("not an entry".getBytes(StandardCharsets.US_ASCII), "offsets entry 3"))
                .hasMessageContaining("offsets entry 3 is no packed item entry");
    }

    @Test
    void autoKeepsOneObjectPerItemUpToTheThresholdAndPacksPastIt() {
        Planner planner = new Planner(null, json, new Chunker(), Clock.systemUTC());
        RunLayout small = new RunLayout(LocalObjectStore.toUri(dir), "small");
        RunLayout large = new RunLayout(LocalObjectStore.toUri(dir), "large");

        Plan atThreshold = planner.write(
                "g",
                items((int) ItemLayout.AUTO_PACKED_ABOVE),
                "id",
                small,
                store,
                new ItemDestination(small.itemsUri(), store, null));
        Plan past = planner.write(
                "g",
                items((int) ItemLayout.AUTO_PACKED_ABOVE + 1),
                "id",
                large,
                store,
                new ItemDestination(large.itemsUri(), store, "auto"));

        assertThat(atThreshold.itemLayout()).isEqualTo(ItemLayout.PER_ITEM);
        assertThat(store.list(small.itemsUri() + "/")).hasSize((int) ItemLayout.AUTO_PACKED_ABOVE);
        assertThat(past.itemLayout()).isEqualTo(ItemLayout.PACKED);
        assertThat(store.list(large.itemsUri() + "/"))
                .containsExactly(large.itemsUri() + "/0.jsonl", large.itemsUri() + "/offsets.txt");
        assertThat(Planner.readManifest(large, store, json)).hasValueSatisfying(m -> {
            assertThat(m.itemLayout()).isEqualTo("packed");
            assertThat(m.keyOf(1_000)).isEqualTo("k1000");
        });
    }

    @Test
    void aConfiguredLayoutWinsOverTheItemCountButADynamoDbTableStaysPerItem() {
        assertThat(ItemLayout.choose("packed", 2, "file:///r/items")).isEqualTo(ItemLayout.PACKED);
        assertThat(ItemLayout.choose("per-item", 100_000, "s3://b/r/items")).isEqualTo(ItemLayout.PER_ITEM);
        assertThat(ItemLayout.choose(null, 100_000, "dynamodb://table/run")).isEqualTo(ItemLayout.PER_ITEM);
        assertThat(ItemLayout.recorded(null)).isEqualTo(ItemLayout.PER_ITEM);
    }

    private List<Item> items(int count) {
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new Item(i, "k" + i, json.createObjectNode().put("id", "k" + i)));
        }
        return out;
    }

    /** Unicode, a newline and quotes inside strings, bare scalars, and now and then an item over 300 bytes. */
    private List<Item> awkwardItems(int count) {
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode record =
                    switch (i % 5) {
                        case 0 ->
                            json.createObjectNode()
                                    .put("id", "ünï \"cödé\" " + i)
                                    .put("note", "two\nlines");
                        case 1 -> json.getNodeFactory().numberNode(i);
                        case 2 -> json.getNodeFactory().textNode("plain " + i);
                        case 3 -> json.createObjectNode().put("id", i).put("big", "x".repeat(400));
                        default -> json.createArrayNode().add(i).add("€");
                    };
            out.add(new Item(i, "k" + i, record));
        }
        return out;
    }
}
