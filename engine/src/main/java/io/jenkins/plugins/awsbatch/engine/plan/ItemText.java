package io.jenkins.plugins.awsbatch.engine.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * An item file's text: bounded in size, strictly UTF-8 (the first bad byte is reported by line), without a
 * byte-order mark, and, for line-based formats, with no line longer than {@link #MAX_LINE_CHARS}.
 */
final class ItemText {
    /** Items are held in memory while planning; a file past this is a mistake or needs an S3 listing. */
    static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    /** One item's line (CSV row, JSON line); a record this long is not an item description. */
    static final int MAX_LINE_CHARS = 1024 * 1024;

    private ItemText() {}

    static String read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_FILE_BYTES + 1));
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ItemFileProblem(
                    (String) null,
                    "the item file is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MiB",
                    "split it, or list objects under an S3 prefix with plan.items.s3");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            String text = decoder.decode(buffer).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            int at = firstBadByte(bytes);
            throw new ItemFileProblem(
                    lineOf(bytes, at),
                    String.format("the file is not UTF-8 text (byte 0x%02x)", bytes[Math.max(0, at)] & 0xff),
                    "save the file as UTF-8 (in Excel: CSV UTF-8)");
        }
    }

    /** Rejects a line longer than {@link #MAX_LINE_CHARS}, naming it. */
    static void requireShortLines(String text) throws ItemFileProblem {
        long line = 1;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n') {
                if (i - start > MAX_LINE_CHARS) {
                    throw new ItemFileProblem(
                            line,
                            "the line is " + (i - start) + " characters long, more than " + MAX_LINE_CHARS,
                            "keep one item per line; put large data in files the item points to");
                }
                line++;
                start = i + 1;
            }
        }
    }

    private static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
    }

    private static long lineOf(byte[] bytes, int position) {
        long line = 1;
        for (int i = 0; i < position && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
