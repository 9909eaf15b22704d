package io.jenkins.plugins.awsbatch.engine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** One JSON value per line; blank lines are skipped; a bad line is reported by number. */
final class JsonLinesItemReader implements ItemReader {
    private final ObjectMapper mapper;

    JsonLinesItemReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void read(InputStream in, String sheet, Consumer<JsonNode> sink) throws IOException {
        String text = ItemText.read(in);
        ItemText.requireShortLines(text);
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                sink.accept(mapper.readTree(line));
            } catch (JsonProcessingException e) {
                throw new ItemFileProblem(
                        number,
                        "line " + number + " is not valid JSON: " + firstLine(e.getOriginalMessage()),
                        "write one JSON value per line, e.g. {\"id\": \"a\"}");
            }
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
