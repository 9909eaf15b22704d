package io.jenkins.plugins.awsbatch.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.MotoSupport;
import io.jenkins.plugins.awsbatch.engine.store.JobEnvironmentDoc;
import io.jenkins.plugins.awsbatch.engine.store.PackedItems;
import io.jenkins.plugins.awsbatch.engine.store.RunLayout;
import io.jenkins.plugins.awsbatch.engine.store.S3ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.TransientObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packed layout on S3 (moto): a handful of PutObject for thousands of items, and every item read back with two
 * ranged GetObject, by the engine and by docs/job-environment.md's AWS CLI and boto3 code. Skipped without
 * MOTO_ENDPOINT; the CLI and boto3 cases also without {@code aws} on the PATH or a Python with boto3.
 */
class PackedItemsMotoTest {
    private static final int ITEMS = 2_345;
    private final ObjectMapper json = new ObjectMapper();
    private final CallCounter calls = new CallCounter();
    private AwsClients aws;
    private String bucket;
    private RunLayout layout;
    private List<Item> items;

    @TempDir
    Path dir;

    @BeforeEach
    void writePackedItems() {
        aws = AwsClients.create(MotoSupport.settings(MotoSupport.endpoint()).build(), calls);
        bucket = MotoSupport.unique("packed");
        aws.s3().createBucket(r -> r.bucket(bucket));
        layout = new RunLayout("s3://" + bucket + "/runs", "packed-1");
        items = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            items.add(new Item(
                    i, "k" + i, json.createObjectNode().put("id", "k" + i).put("text", "ünï \"" + i + "\"\n")));
        }
    }

    @AfterEach
    void close() {
        if (aws != null) { // without moto the test is skipped before its clients exist
            aws.close();
        }
    }

    @Test
    void planningWritesAPartOffsetsAndManifestAndEachItemTakesTwoRangedReads() throws Exception {
        Planner planner = new Planner(null, json, new Chunker(), Clock.systemUTC());
        S3ObjectStore store = aws.objectStore();
        Plan plan = planner.write("g", items, "id", layout, store, new ItemDestination(layout.itemsUri(), store, null));

        assertThat(plan.itemLayout()).isEqualTo(ItemLayout.PACKED);
        assertThat(calls.get("PutObject")).isEqualTo(3); // 0.jsonl, offsets.txt, manifest.json
        for (int i : new int[] {0, 1, 1_234, ITEMS - 1}) {
            long gets = calls.get("GetObject");
            byte[] record = PackedItems.read(store, layout.itemsUri(), i).orElseThrow();
            assertThat(json.readTree(record)).isEqualTo(items.get(i).record());
            assertThat(calls.get("GetObject") - gets)
                    .as("GetObject calls for item %d", i)
                    .isEqualTo(2);
        }
        assertThat(PackedItems.read(store, layout.itemsUri(), ITEMS)).isEmpty();
        for (String key : List.of("0.jsonl", "offsets.txt")) {
            assertThat(aws.s3()
                            .getObjectTagging(r -> r.bucket(bucket).key("runs/packed-1/items/" + key))
                            .tagSet())
                    .anySatisfy(tag -> assertThat(tag.key()).isEqualTo(TransientObjects.TAG_KEY));
        }
    }

    @Test
    void itemsOnEitherSideOfAPartBoundaryReadBackExactly() throws Exception {
        S3ObjectStore store = aws.objectStore();
        store.putAll(new PackedItemsWriter(1_000, 1 << 20).encode(items, layout.itemsUri()));

        assertThat(store.list(layout.itemsUri() + "/")).hasSize(4); // 3 parts and the offsets
        for (int i : new int[] {999, 1_000, 1_999, 2_000, ITEMS - 1}) {
            assertThat(json.readTree(
                            PackedItems.read(store, layout.itemsUri(), i).orElseThrow()))
                    .as("item %d", i)
                    .isEqualTo(items.get(i).record());
        }
    }

    @Test
    void theDocumentedAwsCliShellReadsAnItemInEitherLayoutAndThroughAnIndexMap() throws Exception {
        assumeTrue(onPath("aws"), "the AWS CLI is not on the PATH");
        S3ObjectStore store = aws.objectStore();
        store.putAll(new PackedItemsWriter(1_000, 1 << 20).encode(items, layout.itemsUri()));
        String map = layout.retryMapUri("s", 1);
        store.put(map, "[5, 2001]".getBytes(StandardCharsets.UTF_8));
        Path script = dir.resolve("item.sh");
        Files.writeString(script, JobEnvironmentDoc.snippet("sh", "aws s3api") + "\nbatchgraph_item \"$OUT\"\n");

        assertThat(runJob(List.of("sh", script.toString()), packedEnv(1_000, 0, null)))
                .isEqualTo(items.get(1_000).record());
        assertThat(runJob(List.of("sh", script.toString()), packedEnv(0, 1, map)))
                .isEqualTo(items.get(2_001).record());
        store.put(layout.itemUri(7), "{\"per\":\"item\"}".getBytes(StandardCharsets.UTF_8));
        Map<String, String> perItem = packedEnv(7, 0, null);
        perItem.put("BATCHGRAPH_ITEMS_LAYOUT", "per-item");
        perItem.remove("BATCHGRAPH_ITEMS_OFFSETS_URI");
        assertThat(runJob(List.of("sh", script.toString()), perItem)).isEqualTo(json.readTree("{\"per\":\"item\"}"));
    }

    @Test
    void theDocumentedBoto3CodeReadsAnItemDirectlyAndThroughAnIndexMap() throws Exception {
        String python = pythonWithBoto3();
        assumeTrue(python != null, "no Python with boto3 (MOTO_VENV, .venv-moto or python3)");
        S3ObjectStore store = aws.objectStore();
        store.putAll(new PackedItemsWriter(1_000, 1 << 20).encode(items, layout.itemsUri()));
        String map = layout.retryMapUri("s", 1);
        store.put(map, "[5, 2001]".getBytes(StandardCharsets.UTF_8));
        Path script = dir.resolve("item.py");
        Files.writeString(script, JobEnvironmentDoc.snippet("python", "boto3") + """

                with open(os.environ["OUT"], "w") as f:
                    json.dump(batchgraph_item(), f)
                """);

        assertThat(runJob(List.of(python, script.toString()), packedEnv(999, 1, null)))
                .isEqualTo(items.get(1_000).record());
        assertThat(runJob(List.of(python, script.toString()), packedEnv(0, 1, map)))
                .isEqualTo(items.get(2_001).record());
    }

    /** What a child of an array at {@code offset} gets, as index {@code arrayIndex}, with moto's endpoint. */
    private Map<String, String> packedEnv(int offset, int arrayIndex, String indexMap) {
        Map<String, String> env = new HashMap<>();
        env.put("BATCHGRAPH_ITEMS_URI", layout.itemsUri());
        env.put("BATCHGRAPH_ITEMS_LAYOUT", "packed");
        env.put("BATCHGRAPH_ITEMS_OFFSETS_URI", PackedItems.offsetsUri(layout.itemsUri()));
        env.put("BATCHGRAPH_INDEX_OFFSET", String.valueOf(offset));
        env.put("AWS_BATCH_JOB_ARRAY_INDEX", String.valueOf(arrayIndex));
        if (indexMap != null) {
            env.put("BATCHGRAPH_INDEX_MAP_URI", indexMap);
        }
        return env;
    }

    /** Runs the job with only the given variables and moto's, and reads the record it wrote to $OUT. */
    private JsonNode runJob(List<String> command, Map<String, String> env) throws Exception {
        Path out = Files.createTempFile(dir, "item", ".json");
        ProcessBuilder job = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("job.log").toFile());
        job.environment().keySet().retainAll(List.of("PATH", "HOME", "LANG"));
        job.environment().putAll(env);
        job.environment()
                .putAll(Map.of(
                        "OUT",
                        out.toString(),
                        "AWS_ENDPOINT_URL",
                        MotoSupport.endpoint(),
                        "AWS_ACCESS_KEY_ID",
                        "testing",
                        "AWS_SECRET_ACCESS_KEY",
                        "testing",
                        "AWS_DEFAULT_REGION",
                        MotoSupport.REGION));
        Process process = job.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the job ended").isTrue();
        assertThat(process.exitValue())
                .as(Files.readString(dir.resolve("job.log")))
                .isZero();
        return json.readTree(out.toFile());
    }

    private static boolean onPath(String program) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + program).start().waitFor() == 0;
    }

    private static String pythonWithBoto3() throws IOException, InterruptedException {
        List<String> candidates = new ArrayList<>();
        String venv = System.getenv("MOTO_VENV");
        if (venv != null) {
            candidates.add(venv + "/bin/python");
        }
        candidates.add("../.venv-moto/bin/python");
        candidates.add("python3");
        for (String python : candidates) {
            try {
                if (new ProcessBuilder(python, "-c", "import boto3").start().waitFor() == 0) {
                    return python;
                }
            } catch (IOException e) {
                // not there: the next one
            }
        }
        return null;
    }
}
