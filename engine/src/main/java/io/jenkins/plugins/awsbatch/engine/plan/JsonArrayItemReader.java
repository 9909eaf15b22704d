package io.jenkins.plugins.awsbatch.engine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** A JSON array of items ({@code [..]}), or an object with an {@code items} array. */
final class JsonArrayItemReader implements ItemReader {
    private final ObjectMapper mapper;

    JsonArrayItemReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void read(InputStream in, String sheet, Consumer<JsonNode> sink) throws IOException {
        String text = ItemText.read(in);
        JsonNode root;
        try {
            root = text.isBlank() ? null : mapper.readTree(text);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ItemFileProblem(
                    line,
                    "not valid JSON: " + JsonLinesItemReader.firstLine(e.getOriginalMessage()),
                    "fix the JSON syntax at this line");
        }
        if (root != null && root.isObject() && root.path("items").isArray()) {
            root = root.get("items");
        }
        if (root == null || !root.isArray()) {
            throw new ItemFileProblem(
                    1,
                    "expected a JSON array of items (or an object with an \"items\" array)",
                    "write [{\"id\": \"a\"}, {\"id\": \"b\"}]");
        }
        root.forEach(sink);
    }
}
