package io.saima.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/**
 * Every column of every contract says what it holds, in one line that {@code docs/tables.md}
 * quotes; a description names a column of its table, and stays out of the schema the tables are
 * compared with. No Spark session: the contracts are plain values.
 */
class ColumnDescriptionsTest {

  private static final TableContract CONTRACT =
      TableContract.of(
          TableId.of("testdb", "described"),
          "one row per county and period",
          new Columns()
              .add("period", DataTypes.IntegerType, false, "the month, YYYYMM")
              .add("county_code", DataTypes.StringType, false, "the county's code")
              .add("basis", DataTypes.StringType, true, "month or ytd"));

  @Test
  void everyColumnOfEveryTableOfTheCatalogSaysWhatItHolds() {
    List<String> undescribed = new ArrayList<>();
    int columns = 0;
    for (TableContract contract : Catalog.all()) {
      for (StructField field : contract.schema().fields()) {
        columns++;
        Optional<String> description = contract.description(field.name());
        if (description.isEmpty() || description.get().isBlank()) {
          undescribed.add(contract.id() + "." + field.name());
        }
      }
    }
    assertEquals(List.of(), undescribed, "columns without a description");
    assertTrue(columns > 300, columns + " columns");
  }

  @Test
  void aDescriptionOfAColumnTheTableDoesNotHaveIsRefused() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> CONTRACT.described("town_code", "the town, street or platform"));
    assertTrue(refused.getMessage().contains("testdb.described"), refused.getMessage());
    assertTrue(refused.getMessage().contains("town_code"), refused.getMessage());
  }

  @Test
  void aBlankDescriptionIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> CONTRACT.described("basis", " "));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            TableContract.of(
                TableId.of("testdb", "blank"),
                "one row",
                new Columns().add("period", DataTypes.IntegerType, false, "")));
  }

  @Test
  void keysAndRulesKeepTheDescriptions() {
    TableContract keyed =
        CONTRACT.withKey("period", "county_code").accepting("basis", "month", "ytd");
    assertEquals(CONTRACT.descriptions(), keyed.descriptions());
    assertEquals(Optional.of("month or ytd"), keyed.description("basis"));
    assertEquals(
        Optional.of("the month, YYYYMM (统计月份)"),
        keyed.described("period", "the month, YYYYMM (统计月份)").description("period"));
  }

  @Test
  void descriptionsStayOutOfTheSchemaTheTablesAreComparedWith() {
    List<String> withMetadata = new ArrayList<>();
    for (TableContract contract : Catalog.all()) {
      for (StructField field : contract.schema().fields()) {
        if (!field.metadata().equals(Metadata.empty())) {
          withMetadata.add(contract.id() + "." + field.name());
        }
      }
    }
    assertEquals(List.of(), withMetadata, "columns whose schema field carries metadata");
  }

  @Test
  void bronzeDescribesEachDeliveredFieldByItsLandingContract() {
    for (Source source : Source.values()) {
      TableContract bronze = BronzeTables.rows(source);
      for (Source.Field field : source.fields()) {
        String description = bronze.description(field.name()).orElseThrow();
        assertTrue(
            description.endsWith(field.description()),
            bronze.id() + "." + field.name() + ": " + description);
      }
    }
  }
}
