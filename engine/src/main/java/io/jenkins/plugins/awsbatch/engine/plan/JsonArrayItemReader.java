package io.jenkins.plugins.awsbatch.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** A JSON array of items ({@code [..]}), or an object with an {@code items} array. */
final class JsonArrayItemReader implements ItemReader {
    private final ObjectMapper mapper;

    JsonArrayItemReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public List<JsonNode> read(InputStream in, String sheet) throws IOException {
        JsonNode root = mapper.readTree(in);
        if (root != null && root.isObject() && root.path("items").isArray()) {
            root = root.get("items");
        }
        if (root == null || !root.isArray()) {
            throw new IOException("expected a JSON array of items (or an object with an \"items\" array)");
        }
        List<JsonNode> out = new ArrayList<>(root.size());
        root.forEach(out::add);
        return out;
    }
}
