package io.saima.metrics;

import static io.saima.metrics.SilverFixture.A;
import static io.saima.metrics.SilverFixture.A_TOWN1;
import static io.saima.metrics.SilverFixture.A_TOWN2;
import static io.saima.metrics.SilverFixture.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import io.saima.catalog.TableContract;
import io.saima.catalog.Warehouse;
import io.saima.testing.SparkTestBase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

class BuildStageTest extends SparkTestBase {

  private static final String FIRST_NIGHT = "2020-03-10 02:00:00";
  private static final String SECOND_NIGHT = "2020-04-10 02:00:00";

  private static final List<TableContract> GOLD =
      List.of(
          GoldTables.INDICATOR_MONTHLY,
          GoldTables.INDICATOR_RANK,
          GoldTables.TARGET_ATTAINMENT,
          GoldTables.UNIT_RANKING,
          GoldTables.ENTERPRISE_WATCHLIST,
          GoldTables.ALERTS);

  /** 2019 and January-February 2020, as the first night finds them. */
  private static SilverFixture firstNight() {
    SilverFixture f = new SilverFixture();
    for (int month = 1; month <= 12; month++) {
      f.customs(201900 + month, A, A_TOWN1, "E1", "0110", "14", "100");
      f.customs(201900 + month, B, null, "E3", "9610", "7", "50");
      f.deliveredAt("customs_exports", FIRST_NIGHT, 201900 + month);
    }
    for (int month = 1; month <= 2; month++) {
      f.customs(202000 + month, A, A_TOWN1, "E1", "0110", "21", "150");
      f.customs(202000 + month, B, null, "E3", "9610", "9", "60");
      f.deliveredAt("customs_exports", FIRST_NIGHT, 202000 + month);
    }
    f.retail(201901, A, "900", "90", "month")
        .retail(201902, A, "700", "70", "month")
        .retail(201901, B, "400", "40", "month")
        .retail(201902, B, "400", "40", "month")
        .retail(202001, A, "1000", "100", "ytd")
        .retail(202002, A, "1800", "150", "ytd")
        .retail(202001, B, "500", "50", "month")
        .retail(202002, B, "400", "40", "month")
        .deliveredAt("retail_sales", FIRST_NIGHT, 201901, 201902, 202001, 202002)
        .fdi(202001, A, A_TOWN2, "P1", "1000")
        .deliveredAt("fdi_inflows", FIRST_NIGHT, 202001)
        .target(A, "export", 202012, "value", "1500")
        .target(A, "retail_sales", 202006, "growth_pct", "5")
        .target(A_TOWN1, "export", 202012, "value", "1000")
        .target(A_TOWN2, "export", 202012, "value", "100");
    return f;
  }

  /** The second night: March 2020 arrives and customs revises February 2019 for county A. */
  private static void secondNight(SilverFixture f) {
    f.customs.removeIf(r -> r.getInt(0) == 201902);
    f.customs(201902, A, A_TOWN1, "E1", "0110", "42", "300")
        .customs(201902, B, null, "E3", "9610", "7", "50")
        .customs(202003, A, A_TOWN1, "E1", "0110", "28", "200")
        .deliveredAt("customs_exports", SECOND_NIGHT, 201902, 202003)
        .retail(202003, A, "3000", "250", "ytd")
        .retail(202003, B, "600", "60", "month")
        .deliveredAt("retail_sales", SECOND_NIGHT, 202003);
  }

  private static Row exportOfA(Warehouse warehouse, int period) {
    return warehouse
        .read(GoldTables.INDICATOR_MONTHLY.id())
        .where("indicator = 'export' AND region_code = '" + A + "' AND period = " + period)
        .first();
  }

