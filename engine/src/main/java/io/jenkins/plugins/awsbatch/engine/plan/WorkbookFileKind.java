package io.jenkins.plugins.awsbatch.engine.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Refuses a file that cannot be an .xlsx before it is opened as one, naming what it is instead: empty, an OLE2
 * file (an old .xls, or an .xlsx saved with a password, which Excel encrypts into OLE2), or no zip at all (a
 * CSV renamed); and names a workbook that fails later (a truncated or corrupt zip) the same way.
 */
final class WorkbookFileKind {
    private static final byte[] ZIP = {'P', 'K'};
    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };
    private static final String FIX = "save it as an Excel Workbook (.xlsx), or export it to .csv";

    private WorkbookFileKind() {}

    static void check(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(OLE2.length);
        }
        if (head.length == 0) {
            throw problem("the file is empty", FIX);
        }
        if (Arrays.equals(head, OLE2)) {
            throw problem(
                    "an OLE2 file: an old .xls workbook, or an .xlsx protected by a password",
                    "save it as an Excel Workbook (.xlsx) without a password, or export it to .csv");
        }
        if (head.length < ZIP.length || head[0] != ZIP[0] || head[1] != ZIP[1]) {
            throw problem("not a zip archive, which every .xlsx is", FIX);
        }
    }

    /** A workbook that failed to read (corrupt, truncated, parts missing), with the first line of why. */
    static ItemFileProblem notAWorkbook(Exception e) {
        Throwable why = e;
        // a wrapper whose message is only its cause's class and message says it less well than the cause
        while (why.getCause() != null && why.getCause().toString().equals(why.getMessage())) {
            why = why.getCause();
        }
        String detail = why.getMessage() == null ? why.getClass().getSimpleName() : why.getMessage();
        int newline = detail.indexOf('\n');
        return problem(newline < 0 ? detail : detail.substring(0, newline), FIX);
    }

    private static ItemFileProblem problem(String detail, String fix) {
        return new ItemFileProblem((String) null, "not a readable .xlsx workbook (" + detail + ")", fix);
    }
}
