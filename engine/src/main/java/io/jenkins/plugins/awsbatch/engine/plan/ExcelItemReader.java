package io.jenkins.plugins.awsbatch.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An .xlsx sheet (the first, or the named one): the first non-empty row is the header, each later non-empty
 * row an item. Numbers stay numbers (whole numbers as integers), dates become ISO text, formulas their cached
 * value.
 * <p>
 * The sheet is streamed (fastexcel's reader), one row at a time, so memory grows with the items kept, not with
 * the workbook: a 100,000-row sheet plans within a 150 MB heap. The file is copied to a temporary file first
 * so the zip is read entry by entry instead of held in memory.
 */
final class ExcelItemReader implements ItemReader {
    /** Cell formats on (which numbers are dates); a value that does not parse reads as an error cell. */
    private static final ReadingOptions OPTIONS = new ReadingOptions(true, true);

    private final ObjectMapper json;

    ExcelItemReader(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void read(InputStream in, String sheetName, Consumer<JsonNode> sink) throws IOException {
        Path copy = Files.createTempFile("batchgraph-items", ".xlsx");
        try {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            WorkbookFileKind.check(copy);
            try (ReadableWorkbook workbook = new ReadableWorkbook(copy.toFile(), OPTIONS)) {
                XlsxCells cells = new XlsxCells(
                        WorkbookDates.uses1904(copy), // fastexcel's own flag misses Excel's date1904="1"
                        workbook.getFormats(),
                        workbook.getNumFmtIdToFormat());
                readSheet(workbook, sheetName, cells, sink);
            } catch (ItemFileProblem problem) {
                throw problem;
            } catch (IOException | RuntimeException e) {
                throw WorkbookFileKind.notAWorkbook(e);
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private void readSheet(ReadableWorkbook workbook, String sheetName, XlsxCells cells, Consumer<JsonNode> sink)
            throws IOException {
        List<Sheet> sheets = workbook.getSheets().toList();
        if (sheets.isEmpty()) {
            throw new ItemFileProblem((String) null, "the workbook has no sheet", "add a sheet with a header row");
        }
        Optional<Sheet> sheet = sheetName == null
                ? Optional.of(sheets.get(0))
                : sheets.stream()
                        .filter(s -> sheetName.equalsIgnoreCase(s.getName()))
                        .findFirst();
        if (sheet.isEmpty()) {
            throw new ItemFileProblem(
                    (String) null,
                    "no sheet named '" + sheetName + "'",
                    "set plan.items.sheet to one of "
                            + sheets.stream().map(Sheet::getName).toList());
        }
        RowsToItems items = new RowsToItems(sheet.get().getName(), cells, sink);
        try (Stream<Row> rows = sheet.get().openStream()) {
            rows.forEach(items::row);
        } catch (UncheckedIOException e) {
            throw e.getCause(); // a problem found in a row, e.g. a header naming a column twice
        }
    }

    /** Header first, then one item per non-empty row, as each row is read. */
    private final class RowsToItems {
        private final String sheetName;
        private final XlsxCells cells;
        private final Consumer<JsonNode> sink;
        private List<String> header;

        RowsToItems(String sheetName, XlsxCells cells, Consumer<JsonNode> sink) {
            this.sheetName = sheetName;
            this.cells = cells;
            this.sink = sink;
        }

        void row(Row row) {
            if (isEmpty(row)) {
                return;
            }
            if (header == null) {
                header = new ArrayList<>();
                for (int c = 0; c < row.getCellCount(); c++) {
                    Cell cell = row.getCell(c);
                    String name = cell == null
                            ? "column" + (c + 1)
                            : cells.formatted(cell).trim();
                    if (header.contains(name)) {
                        throw new UncheckedIOException(new ItemFileProblem(
                                "sheet " + sheetName + ", header row",
                                "the header names column '" + name + "' twice",
                                "give every column its own name"));
                    }
                    header.add(name);
                }
                return;
            }
            ObjectNode item = json.createObjectNode();
            for (int c = 0; c < header.size(); c++) {
                cells.put(item, header.get(c), row.getOptionalCell(c).orElse(null));
            }
            sink.accept(item);
        }

        private boolean isEmpty(Row row) {
            for (int c = 0; c < row.getCellCount(); c++) {
                if (!cells.isEmpty(row.getCell(c))) {
                    return false;
                }
            }
            return true;
        }
    }
}
