package io.saima.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.testing.SparkTestBase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table's schema changes only through a declared migration: a table written under an older
 * contract takes the new one through its migration, in the write's own commit, and any other
 * difference refuses the write and leaves the table as it was.
 */
class MigrationsTest extends SparkTestBase {

  @TempDir Path dir;

  private static final StructType OLD =
      new StructType()
          .add("period", DataTypes.IntegerType, false)
          .add("value", DataTypes.createDecimalType(20, 2), true);

  private static final TableContract OLD_CONTRACT =
      TableContract.of(TableId.of("testdb", "by_period"), "one row per period", OLD);

  /** The same table, its contract having gained a column that no migration declares. */
  private static final TableContract GAINED_UNDECLARED =
      TableContract.of(
          OLD_CONTRACT.id(), "one row per period", OLD.add("note", DataTypes.StringType, true));

  /** The same table with value retyped to DOUBLE, and no migration. */
  private static final TableContract RETYPED =
      TableContract.of(
          OLD_CONTRACT.id(),
          "one row per period",
          new StructType()
              .add("period", DataTypes.IntegerType, false)
              .add("value", DataTypes.DoubleType, true));

  @Test
  void aJobRunsTableOfAnOlderSaimaGainsHostAndStagesInTheCommitOfTheNextRun() {
    Warehouse warehouse = new Warehouse(spark(), dir.toString());
    TableContract jobRuns = OpsTables.JOB_RUNS;
    TableContract older = without(jobRuns, "host", "stages");
    warehouse.append(older, jobRun(older, "r1"));

    warehouse.append(jobRuns, jobRun(jobRuns, "r2"));

    assertEquals(1L, warehouse.version(jobRuns.id()).orElseThrow(), "one commit for the run");
    Dataset<Row> runs = warehouse.read(jobRuns.id());
    assertTrue(Arrays.asList(runs.columns()).containsAll(List.of("host", "stages")));
    Row first = runs.where("run_id = 'r1'").select("host", "stages").first();
    assertNull(first.getAs("host"), "older rows read the added column as null");
    assertNull(first.getAs("stages"));
    assertEquals("build-1", runs.where("run_id = 'r2'").first().<String>getAs("host"));
  }

  @Test
  void aContractThatGainedAColumnWithoutAMigrationIsRefusedAndTheTableUnchanged() {
    Warehouse warehouse = new Warehouse(spark(), dir.toString());
    warehouse.overwrite(
        OLD_CONTRACT, spark().sql("SELECT 202001 AS period, CAST(1 AS DECIMAL(20,2)) AS value"));
    Dataset<Row> withNote =
        spark()
            .sql("SELECT 202001 AS period, CAST(2 AS DECIMAL(20,2)) AS value, 'revised' AS note");

    for (Runnable write :
        List.<Runnable>of(
            () -> warehouse.overwrite(GAINED_UNDECLARED, withNote),
            () -> warehouse.replaceWhere(GAINED_UNDECLARED, withNote, "period = 202001"),
            () -> warehouse.append(GAINED_UNDECLARED, withNote))) {
      ContractViolationException refused =
          assertThrows(ContractViolationException.class, write::run);
      assertEquals(
          "not written: testdb.by_period was written under another contract (the table has no"
              + " note) and no migration in catalog.Migrations takes it to this one",
          refused.getMessage());
    }
    assertEquals(0L, warehouse.version(OLD_CONTRACT.id()).orElseThrow());
    assertEquals(
        List.of("period", "value"), Arrays.asList(warehouse.read(OLD_CONTRACT.id()).columns()));
  }

  @Test
  void aRetypedColumnIsRefusedEvenOnAWholeOverwrite() {
    Warehouse warehouse = new Warehouse(spark(), dir.toString());
    warehouse.overwrite(
        OLD_CONTRACT, spark().sql("SELECT 202001 AS period, CAST(1 AS DECIMAL(20,2)) AS value"));

    ContractViolationException refused =
        assertThrows(
            ContractViolationException.class,
            () ->
                warehouse.overwrite(
                    RETYPED, spark().sql("SELECT 202001 AS period, CAST(1.5 AS DOUBLE) AS value")));

    assertTrue(
        refused.getMessage().contains("value is DECIMAL(20,2) where the contract has DOUBLE"),
        refused.getMessage());
    assertEquals(
        DataTypes.createDecimalType(20, 2),
        warehouse.read(OLD_CONTRACT.id()).schema().apply("value").dataType());
  }

