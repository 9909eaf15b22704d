package io.jenkins.plugins.awsbatch.engine.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * What a streamed cell means, with the workbook's rules: shared strings, number formats (which numbers are
 * dates) and the 1900 or 1904 date system. Gives the values the whole-workbook reader gave: a formula counts
 * as its cached value, an error (or a formula whose result is one) as text.
 */
final class XlsxCells {
    private final XlsxSharedStrings strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final DataFormatter formatter;
    private final Map<Integer, NumberFormat> formats = new HashMap<>();

    /** A style's number format, and whether it shows a date (asked once per style, not per cell). */
    private record NumberFormat(int index, String pattern, boolean isDate) {
        NumberFormat(int index, String pattern) {
            this(index, pattern, DateUtil.isADateFormat(index, pattern));
        }
    }

    private enum Kind {
        NUMBER,
        STRING,
        BOOLEAN,
        ERROR,
        BLANK
    }

    XlsxCells(XlsxSharedStrings strings, StylesTable styles, boolean date1904, DataFormatter formatter) {
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
        this.formatter = formatter;
    }

    /** A cell that does not make its row count: blank, or a (non-formula) string of white space. */
    boolean isEmpty(XlsxCell cell) {
        if (cell.isFormula()) {
            return false;
        }
        Kind kind = kind(cell);
        return kind == Kind.BLANK || (kind == Kind.STRING && text(cell).isBlank());
    }

    /** The cell as shown in Excel (a header name): a formula shows its text, like DataFormatter without evaluator. */
    String formatted(XlsxCell cell) {
        if (cell.isFormula() && !cell.formula().isEmpty()) {
            return cell.formula();
        }
        return switch (kind(cell)) {
            case NUMBER -> {
                NumberFormat format = format(cell.style());
                yield formatter.formatRawCellContents(number(cell), format.index(), format.pattern(), date1904);
            }
            case BOOLEAN -> bool(cell) ? "TRUE" : "FALSE";
            case BLANK -> "";
            default -> text(cell);
        };
    }

    /** Puts the cell's value under {@code field}: null for a missing or blank cell. */
    void put(ObjectNode item, String field, XlsxCell cell) {
        if (cell == null) {
            item.putNull(field);
            return;
        }
        switch (kind(cell)) {
            case NUMBER -> {
                double value = number(cell);
                NumberFormat format = format(cell.style());
                if (format.isDate() && DateUtil.isValidExcelDate(value)) {
                    item.put(field, DateUtil.getLocalDateTime(value, date1904).toString());
                } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                    item.put(field, (long) value);
                } else {
                    item.put(field, value);
                }
            }
            case BOOLEAN -> item.put(field, bool(cell));
            case STRING -> item.put(field, text(cell));
            case BLANK -> item.putNull(field);
            default -> item.put(field, cell.isFormula() ? cell.formula() : text(cell));
        }
    }

    private Kind kind(XlsxCell cell) {
        String type = cell.type() == null ? "n" : cell.type();
        return switch (type) {
            case "s", "str", "inlineStr" -> Kind.STRING;
            case "b" -> Kind.BOOLEAN;
            case "e" -> Kind.ERROR;
            // a formula without a cached value reads as the number 0
            default ->
                cell.value() == null || cell.value().isEmpty()
                        ? (cell.isFormula() ? Kind.NUMBER : Kind.BLANK)
                        : Kind.NUMBER;
        };
    }

    private String text(XlsxCell cell) {
        if (cell.value() == null) {
            return "";
        }
        return switch (cell.type() == null ? "" : cell.type()) {
            case "s" -> strings.get(Integer.parseInt(cell.value().trim()));
            case "inlineStr" -> XlsxSharedStrings.decode(cell.value());
            default -> cell.value();
        };
    }

    private static double number(XlsxCell cell) {
        return cell.value() == null || cell.value().isEmpty() ? 0 : Double.parseDouble(cell.value());
    }

    private static boolean bool(XlsxCell cell) {
        return "1".equals(cell.value()) || "true".equalsIgnoreCase(cell.value());
    }

    private NumberFormat format(int style) {
        return formats.computeIfAbsent(style, s -> {
            if (styles == null || s >= styles.getNumCellStyles()) {
                return new NumberFormat(0, "General");
            }
            XSSFCellStyle cellStyle = styles.getStyleAt(s);
            return new NumberFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
        });
    }
}
