package io.jenkins.plugins.awsbatch.engine.store;

import io.jenkins.plugins.awsbatch.engine.batch.TokenBucket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The plan's records in DynamoDB instead of S3 objects: one item per record, partition key {@code runId} (S),
 * sort key {@code idx} (N), the record in {@code body} (S). Writes and deletes go 25 items per BatchWriteItem
 * call; unprocessed items are sent again with growing pauses. Cleanup deletes every item of a run id.
 */
public final class DynamoDbItemStore {
    /** BatchWriteItem's limit. */
    public static final int BATCH_SIZE = 25;

    static final String RUN_ID = "runId";
    static final String INDEX = "idx";
    static final String BODY = "body";
    /** Epoch seconds after which DynamoDB's TTL may delete the record, once the table's TTL is enabled on it. */
    public static final String EXPIRES_AT = "expiresAt";

    public static final Duration ITEM_LIFETIME = Duration.ofDays(30);
    private static final int MAX_UNPROCESSED_ROUNDS = 12;

    private final DynamoDbClient dynamo;
    private final String table;
    private final TokenBucket.Sleeper sleeper;

    public DynamoDbItemStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, TokenBucket.Sleeper.THREAD);
    }

    public DynamoDbItemStore(DynamoDbClient dynamo, String table, TokenBucket.Sleeper sleeper) {
        if (table == null || !table.matches("[A-Za-z0-9_.-]{3,255}")) {
            throw new IllegalArgumentException(
                    "DynamoDB table names are 3-255 characters of letters, digits, _ . -, was '" + table + "'");
        }
        this.dynamo = dynamo;
        this.table = table;
        this.sleeper = sleeper;
    }

    public String table() {
        return table;
    }

    /** Creates the table (on-demand capacity) if it does not exist, and waits until it is active. */
    public void createTableIfMissing() {
        try {
            dynamo.createTable(r -> r.tableName(table)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            AttributeDefinition.builder()
                                    .attributeName(RUN_ID)
                                    .attributeType(ScalarAttributeType.S)
                                    .build(),
                            AttributeDefinition.builder()
                                    .attributeName(INDEX)
                                    .attributeType(ScalarAttributeType.N)
                                    .build())
                    .keySchema(
                            KeySchemaElement.builder()
                                    .attributeName(RUN_ID)
                                    .keyType(KeyType.HASH)
                                    .build(),
                            KeySchemaElement.builder()
                                    .attributeName(INDEX)
                                    .keyType(KeyType.RANGE)
                                    .build()));
        } catch (ResourceInUseException e) {
            // already there
        }
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(table));
    }

    /** Writes {@code records} as items {@code firstIndex, firstIndex + 1, ...} of the run. */
    public void putAll(String runId, long firstIndex, List<String> records) {
        List<WriteRequest> writes = new ArrayList<>(records.size());
        AttributeValue expiresAt = AttributeValue.fromN(
                Long.toString(Instant.now().plus(ITEM_LIFETIME).getEpochSecond()));
        for (int i = 0; i < records.size(); i++) {
            Map<String, AttributeValue> item = key(runId, firstIndex + i);
            item.put(BODY, AttributeValue.fromS(records.get(i)));
            item.put(EXPIRES_AT, expiresAt);
            writes.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item).build())
                    .build());
        }
        writeAll(writes);
    }

    public Optional<String> get(String runId, long index) {
        var response =
                dynamo.getItem(r -> r.tableName(table).key(key(runId, index)).consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(response.item().get(BODY).s());
    }

    /** Every record of the run, in index order. */
    public List<String> readAll(String runId) {
        List<String> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(runId, false)) {
            out.add(item.get(BODY).s());
        }
        return out;
    }

    /** Deletes every item of the run; returns how many. */
    public int deleteRun(String runId) {
        List<WriteRequest> deletes = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(runId, true)) {
            deletes.add(WriteRequest.builder()
                    .deleteRequest(DeleteRequest.builder()
                            .key(key(runId, Long.parseLong(item.get(INDEX).n())))
                            .build())
                    .build());
        }
        writeAll(deletes);
        return deletes.size();
    }

    private List<Map<String, AttributeValue>> query(String runId, boolean keysOnly) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryRequest.Builder q = QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("#r = :r")
                    .expressionAttributeNames(keysOnly ? Map.of("#r", RUN_ID, "#i", INDEX) : Map.of("#r", RUN_ID))
                    .expressionAttributeValues(Map.of(":r", AttributeValue.fromS(runId)))
                    .consistentRead(true);
            if (keysOnly) {
                q.projectionExpression("#r, #i");
            }
            if (start != null) {
                q.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(q.build());
            out.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }

    private void writeAll(List<WriteRequest> writes) {
        for (int from = 0; from < writes.size(); from += BATCH_SIZE) {
            List<WriteRequest> pending = writes.subList(from, Math.min(writes.size(), from + BATCH_SIZE));
            int round = 0;
            while (!pending.isEmpty()) {
                if (round > 0) {
                    pause(round);
                }
                if (round++ > MAX_UNPROCESSED_ROUNDS) {
                    throw new IllegalStateException("DynamoDB left " + pending.size() + " items of table " + table
                            + " unprocessed after " + MAX_UNPROCESSED_ROUNDS + " retries");
                }
                List<WriteRequest> batch = List.copyOf(pending);
                BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(Map.of(table, batch)));
                pending = response.hasUnprocessedItems()
                        ? response.unprocessedItems().getOrDefault(table, List.of())
                        : List.of();
            }
        }
    }

    private void pause(int round) {
        long millis = Math.min(5_000L, 50L << Math.min(round, 10));
        try {
            sleeper.sleepNanos(millis * 1_000_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing to DynamoDB", e);
        }
    }

    private static Map<String, AttributeValue> key(String runId, long index) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put(RUN_ID, AttributeValue.fromS(runId));
        key.put(INDEX, AttributeValue.fromN(Long.toString(index)));
        return key;
    }
}
