package io.jenkins.plugins.awsbatch.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.FaultInjectingProxy;
import io.jenkins.plugins.awsbatch.engine.batch.aws.MotoSupport;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The S3 store against moto: parallel writes, paged listing, cleanup by DeleteObjects inside the run only. */
class S3ObjectStoreMotoTest {

    @Test
    void planRecordsRoundTripAndCleanupDeletesOnlyInsideThePrefix() throws Exception {
        CallCounter calls = new CallCounter();
        try (FaultInjectingProxy proxy = new FaultInjectingProxy(MotoSupport.endpoint(), 0);
                AwsClients aws = AwsClients.create(
                        MotoSupport.settings(proxy.endpoint()).s3Concurrency(4).build(), calls)) {
            String bucket = MotoSupport.unique("store");
            aws.s3().createBucket(r -> r.bucket(bucket));
            S3ObjectStore store = aws.objectStore();
            RunLayout run = new RunLayout("s3://" + bucket + "/runs", "r1");
            RunLayout neighbour = new RunLayout("s3://" + bucket + "/runs", "r10");

            int n = 1_001; // just over one page and one DeleteObjects call
            Map<String, byte[]> items = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                items.put(run.itemUri(i), ("{\"item\":" + i + "}").getBytes(StandardCharsets.UTF_8));
            }
            long started = System.nanoTime();
            store.putAll(items);
            long putMillis = (System.nanoTime() - started) / 1_000_000;
            // Parallel, and never more than the configured 4 requests at once.
            assertThat(proxy.maxInFlight()).isBetween(2, 4);
            store.put(run.stateUri(), "{\"state\":1}".getBytes(StandardCharsets.UTF_8));
            store.put(StoreUris.join(run.outputUri("merge"), "result.json"), "{}".getBytes(StandardCharsets.UTF_8));
            store.put(neighbour.itemUri(0), "{}".getBytes(StandardCharsets.UTF_8));
            store.put("s3://" + bucket + "/elsewhere.json", "{}".getBytes(StandardCharsets.UTF_8));
            assertThat(calls.get("PutObject")).isEqualTo(n + 4);

            assertThat(store.get(run.itemUri(1000)))
                    .hasValueSatisfying(b ->
                            assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("{\"item\":1000}"));
            assertThat(store.get(run.itemUri(n))).isEmpty();

            long listsBefore = calls.get("ListObjectsV2");
            assertThat(store.list(run.itemsUri()))
                    .hasSize(n)
                    .isSorted()
                    .allSatisfy(u -> assertThat(u).startsWith("s3://" + bucket + "/runs/r1/items/"));
            assertThat(calls.get("ListObjectsV2") - listsBefore).isEqualTo(2); // 1,000 keys a page
            assertThat(store.list(run.runUri())).hasSize(n + 2); // not r10's items

            // Refused before any call: outside the run, another bucket, dot segments, the bucket root.
            long deletesBefore = calls.get("DeleteObjects");
            listsBefore = calls.get("ListObjectsV2");
            assertThatThrownBy(() -> store.deletePrefix("s3://" + bucket + "/runs", run.runUri()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("refusing");
            assertThatThrownBy(() -> store.deletePrefix(neighbour.itemsUri(), run.runUri()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.deletePrefix("s3://other/runs/r1/items", run.runUri()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.deletePrefix(run.runUri() + "/items/../../r10", run.runUri()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.deletePrefix("s3://" + bucket, "s3://" + bucket))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(calls.get("DeleteObjects")).isEqualTo(deletesBefore);
            assertThat(calls.get("ListObjectsV2")).isEqualTo(listsBefore);

            assertThat(store.deletePrefix(run.itemsUri(), run.runUri())).isEqualTo(n);
            assertThat(calls.get("DeleteObjects") - deletesBefore).isEqualTo(2); // 1,000 keys a call
            assertThat(store.list(run.itemsUri())).isEmpty();
            // What cleanup keeps, and everything outside the run, survives.
            assertThat(store.get(run.stateUri())).isPresent();
            assertThat(store.list(run.outputUri("merge"))).hasSize(1);
            assertThat(store.get(neighbour.itemUri(0))).isPresent();
            assertThat(store.get("s3://" + bucket + "/elsewhere.json")).isPresent();
            assertThat(store.deletePrefix(run.itemsUri(), run.runUri())).isZero();
            System.err.println("S3 putAll of " + n + " objects: " + putMillis + " ms");
        }
    }
}
