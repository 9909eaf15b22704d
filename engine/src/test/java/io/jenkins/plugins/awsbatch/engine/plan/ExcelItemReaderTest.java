package io.jenkins.plugins.awsbatch.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming .xlsx reader gives the same items as the whole-workbook reader it replaced ({@link
 * WorkbookItemReader}) on every kind of cell: strings (shared, inline, rich text), numbers, whole numbers,
 * booleans, dates and date-times (1900 and 1904 systems), formulas' cached values, errors, blank and missing
 * cells, empty rows, and header cells that are not text.
 */
class ExcelItemReaderTest {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();

    private List<JsonNode> streamed(Path file, String sheet) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<JsonNode> items = new ArrayList<>();
            new ExcelItemReader(json).read(in, sheet, items::add);
            return items;
        }
    }

    private List<JsonNode> whole(Path file, String sheet) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new WorkbookItemReader(json).read(in, sheet);
        }
    }

    private void assertSameItems(Path file, String sheet) throws IOException {
        List<JsonNode> expected = whole(file, sheet);
        assertThat(streamed(file, sheet)).isEqualTo(expected);
    }

    private Path write(Workbook wb, String name) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
        wb.close();
        return file;
    }

    /** Every kind of cell, on the second sheet, after an empty row; formulas evaluated so they have cached values. */
    private static XSSFWorkbook everyKindOfCell() {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.createSheet("Other").createRow(0).createCell(0).setCellValue("ignored");
        Sheet sheet = wb.createSheet("Items");
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle dateTime = wb.createCellStyle();
        dateTime.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        CellStyle money = wb.createCellStyle();
        money.setDataFormat(wb.createDataFormat().getFormat("#,##0.00"));
        sheet.createRow(0).createCell(2).setCellStyle(date); // a styled blank cell: an empty row
        Row header = sheet.createRow(1);
        String[] names = {
            "id",
            "price",
            "flag",
            null,
            " spaced ",
            "day",
            "when",
            "sum",
            "joined",
            "test",
            "bad",
            "error",
            "big",
            "money",
            "rich",
            "blankStyled",
            "ws",
            "escaped"
        };
        for (int c = 0; c < names.length; c++) {
            if (names[c] != null) {
                header.createCell(c).setCellValue(names[c]);
            }
        }
        Row r = sheet.createRow(2);
        r.createCell(0).setCellValue("sku-1");
        r.createCell(1).setCellValue(9.5);
        r.createCell(2).setCellValue(true);
        r.createCell(3).setCellValue(12);
        r.createCell(4).setCellValue(-3);
        r.createCell(5).setCellValue(LocalDate.of(2024, 2, 29));
        r.getCell(5).setCellStyle(date);
        r.createCell(6).setCellValue(LocalDateTime.of(2023, 12, 31, 23, 59, 58));
        r.getCell(6).setCellStyle(dateTime);
        r.createCell(7).setCellFormula("B3*2");
        r.createCell(8).setCellFormula("A3&\"-x\"");
        r.createCell(9).setCellFormula("B3>1");
        r.createCell(10).setCellFormula("1/0");
        r.createCell(11).setCellErrorValue(FormulaError.NA.getCode());
        r.createCell(12).setCellValue(1e20);
        r.createCell(13).setCellValue(1234.5);
        r.getCell(13).setCellStyle(money);
        XSSFRichTextString rich = new XSSFRichTextString("bold and plain");
        XSSFFont bold = wb.createFont();
        bold.setBold(true);
        rich.applyFont(0, 4, bold);
        r.createCell(14).setCellValue(rich);
        r.createCell(15).setCellStyle(date);
        r.createCell(16).setCellValue("   ");
        r.createCell(17).setCellValue("bell\u0007 and _x0041_ as typed");
        r.createCell(20).setCellValue("past the header: dropped");
        Row blankish = sheet.createRow(3);
        blankish.createCell(0).setCellValue("  ");
        blankish.createCell(1).setCellStyle(money);
        Row sparse = sheet.createRow(5);
        sparse.createCell(4).setCellValue(0.000125);
        Row numbersAsKeys = sheet.createRow(6);
        numbersAsKeys.createCell(0).setCellValue(42);
        numbersAsKeys.createCell(1).setCellValue(1e15);
        numbersAsKeys.createCell(2).setCellValue(false);
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        return wb;
    }

    @Test
    void everyKindOfCellReadsAsTheWholeWorkbookReaderReadIt() throws IOException {
        Path file = write(everyKindOfCell(), "kinds.xlsx");
        assertSameItems(file, "Items");
        assertSameItems(file, "items"); // sheet names match regardless of case, as before
        assertSameItems(file, null); // the first sheet: a header only

        List<JsonNode> items = streamed(file, "Items");
        assertThat(items).hasSize(3);
        JsonNode first = items.get(0);
        assertThat(first.get("price").asDouble()).isEqualTo(9.5);
        assertThat(first.get("column4").isIntegralNumber()).isTrue();
        assertThat(first.get("spaced").asLong()).isEqualTo(-3);
        assertThat(first.get("day").asText()).isEqualTo("2024-02-29T00:00");
        assertThat(first.get("when").asText()).isEqualTo("2023-12-31T23:59:58");
        assertThat(first.get("sum").asLong()).isEqualTo(19);
        assertThat(first.get("joined").asText()).isEqualTo("sku-1-x");
        assertThat(first.get("test").asBoolean()).isTrue();
        assertThat(first.get("rich").asText()).isEqualTo("bold and plain");
        assertThat(first.get("blankStyled").isNull()).isTrue();
        assertThat(items.get(1).get("id").isNull()).isTrue();
    }

    @Test
    void headerCellsThatAreNumbersDatesOrBooleansAreNamedAsExcelShowsThem() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet sheet = wb.createSheet("S");
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        Row header = sheet.createRow(0);
        header.createCell(0).setCellValue(2024);
        header.createCell(1).setCellValue(1.5);
        header.createCell(2).setCellValue(true);
        header.createCell(3).setCellValue(LocalDate.of(2024, 1, 2));
        header.getCell(3).setCellStyle(date);
        header.createCell(4).setCellFormula("1+1");
        Row row = sheet.createRow(1);
        for (int c = 0; c < 5; c++) {
            row.createCell(c).setCellValue("v" + c);
        }
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        Path file = write(wb, "headers.xlsx");

        assertSameItems(file, null);
        assertThat(streamed(file, null).get(0).fieldNames())
                .toIterable()
                .containsExactly("2024", "1.5", "TRUE", "2024-01-02", "1+1");
    }

    @Test
    void aWorkbookCountingDatesFrom1904GivesTheSameDates() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.getCTWorkbook().getWorkbookPr().setDate1904(true);
        Sheet sheet = wb.createSheet("S");
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("d/m/yy"));
        sheet.createRow(0).createCell(0).setCellValue("day");
        sheet.createRow(1).createCell(0).setCellValue(LocalDate.of(2020, 5, 17));
        sheet.getRow(1).getCell(0).setCellStyle(date);
        Path file = write(wb, "1904.xlsx");

        assertSameItems(file, null);
        assertThat(streamed(file, null).get(0).get("day").asText()).isEqualTo("2020-05-17T00:00");
    }

    @Test
    void inlineStringsAsStreamingWritersProduceThemReadTheSame() throws IOException {
        SXSSFWorkbook wb = new SXSSFWorkbook(10); // inline strings, rows flushed as written
        Sheet sheet = wb.createSheet("Items");
        Row header = sheet.createRow(0);
        header.createCell(0).setCellValue("item_id");
        header.createCell(1).setCellValue("qty");
        for (int i = 1; i <= 500; i++) {
            Row row = sheet.createRow(i);
            row.createCell(0).setCellValue("sku-" + i);
            row.createCell(1).setCellValue(i % 7);
        }
        Path file = write(wb, "inline.xlsx");
        wb.dispose();

        assertSameItems(file, "Items");
        assertThat(streamed(file, "Items")).hasSize(500);
    }

    @Test
    void theExampleWorkbookReadsTheSame() throws IOException {
        Path example = Path.of("../examples/recommendations/items.xlsx");
        assertSameItems(example, "Items");
        assertThat(streamed(example, "Items")).hasSize(20);
    }

    @Test
    void aMissingSheetStillNamesTheSheetsThereAre() throws IOException {
        Path file = write(everyKindOfCell(), "kinds.xlsx");
        assertThatThrownBy(() -> streamed(file, "Nope"))
                .isInstanceOf(ItemFileProblem.class)
                .hasMessage("no sheet named 'Nope'")
                .satisfies(e -> assertThat(((ItemFileProblem) e).fix())
                        .isEqualTo("set plan.items.sheet to one of [Other, Items]"));
    }

    @Test
    void aWorkbookFlaggedDate1904AsExcelWritesItCountsFrom1904() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        wb.getCTWorkbook().getWorkbookPr().setDate1904(true);
        Sheet sheet = wb.createSheet("S");
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        sheet.createRow(0).createCell(0).setCellValue("day");
        sheet.createRow(1).createCell(0).setCellValue(LocalDate.of(2020, 5, 17));
        sheet.getRow(1).getCell(0).setCellStyle(date);
        Path file = write(wb, "1904.xlsx");
        Path excel =
                rewriteEntry(file, "xl/workbook.xml", xml -> xml.replaceAll("date1904=\"[^\"]*\"", "date1904=\"1\""));

        assertThat(entry(excel, "xl/workbook.xml")).contains("date1904=\"1\"");
        assertSameItems(excel, null);
        assertThat(streamed(excel, null).get(0).get("day").asText()).isEqualTo("2020-05-17T00:00");
    }

    @Test
    void aFormulaWhoseCachedResultIsEmptyTextIsEmptyTextAndKeepsItsRow() throws IOException {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet sheet = wb.createSheet("S");
        sheet.createRow(0).createCell(0).setCellValue("label");
        sheet.getRow(0).createCell(1).setCellValue("n");
        sheet.createRow(1).createCell(0).setCellFormula("IF(1>2,\"x\",\"\")");
        sheet.createRow(2).createCell(0).setCellFormula("IF(1<2,\"x\",\"\")");
        sheet.getRow(2).createCell(1).setCellFormula("SQRT(-1)");
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        Path file = write(wb, "empty-text.xlsx");

        assertSameItems(file, null);
        List<JsonNode> items = streamed(file, null);
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("label").asText()).isEmpty();
        assertThat(items.get(1).get("label").asText()).isEqualTo("x");
        assertThat(items.get(1).get("n").asText())
                .as("an error result reads as the formula")
                .isEqualTo("SQRT(-1)");
    }

    @Test
    void filesThatAreNoWorkbookAreNamedForWhatTheyAre() throws IOException {
        assertNotAWorkbook(Files.write(dir.resolve("empty.xlsx"), new byte[0]), "the file is empty");
        assertNotAWorkbook(
                Files.writeString(dir.resolve("csv.xlsx"), "id,name\n1,a\n"),
                "not a zip archive, which every .xlsx is");
        HSSFWorkbook xls = new HSSFWorkbook();
        xls.createSheet("Items").createRow(0).createCell(0).setCellValue("id");
        assertNotAWorkbook(
                write(xls, "old.xlsx"), "an OLE2 file: an old .xls workbook, or an .xlsx protected by a password");

        Path whole = write(everyKindOfCell(), "kinds.xlsx");
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.xlsx"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertNotAWorkbook(truncated, null);
        Path plainZip = dir.resolve("zip.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(plainZip))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("not a workbook".getBytes(StandardCharsets.UTF_8));
        }
        assertNotAWorkbook(plainZip, null);
    }

    private void assertNotAWorkbook(Path file, String detail) {
        assertThatThrownBy(() -> streamed(file, null))
                .isInstanceOf(ItemFileProblem.class)
                .hasMessageStartingWith("not a readable .xlsx workbook (")
                .hasMessageContaining(detail == null ? "" : detail)
                .hasMessageNotContaining("java.")
                .satisfies(e -> assertThat(((ItemFileProblem) e).fix()).contains("Excel Workbook (.xlsx)"));
    }

    private static String entry(Path zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IOException(name + " not in " + zip);
    }

    /** A copy of the workbook with one part's XML changed, as another writer (Excel) would have written it. */
    private Path rewriteEntry(Path file, String name, java.util.function.UnaryOperator<String> change)
            throws IOException {
        Path out = dir.resolve("rewritten-" + file.getFileName());
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file));
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (e.getName().equals(name)) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
            }
        }
        return out;
    }
}
