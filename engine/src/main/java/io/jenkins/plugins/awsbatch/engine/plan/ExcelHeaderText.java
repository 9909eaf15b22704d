package io.jenkins.plugins.awsbatch.engine.plan;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * A number in a header cell as the column's name: a date (by its number format) as ISO text, any other number
 * as Excel's General format shows it (up to ten significant digits, very large or very small ones in E
 * notation). Other number formats (decimals, percent, currency) are not applied: a name is the value.
 */
final class ExcelHeaderText {
    private static final MathContext TEN_DIGITS = new MathContext(10, RoundingMode.HALF_UP);

    private ExcelHeaderText() {}

    static String of(double value, boolean isDate, boolean date1904) {
        if (isDate && ExcelDateFormats.isValidSerial(value)) {
            LocalDateTime when = ExcelDateFormats.toDateTime(value, date1904);
            return when.toLocalTime().toNanoOfDay() == 0 ? when.toLocalDate().toString() : when.toString();
        }
        return general(value);
    }

    /** Excel's General format: {@code 2024}, {@code 1.5}, {@code 0.3333333333}, {@code 1.23457E+11}. */
    static String general(double value) {
        if (value == 0) {
            return "0";
        }
        double size = Math.abs(value);
        if (value == Math.rint(value) && size < 1e11) {
            return Long.toString((long) value);
        }
        if (size >= 1e11 || size <= 1e-10) {
            DecimalFormat scientific = new DecimalFormat("0.#####E0", DecimalFormatSymbols.getInstance(Locale.ROOT));
            scientific.setRoundingMode(RoundingMode.HALF_UP);
            String text = scientific.format(value);
            return text.contains("E-") ? text : text.replace("E", "E+");
        }
        return new BigDecimal(value).round(TEN_DIGITS).stripTrailingZeros().toPlainString();
    }
}
