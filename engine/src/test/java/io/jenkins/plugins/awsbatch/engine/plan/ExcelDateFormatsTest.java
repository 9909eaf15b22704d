package io.jenkins.plugins.awsbatch.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.junit.jupiter.api.Test;

/**
 * Our reading of Excel's date formats, serial numbers and General format agrees with Apache POI's, which the
 * whole-workbook reader used: over every built-in format, custom patterns of every shape, and serials in both
 * date systems.
 */
class ExcelDateFormatsTest {
    private static final List<String> PATTERNS = List.of(
            "General",
            "0",
            "0.00",
            "#,##0.00",
            "0%",
            "0.00E+00",
            "@",
            "yyyy-mm-dd",
            "yyyy-mm-dd hh:mm:ss",
            "d/m/yy",
            "d/m/yy h:mm",
            "dd.mm.yyyy",
            "mm:ss.0",
            "h:mm AM/PM",
            "h:mm:ss a/p",
            "[h]:mm",
            "[mm]:ss",
            "[ss].00",
            "[$-409]d-mmm-yy",
            "[$-F800]dddd, mmmm dd, yyyy",
            "[$€-2] #,##0.00",
            "[Red]yyyy-mm-dd",
            "[Red]0.00",
            "[DBNum1]yyyy年m月d日",
            "yyyy\"年\"m\"月\"d\"日\"",
            "\"Day \"d",
            "\"total\" 0",
            "dd\\-mm\\-yyyy",
            "dd\\/mm\\/yyyy",
            "yyyy\\ mm",
            "dd/mm/yyyy;@",
            "yyyy-mm-dd;[Red]yyyy-mm-dd",
            "0.00;[Red]-0.00",
            "mmm-yy",
            "mmmm d, yyyy",
            "yyyy-mm-ddThh:mm:ss",
            "#,##0 ;(#,##0)",
            "_(\"$\"* #,##0.00_)",
            "m",
            "ss",
            "e",
            "",
            "# ?/?");

    @Test
    void builtInFormatsAreDatesExactlyWherePoiSaysSo() {
        for (int id = 0; id <= 49; id++) {
            String pattern = BuiltinFormats.getBuiltinFormat(id);
            assertThat(ExcelDateFormats.isDate(id, pattern))
                    .as("format %d (%s)", id, pattern)
                    .isEqualTo(DateUtil.isADateFormat(id, pattern));
            // a built-in format the file does not spell out: the id alone decides
            assertThat(ExcelDateFormats.isDate(id, null))
                    .as("format %d without its pattern", id)
                    .isEqualTo(DateUtil.isADateFormat(id, null));
        }
    }

    @Test
    void customPatternsAreDatesExactlyWherePoiSaysSo() {
        for (String pattern : PATTERNS) {
            assertThat(ExcelDateFormats.isDate(164, pattern))
                    .as("pattern '%s'", pattern)
                    .isEqualTo(DateUtil.isADateFormat(164, pattern));
        }
        assertThat(ExcelDateFormats.isDate(164, "yyyy-mm-dd")).isTrue();
        assertThat(ExcelDateFormats.isDate(164, "[h]:mm")).isTrue();
        assertThat(ExcelDateFormats.isDate(164, "0.00")).isFalse();
        assertThat(ExcelDateFormats.isDate(164, "[Red]0.00")).isFalse();
    }

    @Test
    void serialsGiveThePoiDateInBothSystems() {
        double[] serials = {
            0,
            0.25,
            1,
            1.5,
            59,
            59.999,
            60,
            60.5,
            61,
            366,
            1000.123456789,
            36526,
            43831.75,
            45351,
            45291.999988426,
            45291.99999999,
            2958465.9999
        };
        for (boolean date1904 : new boolean[] {false, true}) {
            for (double serial : serials) {
                assertThat(ExcelDateFormats.toDateTime(serial, date1904))
                        .as("serial %s, 1904: %s", serial, date1904)
                        .isEqualTo(DateUtil.getLocalDateTime(serial, date1904));
            }
        }
        assertThat(ExcelDateFormats.isValidSerial(0)).isTrue();
        assertThat(ExcelDateFormats.isValidSerial(-1)).isEqualTo(DateUtil.isValidExcelDate(-1));
    }

    @Test
    void numbersInTheGeneralFormatReadAsPoiShowsThem() {
        DataFormatter poi = new DataFormatter();
        double[] numbers = {
            0,
            1,
            -3,
            2024,
            1.5,
            -0.25,
            0.1 + 0.2,
            1 / 3.0,
            2 / 3.0,
            123456.789,
            12345678901.0,
            99999999999.0,
            123456789012.0,
            1e15,
            1e20,
            -1e20,
            0.000125,
            1e-9,
            1e-11,
            1.23456789e-12
        };
        for (double n : numbers) {
            assertThat(ExcelHeaderText.general(n)).as("%s", n).isEqualTo(poi.formatRawCellContents(n, 0, "General"));
        }
    }

    @Test
    void aNumberInADateFormatNamesItsColumnByItsIsoDate() {
        assertThat(ExcelHeaderText.of(45293, true, false)).isEqualTo("2024-01-02");
        assertThat(ExcelHeaderText.of(45293.4375, true, false)).isEqualTo("2024-01-02T10:30");
        assertThat(ExcelHeaderText.of(45293 - 1462, true, true))
                .as("1904 system")
                .isEqualTo("2024-01-02");
        assertThat(ExcelHeaderText.of(1.5, false, false)).isEqualTo("1.5");
    }
}
