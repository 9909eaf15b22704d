package io.jenkins.plugins.awsbatch.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.awsbatch.engine.graph.ItemSourceSpec;
import io.jenkins.plugins.awsbatch.engine.run.state.Json;
import io.jenkins.plugins.awsbatch.engine.store.StoreResolver;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemSourceTest {
    @TempDir
    Path dir;

    private final ItemSource source = new ItemSource(Json.mapper(), StoreResolver.localOnly());

    private List<Item> read(String file, String sheet, String key) {
        return source.read(new ItemSourceSpec(null, file, null, sheet, key), dir);
    }

    @Test
    void inlineListItemsKeepTheirOrderAndKeys() {
        List<Item> items = source.read(new ItemSourceSpec(List.of("a", "b"), null, null, null, null), dir);
        assertThat(items)
                .extracting(Item::index, Item::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0L, "a"), org.assertj.core.groups.Tuple.tuple(1L, "b"));
    }

    @Test
    void jsonArrayAndJsonLinesGiveTheSameRecords() throws Exception {
        Files.writeString(dir.resolve("a.json"), "[{\"id\": \"x\", \"n\": 1}, {\"id\": \"y\", \"n\": 2}]");
        Files.writeString(dir.resolve("a.jsonl"), "{\"id\": \"x\", \"n\": 1}\n\n{\"id\": \"y\", \"n\": 2}\n");
        assertThat(read("a.json", null, null))
                .extracting(Item::record)
                .isEqualTo(
                        read("a.jsonl", null, null).stream().map(Item::record).toList());
        assertThat(read("a.json", null, null)).extracting(Item::key).containsExactly("x", "y");
    }

    @Test
    void aBadJsonLineIsReportedByNumber() throws Exception {
        Files.writeString(dir.resolve("a.jsonl"), "{\"id\": 1}\n{oops\n");
        assertThatThrownBy(() -> read("a.jsonl", null, null))
                .hasMessageContaining("a.jsonl:2: line 2 is not valid JSON");
    }

    @Test
    void csvHeaderBecomesFieldsAndQuotedCommasSurvive() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "sku,title\ns1,\"shoes, trail\"\ns2,socks\n");
        List<Item> items = read("a.csv", null, "sku");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).record().get("title").asText()).isEqualTo("shoes, trail");
        assertThat(items.get(1).key()).isEqualTo("s2");
    }

    @Test
    void excelReadsTheNamedSheetWithTypedCells() throws Exception {
        Path file = dir.resolve("items.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Other").createRow(0).createCell(0).setCellValue("ignored");
            XSSFSheet sheet = wb.createSheet("Items");
            XSSFRow header = sheet.createRow(0);
            header.createCell(0).setCellValue("item_id");
            header.createCell(1).setCellValue("price");
            XSSFRow row = sheet.createRow(1);
            row.createCell(0).setCellValue("sku-1");
            row.createCell(1).setCellValue(9.5);
            XSSFRow whole = sheet.createRow(3);
            whole.createCell(0).setCellValue("sku-2");
            whole.createCell(1).setCellValue(12);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        List<Item> items = read("items.xlsx", "Items", "item_id");
        assertThat(items).extracting(Item::key).containsExactly("sku-1", "sku-2");
        assertThat(items.get(0).record().get("price").asDouble()).isEqualTo(9.5);
        assertThat(items.get(1).record().get("price").isIntegralNumber()).isTrue();
        assertThat(read("items.xlsx", null, null))
                .as("first sheet by default: a header row only")
                .isEmpty();
    }

    @Test
    void theExampleWorkbookHasTwentyItems() {
        List<Item> items = source.read(
                new ItemSourceSpec(null, "items.xlsx", null, "Items", "item_id"),
                Path.of("../examples/recommendations"));
        assertThat(items).hasSize(20);
        assertThat(items.get(0).key()).isEqualTo("sku-001");
    }

    @Test
    void aMissingSheetNamesTheSheetsThereAre() {
        assertThatThrownBy(() -> source.read(
                        new ItemSourceSpec(null, "items.xlsx", null, "Nope", null),
                        Path.of("../examples/recommendations")))
                .hasMessageContaining("no sheet named 'Nope'")
                .hasMessageContaining("Items");
    }

    @Test
    void aMissingKeyFieldNamesTheFieldsThereAre() throws Exception {
        Files.writeString(dir.resolve("a.json"), "[{\"sku\": \"x\"}]");
        assertThatThrownBy(() -> read("a.json", null, "item_id"))
                .hasMessageContaining("plan.items.key")
                .hasMessageContaining("[sku]");
    }

    @Test
    void aMissingFileIsAPlanErrorNotACrash() {
        assertThatThrownBy(() -> read("nope.csv", null, null))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("file not found");
    }
}
