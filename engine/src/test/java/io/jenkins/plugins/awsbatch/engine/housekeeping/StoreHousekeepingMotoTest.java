package io.jenkins.plugins.awsbatch.engine.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.awsbatch.engine.batch.CallCounter;
import io.jenkins.plugins.awsbatch.engine.batch.aws.AwsClients;
import io.jenkins.plugins.awsbatch.engine.batch.aws.MotoSupport;
import io.jenkins.plugins.awsbatch.engine.store.DynamoDbItemStore;
import io.jenkins.plugins.awsbatch.engine.store.S3Location;
import io.jenkins.plugins.awsbatch.engine.store.S3ObjectStore;
import io.jenkins.plugins.awsbatch.engine.store.TransientObjects;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.Tag;

/** Lifecycle rule, object tags and DynamoDB TTL on moto. Skipped without MOTO_ENDPOINT. */
class StoreHousekeepingMotoTest {
    private AwsClients aws;
    private String bucket;
    private StoreHousekeeping housekeeping;

    @BeforeEach
    void clients() {
        aws = MotoSupport.clients(new CallCounter());
        bucket = MotoSupport.unique("hk");
        aws.s3().createBucket(r -> r.bucket(bucket));
        housekeeping = new StoreHousekeeping(aws.s3(), aws.dynamoDb());
    }

