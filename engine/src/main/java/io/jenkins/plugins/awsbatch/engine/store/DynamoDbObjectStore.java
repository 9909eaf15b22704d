package io.jenkins.plugins.awsbatch.engine.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plan's item records in a DynamoDB table seen through the store interface, so planning, the job
 * environment and cleanup work the same as with S3: {@code dynamodb://TABLE/RUN_ID/<i>.json} is the item
 * (runId = RUN_ID, idx = i). Only item records live here; everything else of a run stays in its store.
 */
public final class DynamoDbObjectStore implements ObjectStore {
    private static final Pattern ITEM = Pattern.compile("dynamodb://([^/]+)/([^/]+)/(\\d+)\\.json");
    private static final Pattern RUN = Pattern.compile("dynamodb://([^/]+)/([^/]+)/?");
    private final DynamoDbItemStore items;

    public DynamoDbObjectStore(DynamoDbItemStore items) {
        this.items = items;
    }

    /** {@code dynamodb://TABLE/RUN_ID}: where a run's items live when the plan says {@code itemStore: dynamodb:TABLE}. */
    public static String itemsUri(String table, String runId) {
        return "dynamodb://" + table + "/" + runId;
    }

    /** The table a {@code dynamodb://TABLE/...} URI names. */
    public static String tableOf(String uri) {
        Matcher m = RUN.matcher(uri.endsWith("/") ? uri : uri + "/");
        if (!uri.startsWith("dynamodb://") || !m.lookingAt()) {
            throw new IllegalArgumentException("not a DynamoDB items URI: " + uri + "; write dynamodb://TABLE/RUN_ID");
        }
        return m.group(1);
    }

    @Override
    public void put(String uri, byte[] content) {
        putAll(Map.of(uri, content));
    }

    /** Items of one run in index order, 25 per BatchWriteItem; consecutive indexes go in one call sequence. */
    @Override
    public void putAll(Map<String, byte[]> objects) {
        TreeMap<Long, String> byIndex = new TreeMap<>();
        String runId = null;
        for (Map.Entry<String, byte[]> entry : objects.entrySet()) {
            Matcher m = item(entry.getKey());
            if (runId != null && !runId.equals(m.group(2))) {
                throw new IllegalArgumentException("one putAll writes one run's items");
            }
            runId = m.group(2);
            byIndex.put(Long.parseLong(m.group(3)), new String(entry.getValue(), StandardCharsets.UTF_8));
        }
        long expected = -1;
        List<String> batch = new ArrayList<>();
        long first = 0;
        for (Map.Entry<Long, String> entry : byIndex.entrySet()) {
            if (entry.getKey() != expected + 1 && !batch.isEmpty()) {
                items.putAll(runId, first, batch);
                batch = new ArrayList<>();
            }
            if (batch.isEmpty()) {
                first = entry.getKey();
            }
            batch.add(entry.getValue());
            expected = entry.getKey();
        }
        if (!batch.isEmpty()) {
            items.putAll(runId, first, batch);
        }
    }

    @Override
    public Optional<byte[]> get(String uri) {
        Matcher m = item(uri);
        return items.get(m.group(2), Long.parseLong(m.group(3))).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<String> list(String prefixUri) {
        Matcher m = RUN.matcher(prefixUri);
        if (!m.matches()) {
            throw new IllegalArgumentException("list a run's items as dynamodb://TABLE/RUN_ID/, not " + prefixUri);
        }
        List<String> out = new ArrayList<>();
        List<String> records = items.readAll(m.group(2));
        for (int i = 0; i < records.size(); i++) {
            out.add(itemsUri(m.group(1), m.group(2)) + "/" + i + ".json");
        }
        return out;
    }

    /** Deletes the run's items; the prefix must be exactly the run's items URI (never another run). */
    @Override
    public int deletePrefix(String prefixUri, String allowedRoot) {
        Matcher m = RUN.matcher(prefixUri);
        if (!m.matches() || !StoreUris.asPrefix(prefixUri).equals(StoreUris.asPrefix(allowedRoot))) {
            throw new IllegalArgumentException("refusing to delete " + prefixUri + ": only a run's own items ("
                    + allowedRoot + ") may be deleted");
        }
        return items.deleteRun(m.group(2));
    }

    private static Matcher item(String uri) {
        Matcher m = ITEM.matcher(uri);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "not a DynamoDB item URI: " + uri + "; expected dynamodb://TABLE/RUN_ID/<i>.json");
        }
        return m;
    }
}
