package io.jenkins.plugins.awsbatch.engine.plan;

import java.util.HashMap;
import java.util.Map;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * SAX over a worksheet's XML: hands each {@code <row>} on as its cells by 0-based column, with the last column
 * present, then forgets it. Inline strings keep their text runs and leave out phonetic ones.
 */
final class SheetRowsHandler extends DefaultHandler {

    /** Receives each row once its end tag is read. */
    interface RowSink {
        void row(Map<Integer, XlsxCell> cells, int lastColumn);
    }

    private final RowSink sink;
    private Map<Integer, XlsxCell> row;
    private int lastColumn;
    private int column;
    private String type;
    private int style;
    private StringBuilder value;
    private StringBuilder formula;
    private StringBuilder text;
    private boolean inInlineString;
    private boolean inPhonetic;

    SheetRowsHandler(RowSink sink) {
        this.sink = sink;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "row" -> {
                row = new HashMap<>();
                lastColumn = -1;
                column = -1;
            }
            case "c" -> {
                String reference = attributes.getValue("r");
                column = reference == null ? column + 1 : columnOf(reference);
                type = attributes.getValue("t");
                String s = attributes.getValue("s");
                style = s == null ? 0 : Integer.parseInt(s);
                value = null;
                formula = null;
            }
            case "v" -> {
                value = new StringBuilder();
                text = value;
            }
            case "f" -> {
                formula = new StringBuilder();
                text = formula;
            }
            case "is" -> {
                inInlineString = true;
                value = new StringBuilder();
            }
            case "rPh" -> inPhonetic = true;
            case "t" -> text = inInlineString && !inPhonetic ? value : null;
            default -> {}
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "v", "f", "t" -> text = null;
            case "is" -> inInlineString = false;
            case "rPh" -> inPhonetic = false;
            case "c" -> {
                row.put(
                        column,
                        new XlsxCell(
                                type,
                                value == null ? null : value.toString(),
                                formula == null ? null : formula.toString(),
                                style));
                lastColumn = Math.max(lastColumn, column);
            }
            case "row" -> {
                sink.row(row, lastColumn);
                row = null;
            }
            default -> {}
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (text != null) {
            text.append(ch, start, length);
        }
    }

    /** 0-based column of a reference such as {@code AB12}. */
    static int columnOf(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }
}
