package io.jenkins.plugins.awsbatch.engine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.awsbatch.engine.graph.ItemSourceSpec;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import io.jenkins.plugins.awsbatch.engine.store.StoreUris;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads the items a plan declares: an inline list, a file (.json, .jsonl, .csv, .xlsx; a path relative to the
 * graph file, or an {@code s3://} object), or an S3 listing (one item per object: {@code {uri, key, name}}).
 */
public final class ItemSource {
    private final ObjectMapper json;
    private final StoreResolver stores;

    public ItemSource(ObjectMapper json, StoreResolver stores) {
        this.json = json;
        this.stores = stores;
    }

    public List<Item> read(ItemSourceSpec spec, Path baseDir) {
        Items items = new Items(spec.key());
        try {
            if (spec.list() != null) {
                for (Object value : spec.list()) {
                    items.accept(json.valueToTree(value));
                }
            } else if (spec.s3() != null) {
                listing(spec.s3(), items);
            } else {
                readFile(spec, baseDir, items);
            }
        } catch (NoSuchFileException e) {
            throw new PlanException(
                    "plan.items.file",
                    "file not found: " + e.getFile(),
                    "give a path relative to the graph file, or an absolute one");
        } catch (ItemFileProblem e) {
            throw new PlanException(e.where(spec.file() != null ? spec.file() : "plan.items"), e.getMessage(), e.fix());
        } catch (IOException e) {
            throw new PlanException(
                    spec.file() != null ? spec.file() : "plan.items",
                    "cannot read items: " + firstLine(e.getMessage()),
                    "check that the file is readable and in its format");
        } catch (RuntimeException e) {
            if (e instanceof PlanException known) {
                throw known;
            }
            // A library's own failure (a broken zip inside an .xlsx, a JSON value past its limits): still bad input.
            throw new PlanException(
                    spec.file() != null ? spec.file() : "plan.items",
                    "cannot read items: " + firstLine(e.getMessage()),
                    "check the file's format");
        }
        if (spec.key() != null && items.first != null && !items.first.has(spec.key())) {
            throw new PlanException(
                    "plan.items.key",
                    "items have no field '" + spec.key() + "'",
                    "use one of the fields of the first item: " + fieldsOf(items.first));
        }
        return items.list;
    }

    /**
     * Items as the reader hands them over: each record becomes its compact text at once, so a large plan never
     * holds every record as a tree.
     */
    private final class Items implements Consumer<JsonNode> {
        private final String keyField;
        private final ObjectWriter compact = json.writer().without(SerializationFeature.INDENT_OUTPUT);
        final List<Item> list = new ArrayList<>();
        JsonNode first;

        Items(String keyField) {
            this.keyField = keyField;
        }

        @Override
        public void accept(JsonNode record) {
            if (first == null) {
                first = record;
            }
            int index = list.size();
            try {
                list.add(new Item(index, keyOf(record, keyField, index), compact.writeValueAsBytes(record)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void readFile(ItemSourceSpec spec, Path baseDir, Consumer<JsonNode> sink) throws IOException {
        String file = spec.file();
        String lower = file.toLowerCase(Locale.ROOT);
        ItemReader reader;
        if (lower.endsWith(".xlsx")) {
            reader = new ExcelItemReader(json);
        } else if (lower.endsWith(".csv")) {
            reader = new CsvItemReader(json);
        } else if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            reader = new JsonLinesItemReader(json);
        } else {
            reader = new JsonArrayItemReader(json);
        }
        try (InputStream in = open(file, baseDir)) {
            reader.read(in, spec.sheet(), sink);
        }
    }

    private InputStream open(String file, Path baseDir) throws IOException {
        if (file.startsWith("s3://")) {
            byte[] content = stores.forUri(file).get(file).orElseThrow(() -> new NoSuchFileException(file));
            return new ByteArrayInputStream(content);
        }
        Path path = baseDir == null ? Path.of(file) : baseDir.resolve(file);
        if (Files.isDirectory(path)) {
            throw new ItemFileProblem(
                    (String) null, "is a folder, not an item file", "name a .csv, .json, .jsonl or .xlsx file");
        }
        if (Files.isRegularFile(path) && Files.size(path) > ItemText.MAX_FILE_BYTES) {
            throw new ItemFileProblem(
                    (String) null,
                    "the item file is " + Files.size(path) + " bytes, more than " + ItemText.MAX_FILE_BYTES,
                    "split it, or list objects under an S3 prefix with plan.items.s3");
        }
        return Files.newInputStream(path);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private void listing(String prefix, Consumer<JsonNode> sink) {
        String root = StoreUris.asPrefix(prefix);
        for (String uri : stores.forUri(prefix).list(root)) {
            ObjectNode item = json.createObjectNode();
            item.put("uri", uri);
            String key = uri.substring(uri.indexOf('/', "s3://".length()) + 1);
            item.put("key", key);
            item.put("name", uri.substring(uri.lastIndexOf('/') + 1));
            sink.accept(item);
        }
    }

    private static String keyOf(JsonNode record, String keyField, int index) {
        if (keyField != null && record.has(keyField)) {
            return record.get(keyField).asText();
        }
        for (String field : List.of("id", "key", "name")) {
            if (record.isObject() && record.has(field) && record.get(field).isValueNode()) {
                return record.get(field).asText();
            }
        }
        return record.isValueNode() ? record.asText() : String.valueOf(index);
    }

    private static List<String> fieldsOf(JsonNode record) {
        List<String> names = new ArrayList<>();
        record.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
