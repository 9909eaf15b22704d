package io.jenkins.plugins.awsbatch.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.MotoSupport;
import io.jenkins.plugins.awsbatch.engine.store.LocalObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner's write phase at scale, per-item against packed, side by side in one JVM: {@code bench.items} items
 * (default 100,000) into a local folder, and with MOTO_ENDPOINT into S3 on moto ({@code bench.s3Items}, default
 * 100,000 packed; {@code bench.s3PerItemItems}, default 25,001, per-item, which takes minutes), timed, with the write
 * calls counted. Run with {@code bench/plan-items.sh}; excluded from the default build.
 */
@Tag("benchmark")
class PlanWriteBenchmarkTest {
    private static final int ITEMS = Integer.getInteger("bench.items", 100_000);
    private static final int S3_ITEMS = Integer.getInteger("bench.s3Items", 100_000);
    private static final int S3_PER_ITEM_ITEMS = Integer.getInteger("bench.s3PerItemItems", 25_001);
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void planningIntoALocalFolder() {
        List<Item> items = items(ITEMS);
        ObjectStore store = new LocalObjectStore();
        double perItem = timedWrite(items, new RunLayout(LocalObjectStore.toUri(temp), "per-item"), store, "per-item");
        double packed = timedWrite(items, new RunLayout(LocalObjectStore.toUri(temp), "packed"), store, "packed");
        System.out.printf("BENCH plan-write store=local layout=per-item items=%d seconds=%.2f%n", ITEMS, perItem);
        System.out.printf("BENCH plan-write store=local layout=packed items=%d seconds=%.2f%n", ITEMS, packed);
        System.out.printf("BENCH plan-write store=local per-item/packed=%.1f%n", perItem / packed);
        assertThat(store.list(new RunLayout(LocalObjectStore.toUri(temp), "packed").itemsUri() + "/"))
                .hasSize(ITEMS / PackedItemsWriter.MAX_ITEMS_PER_PART
                        + (ITEMS % PackedItemsWriter.MAX_ITEMS_PER_PART > 0 ? 2 : 1));
    }

    @Test
    void planningIntoS3OnMoto() {
        CallCounter calls = new CallCounter();
        try (AwsClients aws =
                AwsClients.create(MotoSupport.settings(MotoSupport.endpoint()).build(), calls)) {
            String bucket = MotoSupport.unique("bench-plan");
            aws.s3().createBucket(r -> r.bucket(bucket));
            for (String layout : List.of("packed", "per-item")) {
                int count = layout.equals("packed") ? S3_ITEMS : S3_PER_ITEM_ITEMS;
                long before = calls.get("PutObject");
                double seconds = timedWrite(
                        items(count), new RunLayout("s3://" + bucket + "/runs", layout), aws.objectStore(), layout);
                System.out.printf(
                        "BENCH plan-write store=s3-moto layout=%s items=%d seconds=%.2f PutObject=%d%n",
                        layout, count, seconds, calls.get("PutObject") - before);
            }
        }
    }

    private double timedWrite(List<Item> items, RunLayout layout, ObjectStore store, String itemLayout) {
        Planner planner = new Planner(null, json, new Chunker(), Clock.systemUTC());
        long start = System.nanoTime();
        planner.write("bench", items, "id", layout, store, new ItemDestination(layout.itemsUri(), store, itemLayout));
        return (System.nanoTime() - start) / 1e9;
    }

    /** Items shaped like a spreadsheet row: an id, a title, a number and a flag. */
    static List<Item> items(int count) {
        ObjectMapper json = new ObjectMapper();
        List<Item> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ObjectNode record = json.createObjectNode()
                    .put("id", "sku-" + i)
                    .put("title", "item number " + i + ", trail edition")
                    .put("price", i * 0.25)
                    .put("in_stock", i % 2 == 0);
            out.add(new Item(i, "sku-" + i, record));
        }
        return out;
    }
}
