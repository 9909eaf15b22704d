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
 * The planner's write phase at scale: {@code bench.items} items (default 100,000) into a local folder and, with
 * MOTO_ENDPOINT, into S3 on moto, timed, with the S3 write calls counted. Run with {@code bench/plan-items.sh};
 * excluded from the default build.
 */
@Tag("benchmark")
class PlanWriteBenchmarkTest {
    private static final int ITEMS = Integer.getInteger("bench.items", 100_000);
    private static final int S3_ITEMS = Integer.getInteger("bench.s3Items", 25_001);
    /** packed, per-item or auto. */
    private static final String LAYOUT = System.getProperty("bench.layout", "packed");
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void planningIntoALocalFolder() {
        List<Item> items = items(ITEMS);
        RunLayout layout = new RunLayout(LocalObjectStore.toUri(temp), "bench-local");
        ObjectStore store = new LocalObjectStore();
        double seconds = timedWrite(items, layout, store);
        System.out.printf("BENCH plan-write store=local layout=%s items=%d seconds=%.2f%n", LAYOUT, ITEMS, seconds);
        assertThat(Planner.readManifest(layout, store, json)).hasValueSatisfying(m -> assertThat(m.itemCount()).isEqualTo(ITEMS));
    }

    @Test
    void planningIntoS3OnMoto() {
        CallCounter calls = new CallCounter();
        try (AwsClients aws = AwsClients.create(MotoSupport.settings(MotoSupport.endpoint()).build(), calls)) {
            String bucket = MotoSupport.unique("bench-plan");
            aws.s3().createBucket(r -> r.bucket(bucket));
            List<Item> items = items(S3_ITEMS);
            RunLayout layout = new RunLayout("s3://" + bucket + "/runs", "bench-s3");
            long before = calls.get("PutObject");
            double seconds = timedWrite(items, layout, aws.objectStore());
            System.out.printf("BENCH plan-write store=s3-moto layout=%s items=%d seconds=%.2f PutObject=%d%n",
                    LAYOUT, S3_ITEMS, seconds, calls.get("PutObject") - before);
        }
    }

    private double timedWrite(List<Item> items, RunLayout layout, ObjectStore store) {
        Planner planner = new Planner(null, json, new Chunker(), Clock.systemUTC());
        long start = System.nanoTime();
        planner.write("bench", items, "id", layout, store, new ItemDestination(layout.itemsUri(), store, LAYOUT));
        return (System.nanoTime() - start) / 1e9;
    }

    /** Items shaped like a spreadsheet row: an id, a title, a number and a flag. */
    private List<Item> items(int count) {
        List<Item> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ObjectNode record = json.createObjectNode().put("id", "sku-" + i).put("title", "item number " + i + ", trail edition")
                    .put("price", i * 0.25).put("in_stock", i % 2 == 0);
            out.add(new Item(i, "sku-" + i, record));
        }
        return out;
    }
}
