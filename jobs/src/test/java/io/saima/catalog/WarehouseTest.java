package io.saima.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.testing.SparkTestBase;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseTest extends SparkTestBase {

  private static final StructType SCHEMA =
      new StructType()
          .add("period", DataTypes.IntegerType, false)
          .add("value", DataTypes.createDecimalType(20, 2), true);

  private static final TableContract CONTRACT =
      TableContract.of(TableId.of("testdb", "values_by_period"), "one row per period", SCHEMA);

  private Dataset<Row> rows(Object[]... values) {
    List<Row> list = java.util.Arrays.stream(values).map(RowFactory::create).toList();
    return spark().createDataFrame(list, SCHEMA);
  }

  @Test
  void replaceWhereRewritesOnlyTheMatchingSlice(@TempDir Path dir) {
    Warehouse warehouse = new Warehouse(spark(), dir.toString());
    warehouse.overwrite(
        CONTRACT,
        rows(
            new Object[] {202001, new java.math.BigDecimal("1.00")},
            new Object[] {202002, new java.math.BigDecimal("2.00")}));
    warehouse.replaceWhere(
        CONTRACT, rows(new Object[] {202002, new java.math.BigDecimal("5.50")}), "period = 202002");

    List<Row> result = warehouse.read(CONTRACT.id()).orderBy("period").collectAsList();
    assertEquals(2, result.size());
    assertEquals(
        new java.math.BigDecimal("1.00"), result.get(0).<java.math.BigDecimal>getAs("value"));
    assertEquals(
        new java.math.BigDecimal("5.50"), result.get(1).<java.math.BigDecimal>getAs("value"));
    assertEquals(1L, warehouse.version(CONTRACT.id()).orElseThrow());
  }

  /**
   * The version read from a listing of the log is Delta's own, past a checkpoint, and neither a
   * commit being written (its temporary file) nor a missing table is taken for one.
   */
  @Test
  void theVersionFromTheLogsListingIsDeltasOwn(@TempDir Path dir) throws Exception {
    Warehouse warehouse = new Warehouse(spark(), dir.toString());
    assertTrue(warehouse.version(CONTRACT.id()).isEmpty());
    for (int i = 0; i < 12; i++) {
      warehouse.append(CONTRACT, rows(new Object[] {202001 + i, null}));
    }
    Path log = dir.resolve("testdb/values_by_period/_delta_log");
    assertTrue(
        java.nio.file.Files.exists(log.resolve("00000000000000000010.checkpoint.parquet")),
        "Delta wrote no checkpoint at version 10");
    java.nio.file.Files.writeString(log.resolve(".00000000000000000012.json.0f3a.tmp"), "{}");
    long delta =
        org.apache.spark.sql.delta.DeltaLog.forTableWithSnapshot(
                spark(), warehouse.path(CONTRACT.id()))
            ._2()
            .version();
    assertEquals(11L, delta);
    assertEquals(delta, warehouse.version(CONTRACT.id()).orElseThrow());
  }

  @Test
  void aNameMeansTheTableOfTheWarehouseThatRegisteredItLast(
      @TempDir Path first, @TempDir Path second) {
    Warehouse one = new Warehouse(spark(), first.toString());
    Warehouse two = new Warehouse(spark(), second.toString());
    one.overwrite(CONTRACT, rows(new Object[] {202001, new java.math.BigDecimal("1.00")}));
    two.overwrite(CONTRACT, rows(new Object[] {202002, new java.math.BigDecimal("2.00")}));

    assertRows(
        "the second warehouse's",
        spark().table("testdb.values_by_period"),
        row(202002, new java.math.BigDecimal("2.00")));
    one.register(CONTRACT.id());
    assertRows(
        "the first warehouse's",
        spark().table("testdb.values_by_period"),
        row(202001, new java.math.BigDecimal("1.00")));
  }

  @Test
  void aWarehouseFindsItsTablesByPathAndRegistersThemAsDatabaseDotTable(@TempDir Path dir) {
    Warehouse writer = new Warehouse(spark(), dir.toString());
    assertFalse(writer.exists(CONTRACT.id()));
    writer.overwrite(CONTRACT, rows(new Object[] {202001, new java.math.BigDecimal("3.25")}));

    Warehouse reader = new Warehouse(spark(), dir.toString());
    List<TableId> found = reader.list();
    found.forEach(reader::register);

    assertTrue(found.contains(CONTRACT.id()));
    assertEquals(
        new java.math.BigDecimal("3.25"),
        sql("SELECT value FROM testdb.values_by_period")
            .get(0)
            .<java.math.BigDecimal>getAs("value"));
  }

  @Test
  void rowsOfAnotherTypeThanTheContractAreRefusedAndTheTableIsUnchanged(@TempDir Path dir) {
    Warehouse warehouse = new Warehouse(spark(), dir.toString());
    warehouse.overwrite(CONTRACT, rows(new Object[] {202001, new java.math.BigDecimal("1.00")}));

    // A DOUBLE where the contract has DECIMAL(20,2), written whole (which would replace the
    // table's schema) and as a slice.
    Dataset<Row> doubles = spark().sql("SELECT 202001 AS period, CAST(1.5 AS DOUBLE) AS value");
    ContractViolationException whole =
        assertThrows(
            ContractViolationException.class, () -> warehouse.overwrite(CONTRACT, doubles));
    assertEquals(
        "not written: the rows for testdb.values_by_period break its contract: value is DOUBLE"
            + " where the contract has DECIMAL(20,2)",
        whole.getMessage());
    assertThrows(
        ContractViolationException.class,
        () -> warehouse.replaceWhere(CONTRACT, doubles, "period = 202001"));
    ContractViolationException missing =
        assertThrows(
            ContractViolationException.class,
            () -> warehouse.append(CONTRACT, spark().sql("SELECT 202001 AS period")));
    assertTrue(
        missing.getMessage().contains("value is missing (the contract has it as DECIMAL(20,2))"),
        missing.getMessage());

    assertEquals(0L, warehouse.version(CONTRACT.id()).orElseThrow(), "nothing was committed");
    assertEquals(
        "DecimalType(20,2)",
        warehouse.read(CONTRACT.id()).schema().apply("value").dataType().toString());
    assertEquals(
        new java.math.BigDecimal("1.00"),
        warehouse.read(CONTRACT.id()).first().<java.math.BigDecimal>getAs("value"));
  }
}
