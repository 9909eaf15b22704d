package io.jenkins.plugins.awsbatch.engine.plan;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's shared strings as plain text, in order: each {@code <si>}'s text runs joined, phonetic runs left
 * out, {@code _xHHHH_} escapes decoded, as Excel shows them. Plain strings, not POI's rich-text objects: building
 * one of those per cell costs more than the rest of reading the sheet.
 */
final class XlsxSharedStrings {
    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private final List<String> strings;

    private XlsxSharedStrings(List<String> strings) {
        this.strings = strings;
    }

    static XlsxSharedStrings of(OPCPackage workbook) throws IOException, SAXException, ParserConfigurationException {
        List<String> strings = new ArrayList<>();
        for (PackagePart part : workbook.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType())) {
            try (InputStream in = part.getInputStream()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new Handler(strings));
                parser.parse(new InputSource(in));
            }
        }
        return new XlsxSharedStrings(strings);
    }

    String get(int index) {
        return strings.get(index);
    }

    /** Excel's {@code _xHHHH_} escapes of characters XML cannot hold, decoded. */
    static String decode(String text) {
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

    private static final class Handler extends DefaultHandler {
        private final List<String> strings;
        private StringBuilder item;
        private boolean inText;
        private boolean inPhonetic;

        Handler(List<String> strings) {
            this.strings = strings;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "si" -> item = new StringBuilder();
                case "rPh" -> inPhonetic = true;
                case "t" -> inText = item != null && !inPhonetic;
                default -> {}
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "si" -> {
                    strings.add(decode(item.toString()));
                    item = null;
                }
                case "rPh" -> inPhonetic = false;
                case "t" -> inText = false;
                default -> {}
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                item.append(ch, start, length);
            }
        }
    }
}
