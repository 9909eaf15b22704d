package io.jenkins.plugins.awsbatch.engine.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;

/**
 * What a streamed cell means, with the workbook's rules: number formats (which numbers are dates) and the 1900
 * or 1904 date system. Gives the values the whole-workbook reader gave: a formula counts as its cached value,
 * an error (or a formula whose result is one) as text.
 */
final class XlsxCells {
    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");
    /** Excel's error values: a formula's cached text that is one of these is an error result. */
    private static final Set<String> ERRORS = Set.of(
            "#NULL!",
            "#DIV/0!",
            "#VALUE!",
            "#REF!",
            "#NAME?",
            "#NUM!",
            "#N/A",
            "#GETTING_DATA",
            "#SPILL!",
            "#CALC!",
            "#FIELD!",
            "#BLOCKED!",
            "#CONNECT!",
            "#BUSY!",
            "#UNKNOWN!",
            "#EXTERNAL!",
            "#PYTHON!");

    private final boolean date1904;
    /** Number format id and pattern of a cell without a style: the workbook's first cell format. */
    private final NumberFormat unstyled;

    private final Map<NumberFormat, Boolean> dateFormats = new HashMap<>();

    private record NumberFormat(int id, String pattern) {}

    private enum Kind {
        NUMBER,
        STRING,
        BOOLEAN,
        ERROR,
        BLANK
    }

    /**
     * @param formats the number format id of each cell format, by cell format index (fastexcel's list)
     * @param patterns the pattern of each number format id the workbook spells out
     */
    XlsxCells(boolean date1904, List<String> formats, Map<String, String> patterns) {
        this.date1904 = date1904;
        String first = formats.isEmpty() ? null : formats.get(0);
        this.unstyled =
                first == null ? new NumberFormat(0, "General") : new NumberFormat(parse(first), patterns.get(first));
    }

    /** A cell that does not make its row count: blank, or a (non-formula) string of white space. */
    boolean isEmpty(Cell cell) {
        if (cell == null) {
            return true;
        }
        if (isFormula(cell)) {
            return false;
        }
        Kind kind = kind(cell);
        return kind == Kind.BLANK || (kind == Kind.STRING && text(cell).isBlank());
    }

    /** The cell as a header name: a formula shows its text, as Excel shows a formula without its result. */
    String formatted(Cell cell) {
        if (isFormula(cell)) {
            return cell.getFormula();
        }
        return switch (kind(cell)) {
            case NUMBER -> ExcelHeaderText.of(number(cell), isDate(cell), date1904);
            case BOOLEAN -> bool(cell) ? "TRUE" : "FALSE";
            case BLANK -> "";
            default -> text(cell);
        };
    }

    /** Puts the cell's value under {@code field}: null for a missing or blank cell. */
    void put(ObjectNode item, String field, Cell cell) {
        if (cell == null) {
            item.putNull(field);
            return;
        }
        switch (kind(cell)) {
            case NUMBER -> {
                double value = number(cell);
                if (isDate(cell) && ExcelDateFormats.isValidSerial(value)) {
                    item.put(field, ExcelDateFormats.toDateTime(value, date1904).toString());
                } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                    item.put(field, (long) value);
                } else {
                    item.put(field, value);
                }
            }
            case BOOLEAN -> item.put(field, bool(cell));
            case STRING -> item.put(field, text(cell));
            case BLANK -> item.putNull(field);
            default -> item.put(field, isFormula(cell) ? cell.getFormula() : text(cell));
        }
    }

    private static boolean isFormula(Cell cell) {
        return cell.getFormula() != null;
    }

    /**
     * fastexcel types a formula cell FORMULA whatever its result: the kind of the cached value tells number,
     * boolean, text or error; a formula without one reads as the number 0, one with an empty cached value as "".
     */
    private static Kind kind(Cell cell) {
        CellType type = cell.getType();
        Object value = cell.getValue();
        return switch (type) {
            case EMPTY -> Kind.BLANK;
            case NUMBER -> value == null ? Kind.BLANK : Kind.NUMBER;
            case STRING -> Kind.STRING;
            case BOOLEAN -> Kind.BOOLEAN;
            // a value fastexcel could not parse (a boolean written "true") comes as an error without a value
            case ERROR -> value == null && isBooleanWord(cell.getRawValue()) ? Kind.BOOLEAN : Kind.ERROR;
            default -> {
                if (value instanceof BigDecimal) {
                    yield Kind.NUMBER;
                } else if (value instanceof Boolean) {
                    yield Kind.BOOLEAN;
                } else if (value instanceof String text) {
                    yield isFormula(cell) && ERRORS.contains(text) ? Kind.ERROR : Kind.STRING;
                }
                yield isFormula(cell) && !"".equals(cell.getRawValue()) ? Kind.NUMBER : Kind.STRING;
            }
        };
    }

    private static boolean isBooleanWord(String raw) {
        return "true".equalsIgnoreCase(raw) || "false".equalsIgnoreCase(raw);
    }

    /** Text as Excel shows it: a string cell's {@code _xHHHH_} escapes of characters XML cannot hold decoded. */
    private static String text(Cell cell) {
        Object value = cell.getType() == CellType.ERROR ? cell.getRawValue() : cell.getValue();
        String text = value == null ? "" : value.toString();
        return cell.getType() == CellType.STRING ? decode(text) : text;
    }

    private static String decode(String text) {
        if (text.indexOf("_x") < 0) {
            return text;
        }
        Matcher m = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The number as written (a double, as Excel holds it); a formula without a cached value is 0. */
    private static double number(Cell cell) {
        String raw = cell.getRawValue();
        return raw == null || raw.isEmpty() ? 0 : Double.parseDouble(raw);
    }

    private static boolean bool(Cell cell) {
        Object value = cell.getValue();
        return value instanceof Boolean b
                ? b
                : "1".equals(cell.getRawValue()) || "true".equalsIgnoreCase(cell.getRawValue());
    }

    private boolean isDate(Cell cell) {
        NumberFormat format = cell.getDataFormatId() == null
                ? unstyled
                : new NumberFormat(cell.getDataFormatId(), cell.getDataFormatString());
        return dateFormats.computeIfAbsent(format, f -> ExcelDateFormats.isDate(f.id(), f.pattern()));
    }

    private static int parse(String id) {
        try {
            return Integer.parseInt(id);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
