import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes an .xlsx of ROWS items as Excel does (shared strings) (sheet Items: item_id, title, price, qty, in_stock, added) for the planning
 * benchmark. Run with POI on the class path (a test dependency, not in the CLI jar): bench/xlsx-items.sh OUT ROWS
 */
public class XlsxItems {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int rows = Integer.parseInt(args[1]);
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 100, false, true)) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Sheet sheet = wb.createSheet("Items");
            Row header = sheet.createRow(0);
            String[] names = {"item_id", "title", "price", "qty", "in_stock", "added"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            LocalDate start = LocalDate.of(2024, 1, 1);
            for (int i = 1; i <= rows; i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(String.format("sku-%07d", i));
                row.createCell(1).setCellValue("item number " + i + ", trail edition");
                row.createCell(2).setCellValue(i * 0.25);
                row.createCell(3).setCellValue(i % 17);
                row.createCell(4).setCellValue(i % 2 == 0);
                row.createCell(5).setCellValue(start.plusDays(i % 700));
                row.getCell(5).setCellStyle(date);
            }
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
    }
}
