package io.jenkins.plugins.awsbatch.engine.housekeeping;

import io.jenkins.plugins.awsbatch.engine.store.DynamoDbItemStore;
import io.jenkins.plugins.awsbatch.engine.store.S3Location;
import io.jenkins.plugins.awsbatch.engine.store.TransientObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleAndOperator;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * The safety net behind the cleanup stage: an S3 lifecycle rule expiring, N days after they were written, the
 * objects under the store's prefix that carry the transient tag ({@link TransientObjects}), so results, state and
 * manifests (never tagged) are never matched; and DynamoDB's TTL on the items table's {@code expiresAt}. The
 * bucket's other lifecycle rules are kept as they are. Idempotent: a second setup makes no write call.
 */
public final class StoreHousekeeping {
    private static final String NO_LIFECYCLE = "NoSuchLifecycleConfiguration";

    private final S3Client s3;
    private final DynamoDbClient dynamo;

    /** @param dynamo null when there is no items table to look after */
    public StoreHousekeeping(S3Client s3, DynamoDbClient dynamo) {
        this.s3 = s3;
        this.dynamo = dynamo;
    }

    /** {@code batchgraph-transient-<prefix>}: one rule per store prefix of the bucket. */
    public static String ruleId(S3Location store) {
        String key = store.key().replaceAll("/+$", "");
        String id = "batchgraph-transient-" + (key.isEmpty() ? "(bucket)" : key);
        return id.length() <= 255 ? id : id.substring(0, 255);
    }

    public HousekeepingState setup(S3Location store, int days, String itemsTable) {
        if (days < 1) {
            throw new IllegalArgumentException("--days must be at least 1, was " + days);
        }
        List<String> changes = new ArrayList<>();
        LifecycleRule wanted = rule(store, days);
        List<LifecycleRule> rules = rules(store.bucket());
        Optional<LifecycleRule> existing =
                rules.stream().filter(r -> wanted.id().equals(r.id())).findFirst();
        if (existing.isEmpty() || !existing.get().equals(wanted)) {
            List<LifecycleRule> updated = new ArrayList<>(
                    rules.stream().filter(r -> !wanted.id().equals(r.id())).toList());
            updated.add(wanted);
            put(store.bucket(), updated);
            changes.add((existing.isEmpty() ? "added" : "updated") + " lifecycle rule " + wanted.id() + " on bucket "
                    + store.bucket() + ": objects tagged " + TransientObjects.TAGGING + " under '" + store.key()
                    + "' expire after " + days + " day(s)");
        }
        if (itemsTable != null) {
            TimeToLiveDescription ttl = ttl(itemsTable);
            if (!DynamoDbItemStore.EXPIRES_AT.equals(ttl.attributeName())
                    || !"ENABLED".equals(ttl.timeToLiveStatusAsString())
                            && !"ENABLING".equals(ttl.timeToLiveStatusAsString())) {
                dynamo.updateTimeToLive(r -> r.tableName(itemsTable)
                        .timeToLiveSpecification(t ->
                                t.attributeName(DynamoDbItemStore.EXPIRES_AT).enabled(true)));
                changes.add("enabled TTL on " + itemsTable + "." + DynamoDbItemStore.EXPIRES_AT + " (records expire "
                        + DynamoDbItemStore.ITEM_LIFETIME.toDays() + " days after they were written)");
            }
        }
        return show(store, itemsTable, changes);
    }

    public HousekeepingState show(S3Location store, String itemsTable) {
        return show(store, itemsTable, List.of());
    }

    private HousekeepingState show(S3Location store, String itemsTable, List<String> changes) {
        String id = ruleId(store);
        Integer days = rules(store.bucket()).stream()
                .filter(r -> id.equals(r.id()))
                .findFirst()
                .map(r -> r.expiration() == null ? null : r.expiration().days())
                .orElse(null);
        String ttl = itemsTable == null ? null : ttl(itemsTable).timeToLiveStatusAsString();
        return new HousekeepingState("s3://" + store.bucket() + "/" + store.key(), id, days, itemsTable, ttl, changes);
    }

    /** Takes out this store's rule (the bucket's others stay) and disables the items table's TTL. */
    public HousekeepingState remove(S3Location store, String itemsTable) {
        List<String> changes = new ArrayList<>();
        String id = ruleId(store);
        List<LifecycleRule> rules = rules(store.bucket());
        List<LifecycleRule> kept =
                rules.stream().filter(r -> !id.equals(r.id())).toList();
        if (kept.size() != rules.size()) {
            if (kept.isEmpty()) {
                s3.deleteBucketLifecycle(r -> r.bucket(store.bucket()));
            } else {
                put(store.bucket(), kept);
            }
            changes.add("removed lifecycle rule " + id + " from bucket " + store.bucket());
        }
        if (itemsTable != null) {
            TimeToLiveDescription ttl = ttl(itemsTable);
            if (DynamoDbItemStore.EXPIRES_AT.equals(ttl.attributeName())
                    && "ENABLED".equals(ttl.timeToLiveStatusAsString())) {
                dynamo.updateTimeToLive(r -> r.tableName(itemsTable)
                        .timeToLiveSpecification(t ->
                                t.attributeName(DynamoDbItemStore.EXPIRES_AT).enabled(false)));
                changes.add("disabled TTL on " + itemsTable);
            }
        }
        return show(store, itemsTable, changes);
    }

    static LifecycleRule rule(S3Location store, int days) {
        String key = store.key().replaceAll("/+$", "");
        String prefix = key.isEmpty() ? "" : key + "/";
        return LifecycleRule.builder()
                .id(ruleId(store))
                .status(ExpirationStatus.ENABLED)
                .filter(LifecycleRuleFilter.builder()
                        .and(LifecycleRuleAndOperator.builder()
                                .prefix(prefix)
                                .tags(Tag.builder()
                                        .key(TransientObjects.TAG_KEY)
                                        .value(TransientObjects.TAG_VALUE)
                                        .build())
                                .build())
                        .build())
                .expiration(e -> e.days(days))
                .build();
    }

    private List<LifecycleRule> rules(String bucket) {
        try {
            return s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket)).rules();
        } catch (S3Exception e) {
            if (e.awsErrorDetails() != null
                    && NO_LIFECYCLE.equals(e.awsErrorDetails().errorCode())) {
                return List.of();
            }
            throw e;
        }
    }

    private void put(String bucket, List<LifecycleRule> rules) {
        s3.putBucketLifecycleConfiguration(r -> r.bucket(bucket).lifecycleConfiguration(c -> c.rules(rules)));
    }

    private TimeToLiveDescription ttl(String table) {
        if (dynamo == null) {
            throw new IllegalStateException("no DynamoDB client for table " + table);
        }
        return dynamo.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
    }
}