  @Test
  void incrementalBuildPicksUpARevisedBaseAndLeavesWhatAFullRebuildLeaves(@TempDir Path dir) {
    Warehouse warehouse = new Warehouse(spark(), dir.toString());
    BuildStage stage = new BuildStage(MetricsSettings.defaults());
    SilverFixture silver = firstNight();
    silver.writeTo(warehouse);

    BuildStage.Result first = stage.runSinceLastBuild(warehouse);
    assertEquals("full", first.mode(), "no earlier build: everything");
    Row before = exportOfA(warehouse, 202002);
    assertEquals(50.0, before.<Double>getAs("yoy_month_pct"), 1e-9, "150 on 100");

    secondNight(silver);
    silver.writeTo(warehouse);
    BuildStage.Result second = stage.runSinceLastBuild(warehouse);

    assertEquals("incremental", second.mode());
    assertEquals(
        BuildScope.metricPeriods(
            List.of(
                new SourcePeriod("customs_exports", 201902),
                new SourcePeriod("customs_exports", 202003),
                new SourcePeriod("retail_sales", 202003))),
        second.periods());
    assertFalse(second.periods().contains(202001));
    Row after = exportOfA(warehouse, 202002);
    assertEquals(new BigDecimal("300.00"), after.getAs("value_month_ly"));
    assertEquals(-50.0, after.<Double>getAs("yoy_month_pct"), 1e-9, "150 on the revised 300");
    assertEquals(-25.0, after.<Double>getAs("yoy_ytd_pct"), 1e-9, "300 on 100 + 300");
    assertEquals(
        new BigDecimal("500.00"), exportOfA(warehouse, 202003).getAs("value_ytd"), "new month");

    List<Dataset<Row>> incremental = new ArrayList<>();
    for (TableContract contract : GOLD) {
      Dataset<Row> table = warehouse.read(contract.id());
      incremental.add(spark().createDataFrame(table.collectAsList(), table.schema()));
    }
    BuildStage.Result full = stage.runAll(warehouse);
    assertEquals("full", full.mode());
    for (int i = 0; i < GOLD.size(); i++) {
      Dataset<Row> rebuilt = warehouse.read(GOLD.get(i).id());
      assertTrue(rebuilt.count() > 0, GOLD.get(i) + " is empty");
      assertSameRows(incremental.get(i), rebuilt);
    }

    BuildStage.Result nothing = stage.runSinceLastBuild(warehouse);
    assertEquals("incremental", nothing.mode());
    assertTrue(nothing.periods().isEmpty(), "nothing applied since the last build");
  }

  /**
   * Opt-in (-Dsaima.kernel=true) until it runs in a classpath of its own: Delta Kernel 4.4.0 reads
   * Parquet through parquet-mr 1.14+ ({@code org.apache.parquet.conf.ParquetConfiguration}), while
   * Spark 3.5 pins parquet-mr 1.13.1, so in the Spark test JVM the read fails with
   * NoClassDefFoundError. The independent reader has to run in a separate JVM or class loader.
   */
  @Test
  @EnabledIfSystemProperty(named = "saima.kernel", matches = "true")
  void goldFilesReadTheSameThroughDeltaKernel(@TempDir Path dir) throws Exception {
    Warehouse warehouse = new Warehouse(spark(), dir.toString());
    firstNight().writeTo(warehouse);
    new BuildStage(MetricsSettings.defaults()).runAll(warehouse);

    Dataset<Row> bySpark = warehouse.read(GoldTables.INDICATOR_MONTHLY.id());
    long sparkRows = bySpark.count();
    BigDecimal sparkSum =
        bySpark
            .where("indicator = 'export' AND region_level = 'county'")
            .agg(Map.of("value_month", "sum"))
            .first()
            .getDecimal(0);

    Engine engine = DefaultEngine.create(new Configuration());
    Snapshot snapshot =
        Table.forPath(engine, warehouse.path(GoldTables.INDICATOR_MONTHLY.id()))
            .getLatestSnapshot(engine);
    StructType schema = snapshot.getSchema();
    int indicator = schema.indexOf("indicator");
    int level = schema.indexOf("region_level");
    int value = schema.indexOf("value_month");
    Scan scan = snapshot.getScanBuilder().build();
    io.delta.kernel.data.Row scanState = scan.getScanState(engine);
    StructType physical = ScanStateRow.getPhysicalDataReadSchema(scanState);
    long kernelRows = 0;
    BigDecimal kernelSum = BigDecimal.ZERO.setScale(2);
    try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
      while (files.hasNext()) {
        try (CloseableIterator<io.delta.kernel.data.Row> fileRows = files.next().getRows()) {
          while (fileRows.hasNext()) {
            io.delta.kernel.data.Row file = fileRows.next();
            FileStatus status = InternalScanFileUtils.getAddFileStatus(file);
            CloseableIterator<io.delta.kernel.data.ColumnarBatch> data =
                engine
                    .getParquetHandler()
                    .readParquetFiles(
                        io.delta.kernel.internal.util.Utils.singletonCloseableIterator(status),
                        physical,
                        Optional.empty())
                    .map(FileReadResult::getData);
            try (CloseableIterator<FilteredColumnarBatch> logical =
                Scan.transformPhysicalData(engine, scanState, file, data)) {
              while (logical.hasNext()) {
                try (CloseableIterator<io.delta.kernel.data.Row> rows = logical.next().getRows()) {
                  while (rows.hasNext()) {
                    io.delta.kernel.data.Row row = rows.next();
                    kernelRows++;
                    if (row.getString(indicator).equals("export")
                        && row.getString(level).equals("county")
                        && !row.isNullAt(value)) {
                      kernelSum = kernelSum.add(row.getDecimal(value));
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    assertEquals(sparkRows, kernelRows);
    assertEquals(sparkSum, kernelSum);
    // 2019: 12 x (100 + 50); 2020: 2 x (150 + 60)
    assertEquals(new BigDecimal("2220.00"), kernelSum);
  }
}
