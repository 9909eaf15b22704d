package io.jenkins.plugins.awsbatch.engine.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * CSV with a header row: each row becomes an object of header → cell text (RFC 4180 quoting). Every row has
 * exactly the header's columns; a problem is reported with the line it is on.
 */
final class CsvItemReader implements ItemReader {
    private final CsvMapper csv = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
            .build();
    private final ObjectMapper json;

    CsvItemReader(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void read(InputStream in, String sheet, Consumer<JsonNode> sink) throws IOException {
        String text = ItemText.read(in);
        ItemText.requireShortLines(text);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        long rowStart = 1;
        try (MappingIterator<Map<String, String>> rows =
                csv.readerFor(Map.class).with(schema).readValues(text)) {
            checkHeader((CsvParser) rows.getParser());
            rowStart = rows.getParser().currentLocation().getLineNr();
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                ObjectNode node = json.createObjectNode();
                row.forEach(node::put);
                sink.accept(node);
                rowStart = rows.getParser().currentLocation().getLineNr();
            }
        } catch (RuntimeException e) {
            // The iterator wraps the parser's exception; the cause knows the line.
            if (e.getCause() instanceof JsonProcessingException cause) {
                throw problem(cause, cause.getOriginalMessage(), rowStart);
            }
            throw problem(null, e.getMessage(), rowStart);
        } catch (JsonProcessingException e) {
            throw problem(e, e.getOriginalMessage(), rowStart);
        }
    }

    private static void checkHeader(CsvParser parser) throws IOException {
        if (parser.currentToken() == null && parser.getSchema().size() == 0) {
            return; // an empty file: no items
        }
        Set<String> seen = new HashSet<>();
        for (CsvSchema.Column column : parser.getSchema()) {
            if (column.getName().isBlank()) {
                throw new ItemFileProblem(
                        1,
                        "column " + (column.getIndex() + 1) + " of the header has no name",
                        "name every column in the first line");
            }
            if (!seen.add(column.getName())) {
                throw new ItemFileProblem(
                        1,
                        "the header names column '" + column.getName() + "' twice",
                        "give every column its own name");
            }
        }
    }

    private static ItemFileProblem problem(JsonProcessingException e, String message, long rowStart) {
        String text = message == null ? "" : message;
        JsonLocation at = e == null ? null : e.getLocation();
        long line = at != null && at.getLineNr() > 0 ? at.getLineNr() : rowStart;
        if (text.contains("Missing closing quote")) {
            return new ItemFileProblem(
                    Math.max(1, rowStart),
                    "a quoted value that starts on or after this line is never closed",
                    "close the quote; write \"\" for a quote inside a quoted value");
        }
        if (text.contains("Too many entries")) {
            return new ItemFileProblem(
                    line,
                    "the row has more values than the header has columns",
                    "quote values that contain commas, or add a column to the header");
        }
        if (text.contains("Not enough column values")) {
            return new ItemFileProblem(
                    line,
                    "the row has fewer values than the header has columns",
                    "give every row a value for every column (an empty one is fine: a,,c)");
        }
        int newline = text.indexOf('\n');
        return new ItemFileProblem(
                line,
                "not valid CSV: " + (newline < 0 ? text : text.substring(0, newline)),
                "check the quoting and the separators (commas) of this line");
    }
}
