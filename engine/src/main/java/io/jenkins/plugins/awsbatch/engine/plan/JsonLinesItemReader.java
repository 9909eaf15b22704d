package io.jenkins.plugins.awsbatch.engine.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One JSON value per line; blank lines are skipped; a bad line is reported by number. */
final class JsonLinesItemReader implements ItemReader {
    private final ObjectMapper mapper;

    JsonLinesItemReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public List<JsonNode> read(InputStream in, String sheet) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(mapper.readTree(line));
            } catch (JsonProcessingException e) {
                throw new IOException("line " + number + " is not valid JSON: " + e.getOriginalMessage(), e);
            }
        }
        return out;
    }
}
