package io.jenkins.plugins.awsbatch.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** CSV with a header row: each row becomes an object of header → cell text (RFC 4180 quoting). */
final class CsvItemReader implements ItemReader {
    private final CsvMapper csv = CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES).build();
    private final ObjectMapper json;

    CsvItemReader(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<JsonNode> read(InputStream in, String sheet) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<JsonNode> out = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = csv.readerFor(Map.class).with(schema).readValues(in)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                ObjectNode node = json.createObjectNode();
                row.forEach(node::put);
                out.add(node);
            }
        }
        return out;
    }
}