    @AfterEach
    void close() {
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    void theRuleExpiresTaggedObjectsUnderTheStoreOnlyAndKeepsTheBucketsOtherRules() {
        aws.s3()
                .putBucketLifecycleConfiguration(r -> r.bucket(bucket)
                        .lifecycleConfiguration(c -> c.rules(LifecycleRule.builder()
                                .id("theirs")
                                .status("Enabled")
                                .filter(f -> f.prefix("tmp/"))
                                .expiration(e -> e.days(1))
                                .build())));
        S3Location store = new S3Location(bucket, "runs");

        HousekeepingState first = housekeeping.setup(store, 7, null);
        HousekeepingState second = housekeeping.setup(store, 7, null);

        assertThat(first.changes())
                .singleElement()
                .asString()
                .startsWith("added lifecycle rule batchgraph-transient-runs");
        assertThat(second.changes()).as("a second setup changes nothing").isEmpty();
        assertThat(second.days()).isEqualTo(7);
        List<LifecycleRule> rules =
                aws.s3().getBucketLifecycleConfiguration(r -> r.bucket(bucket)).rules();
        assertThat(rules)
                .extracting(LifecycleRule::id)
                .containsExactlyInAnyOrder("theirs", "batchgraph-transient-runs");
        LifecycleRule ours = rules.stream()
                .filter(r -> r.id().startsWith("batchgraph"))
                .findFirst()
                .orElseThrow();
        assertThat(ours.filter().and().prefix()).isEqualTo("runs/");
        assertThat(ours.filter().and().tags())
                .containsExactly(
                        Tag.builder().key("batchgraph-transient").value("true").build());
        assertThat(ours.expiration().days()).isEqualTo(7);

        assertThat(housekeeping.setup(store, 3, null).changes())
                .singleElement()
                .asString()
                .startsWith("updated");
        HousekeepingState removed = housekeeping.remove(store, null);
        assertThat(removed.changes()).hasSize(1);
        assertThat(removed.days()).isNull();
        assertThat(aws.s3()
                        .getBucketLifecycleConfiguration(r -> r.bucket(bucket))
                        .rules())
                .extracting(LifecycleRule::id)
                .containsExactly("theirs");
    }

    @Test
    void theEngineTagsItemsAndIndexMapsButNeverResultsStateOrManifest() {
        housekeeping.setup(new S3Location(bucket, "runs"), 7, null);
        S3ObjectStore store = aws.objectStore();
        String run = "s3://" + bucket + "/runs/recs-20250101-000000-abcd/";
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        store.putAll(Map.of(run + "items/0.json", body, run + "items/1.json", body));
        store.put(run + "stages/score/retry-1.json", body);
        store.put(run + "stages/rank/population.json", body);
        store.put(run + "state.json", body);
        store.put(run + "manifest.json", body);
        store.put(run + "stages/merge/output/result.csv", body);
        store.put("s3://" + bucket + "/runs/items/notes.json", body);

        LifecycleRule rule = aws.s3()
                .getBucketLifecycleConfiguration(r -> r.bucket(bucket))
                .rules()
                .get(0);
        Map<String, Boolean> matched = aws.s3().listObjectsV2(r -> r.bucket(bucket)).contents().stream()
                .collect(Collectors.toMap(o -> o.key(), o -> matches(rule, o.key())));

        assertThat(matched)
                .containsEntry("runs/recs-20250101-000000-abcd/items/0.json", true)
                .containsEntry("runs/recs-20250101-000000-abcd/items/1.json", true)
                .containsEntry("runs/recs-20250101-000000-abcd/stages/score/retry-1.json", true)
                .containsEntry("runs/recs-20250101-000000-abcd/stages/rank/population.json", true)
                .containsEntry("runs/recs-20250101-000000-abcd/state.json", false)
                .containsEntry("runs/recs-20250101-000000-abcd/manifest.json", false)
                .containsEntry("runs/recs-20250101-000000-abcd/stages/merge/output/result.csv", false)
                .containsEntry("runs/items/notes.json", false);
    }

    /** S3's test for a rule filtered by prefix and tag: the key starts with the prefix and the object has every tag. */
    private boolean matches(LifecycleRule rule, String key) {
        List<Tag> tags =
                aws.s3().getObjectTagging(r -> r.bucket(bucket).key(key)).tagSet();
        return key.startsWith(rule.filter().and().prefix())
                && tags.containsAll(rule.filter().and().tags());
    }

    @Test
    void itemRecordsCarryAnExpiryAndSetupEnablesTheTablesTtlOnIt() {
        String table = MotoSupport.unique("items");
        DynamoDbItemStore items = aws.itemStore(table);
        items.createTableIfMissing();
        items.putAll("run-1", 0, List.of("{\"id\":1}"));
        S3Location store = new S3Location(bucket, "runs");

        HousekeepingState set = housekeeping.setup(store, 7, table);
        HousekeepingState again = housekeeping.setup(store, 7, table);

        Map<String, AttributeValue> record = aws.dynamoDb()
                .getItem(r -> r.tableName(table)
                        .key(Map.of("runId", AttributeValue.fromS("run-1"), "idx", AttributeValue.fromN("0"))))
                .item();
        long expiresAt = Long.parseLong(record.get("expiresAt").n());
        assertThat(expiresAt)
                .isBetween(
                        Instant.now().plusSeconds(29 * 86400).getEpochSecond(),
                        Instant.now().plusSeconds(31 * 86400).getEpochSecond());
        assertThat(set.changes()).anyMatch(c -> c.startsWith("enabled TTL on " + table + ".expiresAt"));
        assertThat(again.changes()).isEmpty();
        assertThat(again.ttl()).isEqualTo("ENABLED");
        assertThat(aws.dynamoDb()
                        .describeTimeToLive(r -> r.tableName(table))
                        .timeToLiveDescription()
                        .attributeName())
                .isEqualTo("expiresAt");
        assertThat(housekeeping.remove(store, table).ttl()).isEqualTo("DISABLED");
    }

    @Test
    void onlyTheEnginesTransientFilesAreTagged() {
        assertThat(TransientObjects.taggingFor("runs/r/items/12.json")).isEqualTo("batchgraph-transient=true");
        assertThat(TransientObjects.taggingFor("items/12.json")).isNotNull();
        assertThat(TransientObjects.taggingFor("runs/r/state.json")).isNull();
        assertThat(TransientObjects.taggingFor("runs/r/items/12.json.bak")).isNull();
        assertThat(TransientObjects.taggingFor("runs/r/stages/s/output/retry-1.json"))
                .isNull();
    }
}
