package io.saima.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

class IndicatorsTest {

  private static final Map<String, TableContract> SILVER_BY_SOURCE =
      Map.of(
          Source.CUSTOMS_EXPORTS.id(), SilverTables.CUSTOMS_EXPORTS,
          Source.FDI_INFLOWS.id(), SilverTables.FDI_INFLOWS,
          Source.RETAIL_SALES.id(), SilverTables.RETAIL_SALES,
          Source.ABOVE_QUOTA_SALES.id(), SilverTables.ABOVE_QUOTA_SALES);

  @Test
  void everyIndicatorSumsADecimalColumnOfItsSourcesSilverTable() {
    assertEquals(
        Arrays.stream(Source.values()).map(Source::id).collect(Collectors.toSet()),
        SILVER_BY_SOURCE.keySet(),
        "a silver table for every landing source");
    for (Indicators.Indicator i : Indicators.all()) {
      TableContract silver = SILVER_BY_SOURCE.get(i.source());
      assertTrue(silver != null, i.id() + ": no landing source " + i.source());
      Map<String, DataType> columns =
          Arrays.stream(silver.schema().fields())
              .collect(Collectors.toMap(StructField::name, StructField::dataType));
      assertTrue(
          columns.get(i.amount()) instanceof DecimalType,
          i.id() + ": " + i.amount() + " is no DECIMAL column of " + silver.id().qualified());
      if (!i.tradeModes().isEmpty()) {
        assertEquals(
            Source.CUSTOMS_EXPORTS.id(), i.source(), i.id() + ": trade modes are customs'");
      }
      if (i.towns()) {
        assertTrue(columns.containsKey("town_code"), i.id() + ": its lines carry no town code");
      }
    }
  }

  @Test
  void theListKeepsItsOrderAndFindsEveryIndicatorById() {
    List<String> ids = Indicators.all().stream().map(Indicators.Indicator::id).toList();
    assertEquals(ids, List.copyOf(Indicators.ids()));
    assertEquals("export", ids.get(0));
    Map<String, Indicators.Indicator> byId =
        Indicators.all().stream()
            .collect(Collectors.toMap(Indicators.Indicator::id, Function.identity()));
    assertEquals("USD", byId.get("fdi_actual").currency());
    assertEquals("跨境电商出口", Indicators.of("cbec_export").name());
    assertEquals(List.of("9610", "9710", "9810", "1210"), byId.get("cbec_export").tradeModes());
    assertTrue(Indicators.find("exports").isEmpty());
    assertTrue(!Indicators.headline().contains("export_usd"));
    assertTrue(
        Indicators.namesAsSqlValues().startsWith("('export', '出口总额'),"),
        Indicators.namesAsSqlValues());
  }

  private static final String ONE =
      "- id: x\n"
          + "  name: 某指标\n"
          + "  short: 某\n"
          + "  currency: CNY\n"
          + "  source: customs_exports\n"
          + "  amount: value_cny\n"
          + "  towns: true\n"
          + "  headline: false\n"
          + "  definition: A test.\n";

  @Test
  void aWrongEntryIsRefusedNamingTheIndicatorAndTheKey() {
    assertEquals("x", Indicators.parse(ONE).get(0).id());
    assertEquals(
        "io/saima/catalog/indicators.yaml, x: defined twice",
        assertThrows(IllegalStateException.class, () -> Indicators.parse(ONE + ONE)).getMessage());
    assertEquals(
        "io/saima/catalog/indicators.yaml, x: currency is CNY or USD, not EUR",
        assertThrows(
                IllegalStateException.class,
                () -> Indicators.parse(ONE.replace("currency: CNY", "currency: EUR")))
            .getMessage());
    // YAML reads an unquoted 0214 as the octal number 140
    assertEquals(
        "io/saima/catalog/indicators.yaml, x: trade mode 140 is not four digits (quote it: '0214')",
        assertThrows(
                IllegalStateException.class,
                () -> Indicators.parse(ONE + "  trade_modes: [0214]\n"))
            .getMessage());
    assertEquals(
        "io/saima/catalog/indicators.yaml, x: name holds a quote or a backslash",
        assertThrows(
                IllegalStateException.class, () -> Indicators.parse(ONE.replace("某指标", "某'指标")))
            .getMessage());
    assertTrue(
        assertThrows(IllegalStateException.class, () -> Indicators.parse(ONE + "  unit: 亿元\n"))
            .getMessage()
            .contains("unknown key unit"));
  }
}
