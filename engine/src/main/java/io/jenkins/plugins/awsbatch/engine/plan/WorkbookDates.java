package io.jenkins.plugins.awsbatch.engine.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Whether a workbook counts dates from 1904 (its {@code workbookPr date1904} flag) rather than from 1900. Read
 * here because fastexcel 0.19.0 takes only {@code date1904="true"} for the flag, and Excel writes {@code "1"}.
 */
final class WorkbookDates {
    /** The JDK's own parser, whatever StAX provider the class path (or Jenkins' class loaders) would pick. */
    private static final XMLInputFactory XML = XMLInputFactory.newDefaultFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private WorkbookDates() {}

    /** The flag of the workbook part {@code xl/workbook.xml}, where every .xlsx writer puts it; false without one. */
    static boolean uses1904(Path workbook) throws IOException {
        try (ZipFile zip = new ZipFile(workbook.toFile())) {
            ZipEntry part = zip.getEntry("xl/workbook.xml");
            if (part == null) {
                return false;
            }
            try (InputStream in = zip.getInputStream(part)) {
                return flag(in);
            }
        }
    }

    private static boolean flag(InputStream workbookXml) throws IOException {
        try {
            XMLStreamReader xml = XML.createXMLStreamReader(workbookXml);
            try {
                while (xml.hasNext()) {
                    if (xml.next() == XMLStreamReader.START_ELEMENT) {
                        String name = xml.getLocalName();
                        if ("workbookPr".equals(name)) {
                            String flag = xml.getAttributeValue(null, "date1904");
                            return "1".equals(flag) || "true".equalsIgnoreCase(flag);
                        }
                        if ("sheets".equals(name)) {
                            return false; // workbookPr comes before the sheets
                        }
                    }
                }
                return false;
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
