package io.jenkins.plugins.awsbatch.engine.store;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The packed item layout under a run's items URI (docs/job-environment.md), read with two ranged reads per item:
 * <pre>
 * items/offsets.txt    entry i: the 32 bytes at 32·i, "PART FIRST LAST\n" (decimal, right-aligned with spaces)
 * items/&lt;PART&gt;.jsonl   one compact JSON record per line; item i is bytes FIRST..LAST (inclusive) of part PART
 * </pre>
 * Text, fixed width: a shell job reads its entry with one ranged read and {@code read part first last}, and
 * passes {@code bytes=FIRST-LAST} to S3 as it stands (no arithmetic, so no leading zeros to misread as octal).
 */
public final class PackedItems {
    public static final String OFFSETS = "offsets.txt";
    public static final int ENTRY_WIDTH = 32;
    private static final int PART_DIGITS = 7;
    private static final int BYTE_DIGITS = 11;
    private static final long MAX_PART = 9_999_999L;
    private static final long MAX_BYTE = 99_999_999_999L;

    private PackedItems() {}

    public static String offsetsUri(String itemsUri) {
        return StoreUris.join(itemsUri, OFFSETS);
    }

    public static String partUri(String itemsUri, int part) {
        return StoreUris.join(itemsUri, part + ".jsonl");
    }

    /** Where item i is: its part and its first and last byte in it. */
    public record Entry(int part, long first, long last) {
        public Entry {
            if (part < 0 || part > MAX_PART || first < 0 || last < first || last > MAX_BYTE) {
                throw new IllegalArgumentException(
                        "no packed item entry: part " + part + ", bytes " + first + "-" + last);
            }
        }

        /** Writes the entry's {@link #ENTRY_WIDTH} bytes at {@code at}. */
        public void encodeInto(byte[] offsets, int at) {
            int end = pad(offsets, at, PART_DIGITS, part);
            offsets[end] = ' ';
            end = pad(offsets, end + 1, BYTE_DIGITS, first);
            offsets[end] = ' ';
            end = pad(offsets, end + 1, BYTE_DIGITS, last);
            offsets[end] = '\n';
        }

        /** The entry of {@code where} (its offsets URI and index, for the error) from its 32 bytes. */
        public static Entry decode(byte[] entry, String where) {
            String text = new String(entry, StandardCharsets.US_ASCII);
            String[] fields = text.trim().split(" +");
            if (entry.length != ENTRY_WIDTH || text.charAt(ENTRY_WIDTH - 1) != '\n' || fields.length != 3) {
                throw new IllegalStateException(where + " is no packed item entry: '" + text.strip() + "'");
            }
            try {
                return new Entry(Integer.parseInt(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2]));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + " is no packed item entry: '" + text.strip() + "'", e);
            }
        }

        /** Right-aligns {@code value} in {@code width} bytes at {@code at}, spaces before; returns the next position. */
        private static int pad(byte[] out, int at, int width, long value) {
            long rest = value;
            for (int i = at + width - 1; i >= at; i--) {
                out[i] = (byte) (i == at + width - 1 || rest > 0 ? '0' + rest % 10 : ' ');
                rest /= 10;
            }
            return at + width;
        }
    }

    /**
     * Item {@code index}'s record from the packed items at {@code itemsUri}: its entry, then its bytes, each one
     * ranged read. Empty when the plan has no such item (or no packed items there).
     */
    public static Optional<byte[]> read(ObjectStore store, String itemsUri, long index) {
        if (index < 0) {
            return Optional.empty();
        }
        long at = index * ENTRY_WIDTH;
        String offsets = offsetsUri(itemsUri);
        Optional<byte[]> entry = store.getRange(offsets, at, at + ENTRY_WIDTH - 1);
        if (entry.isEmpty() || entry.get().length == 0) {
            return Optional.empty();
        }
        Entry e = Entry.decode(entry.get(), offsets + " entry " + index);
        String part = partUri(itemsUri, e.part());
        byte[] record = store.getRange(part, e.first(), e.last())
                .orElseThrow(() -> new IllegalStateException(
                        offsets + " names " + part + " for item " + index + ", which is missing"));
        if (record.length != e.last() - e.first() + 1) {
            throw new IllegalStateException(part + " ends before byte " + e.last() + " of item " + index);
        }
        return Optional.of(record);
    }
}
