package io.jenkins.plugins.awsbatch.engine.plan;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * Excel's dates: which number formats show a number as a date or time, and the date a serial number stands
 * for in the 1900 or the 1904 date system. A number is a date only through its format, so both are needed to
 * give a date cell as ISO text.
 */
final class ExcelDateFormats {
    /** Elapsed time alone: {@code [h]}, {@code [mm]}, {@code [ss]} ({@code [h]:mm} passes as a date below). */
    private static final Pattern ELAPSED = Pattern.compile("\\[([hH]+|[mM]+|[sS]+)]");
    /** Leading brackets that say nothing about dates: Chinese numerals, a locale or currency, a colour. */
    private static final Pattern NUMERALS = Pattern.compile("^\\[DBNum[123]]");

    private static final Pattern LOCALE = Pattern.compile("^\\[\\$-.*?]");
    private static final Pattern COLOUR = Pattern.compile("^\\[[a-zA-Z]+]");
    private static final Pattern HAS_DATE_LETTER = Pattern.compile("[yYmMdDhHsS]");
    /** Nothing but date and time letters, separators and fractions of seconds, then an optional AM/PM. */
    private static final Pattern ONLY_DATE_PARTS =
            Pattern.compile("^[\\[\\]yYmMdDhHsS\\-T/年月日,. :\"\\\\]+0*[ampAMP/]*$");

    private static final BigDecimal NANOS_PER_DAY = BigDecimal.valueOf(86_400_000_000_000L);
    private static final BigDecimal HALF_MILLI = BigDecimal.valueOf(500_000L);

    private ExcelDateFormats() {}

    /**
     * Whether the number format {@code id} (its {@code pattern}, null for a built-in format the file does not
     * spell out) shows a date or a time: the built-in date and time formats 14-22 and 45-47, or a pattern made
     * only of date parts once escapes, a leading locale, colour or numeral system and later sections are set
     * aside.
     */
    static boolean isDate(int id, String pattern) {
        if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) {
            return true;
        }
        if (pattern == null || pattern.isEmpty()) {
            return false;
        }
        String format = withoutEscapes(pattern);
        if (ELAPSED.matcher(format).matches()) {
            return true;
        }
        format = NUMERALS.matcher(format).replaceAll("");
        format = LOCALE.matcher(format).replaceAll("");
        format = COLOUR.matcher(format).replaceAll("");
        int section = format.indexOf(';');
        if (section > 0 && section < format.length() - 1) {
            format = format.substring(0, section);
        }
        return HAS_DATE_LETTER.matcher(format).find()
                && ONLY_DATE_PARTS.matcher(format).matches();
    }

    /** {@code \-}, {@code \,}, {@code \.}, {@code \ }, {@code \\} as the character itself; {@code ;@} left out. */
    private static String withoutEscapes(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (i + 1 < pattern.length()) {
                char next = pattern.charAt(i + 1);
                if (c == '\\' && "-,. \\".indexOf(next) >= 0) {
                    continue;
                }
                if (c == ';' && next == '@') {
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Whether {@code serial} can be a date: Excel has none before its first day. */
    static boolean isValidSerial(double serial) {
        return serial > -Double.MIN_VALUE;
    }

    /**
     * The date and time of a serial number, to the millisecond: days since 1899-12-31 (counting Excel's
     * 1900-02-29, which never was) or since 1904-01-01, the fraction the time of day.
     */
    static LocalDateTime toDateTime(double serial, boolean date1904) {
        BigDecimal exact = BigDecimal.valueOf(serial);
        int days = exact.intValue();
        LocalDateTime day;
        if (date1904) {
            day = LocalDateTime.of(1904, 1, 1, 0, 0).plusDays(days);
        } else {
            // serials from 61 on count the 1900-02-29 Excel believes in; 60 itself reads as 1900-03-01
            day = LocalDateTime.of(1899, 12, 31, 0, 0).plusDays(days < 61 ? days : days - 1L);
        }
        long nanos = exact.subtract(BigDecimal.valueOf(days))
                .multiply(NANOS_PER_DAY)
                .add(HALF_MILLI)
                .longValue();
        return day.plusNanos(nanos).truncatedTo(ChronoUnit.MILLIS);
    }
}
