package io.jenkins.plugins.awsbatch.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The whole-workbook reader the streaming {@link ExcelItemReader} replaced, kept as the reference it must agree
 * with. An .xlsx sheet (the first, or the named one): the first non-empty row is the header, each later non-empty
 * row an item. Numbers stay numbers (whole numbers as integers), dates become ISO text, formulas their cached
 * value.
 */
final class WorkbookItemReader {
    private final ObjectMapper json;
    private final DataFormatter formatter = new DataFormatter();

    WorkbookItemReader(ObjectMapper json) {
        this.json = json;
    }

    List<JsonNode> read(InputStream in, String sheetName) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = sheetName == null ? workbook.getSheetAt(0) : workbook.getSheet(sheetName);
            if (sheet == null) {
                List<String> names = new ArrayList<>();
                workbook.forEach(s -> names.add(s.getSheetName()));
                throw new IOException("no sheet named '" + sheetName + "'; the workbook has " + names);
            }
            List<String> header = null;
            List<JsonNode> out = new ArrayList<>();
            for (Row row : sheet) {
                if (isEmpty(row)) {
                    continue;
                }
                if (header == null) {
                    header = new ArrayList<>();
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        header.add(
                                cell == null
                                        ? "column" + (c + 1)
                                        : formatter.formatCellValue(cell).trim());
                    }
                    continue;
                }
                ObjectNode item = json.createObjectNode();
                for (int c = 0; c < header.size(); c++) {
                    put(item, header.get(c), row.getCell(c));
                }
                out.add(item);
            }
            return out;
        }
    }

    private static boolean isEmpty(Row row) {
        for (Cell cell : row) {
            if (cell.getCellType() != CellType.BLANK
                    && !(cell.getCellType() == CellType.STRING
                            && cell.getStringCellValue().isBlank())) {
                return false;
            }
        }
        return true;
    }

    private void put(ObjectNode item, String field, Cell cell) {
        if (cell == null) {
            item.putNull(field);
            return;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        switch (type) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    item.put(field, cell.getLocalDateTimeCellValue().toString());
                } else {
                    double value = cell.getNumericCellValue();
                    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                        item.put(field, (long) value);
                    } else {
                        item.put(field, value);
                    }
                }
            }
            case BOOLEAN -> item.put(field, cell.getBooleanCellValue());
            case STRING -> item.put(field, cell.getStringCellValue());
            case BLANK -> item.putNull(field);
            default -> item.put(field, formatter.formatCellValue(cell));
        }
    }
}
