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
import java.util.Map;
import java.util.zip.ZipFile;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * An .xlsx sheet (the first, or the named one): the first non-empty row is the header, each later non-empty
 * row an item. Numbers stay numbers (whole numbers as integers), dates become ISO text, formulas their cached
 * value.
 * <p>
 * The sheet is streamed (POI's SAX event API), one row at a time, so memory grows with the items kept, not
 * with the workbook's object model: a 100,000-row sheet plans within a 150 MB heap. The file is copied to a
 * temporary file first so the zip is read entry by entry instead of inflated into memory.
 */
final class ExcelItemReader implements ItemReader {
    private final ObjectMapper json;
    private final DataFormatter formatter = new DataFormatter();

    ExcelItemReader(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<JsonNode> read(InputStream in, String sheetName) throws IOException {
        Path copy = Files.createTempFile("batchgraph-items", ".xlsx");
        try {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            try (OPCPackage workbook = open(copy)) {
                return readSheet(workbook, sheetName);
            } catch (ItemFileProblem problem) {
                throw problem;
            } catch (IOException | RuntimeException e) {
                throw notAWorkbook(e);
            }
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    /**
     * The workbook read entry by entry from the file; a file that is not a zip goes through POI's stream reader
     * instead, which refuses it as before (empty file, not an Office file) without logging the temporary name.
     */
    private static OPCPackage open(Path file) throws IOException {
        try {
            if (!isZip(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    return OPCPackage.open(in);
                }
            }
            return OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** A file that is not an .xlsx workbook (empty, corrupt, truncated, an old .xls, a CSV renamed), named as such. */
    private static ItemFileProblem notAWorkbook(Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = detail.indexOf('\n');
        return new ItemFileProblem(
                (String) null,
                "not a readable .xlsx workbook (" + (newline < 0 ? detail : detail.substring(0, newline)) + ")",
                "save it as an Excel Workbook (.xlsx), or export it to .csv");
    }

    private static boolean isZip(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private List<JsonNode> readSheet(OPCPackage workbook, String sheetName) throws IOException {
        try {
            XSSFReader reader = new XSSFReader(workbook);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    names.add(sheets.getSheetName());
                    if (sheetName == null || sheetName.equalsIgnoreCase(sheets.getSheetName())) {
                        XlsxCells cells = new XlsxCells(
                                XlsxSharedStrings.of(workbook),
                                reader.getStylesTable(),
                                WorkbookDates.uses1904(reader.getWorkbookData()),
                                formatter);
                        return parse(sheet, sheets.getSheetName(), cells);
                    }
                }
            }
            if (names.isEmpty()) {
                throw new ItemFileProblem((String) null, "the workbook has no sheet", "add a sheet with a header row");
            }
            throw new ItemFileProblem(
                    (String) null, "no sheet named '" + sheetName + "'", "set plan.items.sheet to one of " + names);
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private List<JsonNode> parse(InputStream sheet, String name, XlsxCells cells)
            throws IOException, SAXException, ParserConfigurationException {
        List<JsonNode> out = new ArrayList<>();
        RowsToItems rows = new RowsToItems(name, cells, out);
        XMLReader parser = XMLHelper.newXMLReader();
        parser.setContentHandler(new SheetRowsHandler(rows::row));
        try {
            parser.parse(new InputSource(sheet));
        } catch (UncheckedIOException e) {
            throw e.getCause(); // a problem found in a row, e.g. a header naming a column twice
        }
        return out;
    }

    /** Header first, then one item per non-empty row, as each row ends. */
    private final class RowsToItems {
        private final String sheetName;
        private final XlsxCells cells;
        private final List<JsonNode> out;
        private List<String> header;

        RowsToItems(String sheetName, XlsxCells cells, List<JsonNode> out) {
            this.sheetName = sheetName;
            this.cells = cells;
            this.out = out;
        }

        void row(Map<Integer, XlsxCell> row, int lastColumn) {
            if (isEmpty(row)) {
                return;
            }
            if (header == null) {
                header = new ArrayList<>();
                for (int c = 0; c <= lastColumn; c++) {
                    XlsxCell cell = row.get(c);
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
                cells.put(item, header.get(c), row.get(c));
            }
            out.add(item);
        }

        private boolean isEmpty(Map<Integer, XlsxCell> row) {
            for (XlsxCell cell : row.values()) {
                if (!cells.isEmpty(cell)) {
                    return false;
                }
            }
            return true;
        }
    }
}
