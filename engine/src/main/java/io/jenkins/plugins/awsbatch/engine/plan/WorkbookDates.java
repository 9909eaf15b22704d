package io.jenkins.plugins.awsbatch.engine.plan;

import java.io.IOException;
import java.io.InputStream;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/** Whether a workbook counts dates from 1904 (its {@code workbookPr date1904} flag) rather than from 1900. */
final class WorkbookDates {
    private WorkbookDates() {}

    static boolean uses1904(InputStream workbookXml) throws IOException, SAXException, ParserConfigurationException {
        boolean[] date1904 = {false};
        boolean[] seen = {false};
        try (workbookXml) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName) && !seen[0]) {
                        seen[0] = true;
                        String flag = attributes.getValue("date1904");
                        date1904[0] = "1".equals(flag) || "true".equalsIgnoreCase(flag);
                    }
                }
            });
            parser.parse(new InputSource(workbookXml));
        }
        return date1904[0];
    }
}