  @Test
  void aReplaceMigrationTakesEffectOnAWholeWriteAndRefusesASlice() {
    Warehouse warehouse = new Warehouse(spark(), dir.toString());
    TableContract probability = SimulationTables.TARGET_PROBABILITY;
    // As simulations wrote it before the percentiles were money: DOUBLE.
    TableContract older =
        retyped(probability, DataTypes.DoubleType, "value_p10", "value_p50", "value_p90");
    warehouse.overwrite(older, probabilityRow(older, "1.5"));

    Dataset<Row> current = probabilityRow(probability, "1.50");
    ContractViolationException slice =
        assertThrows(
            ContractViolationException.class,
            () -> warehouse.replaceWhere(probability, current, "region_code = '330521'"));
    assertTrue(slice.getMessage().contains("only on a whole write"), slice.getMessage());

    warehouse.overwrite(probability, current);
    Row row = warehouse.read(probability.id()).select("value_p50").first();
    assertEquals(new BigDecimal("1.50"), row.<BigDecimal>getAs("value_p50"));
  }

  @Test
  void everyMigrationNamesATableOfTheCatalogAndAddsOnlyNullableColumnsOfItsContract() {
    assertTrue(Migrations.all().size() >= 8, Migrations.all().toString());
    for (Migrations.Migration migration : Migrations.all()) {
      TableContract contract = Catalog.of(migration.table());
      for (String column : migration.columns()) {
        assertTrue(contract.schema().apply(column).nullable(), migration + ": " + column);
      }
    }
    assertEquals(
        Migrations.Change.NONE,
        Migrations.change(
            GoldTables.INDICATOR_MONTHLY, GoldTables.INDICATOR_MONTHLY.schema(), false));
    assertEquals(Migrations.Change.NONE, Migrations.change(GoldTables.ALERTS, null, false));
  }

  private Dataset<Row> jobRun(TableContract contract, String runId) {
    Dataset<Row> row =
        spark()
            .sql(
                "SELECT '"
                    + runId
                    + "' AS run_id, 'nightly' AS command, map('landing', 'x') AS parameters,"
                    + " current_timestamp() AS started_at, current_timestamp() AS finished_at,"
                    + " 'ok' AS outcome, 0 AS exit_code, map('silver.fdi_inflows', 1L) AS rows,"
                    + " map('silver.fdi_inflows', 1L) AS delta_versions, CAST(NULL AS STRING) AS"
                    + " message, 'build-1' AS host, array(named_struct('name', 'ingest',"
                    + " 'outcome', 'ok', 'started_at', current_timestamp(), 'seconds', 1.0D)) AS"
                    + " stages");
    return row.select(
        Arrays.stream(contract.schema().fieldNames())
            .map(org.apache.spark.sql.functions::col)
            .toArray(org.apache.spark.sql.Column[]::new));
  }

  private Dataset<Row> probabilityRow(TableContract contract, String p50) {
    String type = contract.schema().apply("value_p50").dataType().sql();
    return spark()
        .sql(
            "SELECT '330521' AS region_code, 'export' AS indicator, 202012 AS target_period,"
                + " 'value' AS target_type, CAST(100 AS DECIMAL(24,2)) AS target_value,"
                + " 202006 AS as_of_period, 0.5D AS probability_met, CAST("
                + p50
                + " AS "
                + type
                + ") AS value_p10, CAST("
                + p50
                + " AS "
                + type
                + ") AS value_p50, CAST("
                + p50
                + " AS "
                + type
                + ") AS value_p90, 1000L AS trials, 7L AS seed");
  }

  private static TableContract without(TableContract contract, String... columns) {
    StructType schema = new StructType();
    for (StructField field : contract.schema().fields()) {
      if (!Arrays.asList(columns).contains(field.name())) {
        schema = schema.add(field);
      }
    }
    return TableContract.of(contract.id(), contract.grain(), schema);
  }

  private static TableContract retyped(
      TableContract contract, org.apache.spark.sql.types.DataType type, String... columns) {
    StructType schema = new StructType();
    for (StructField field : contract.schema().fields()) {
      schema =
          Arrays.asList(columns).contains(field.name())
              ? schema.add(field.name(), type, true)
              : schema.add(field);
    }
    return TableContract.of(contract.id(), contract.grain(), schema);
  }
}
