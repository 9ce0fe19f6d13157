package io.saima.metrics;

import static io.saima.metrics.SilverFixture.A;
import static io.saima.metrics.SilverFixture.A_TOWN1;
import static io.saima.metrics.SilverFixture.A_TOWN2;
import static io.saima.metrics.SilverFixture.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.GoldTables;
import io.saima.catalog.SilverTables;
import io.saima.catalog.TableContract;
import io.saima.catalog.Warehouse;
import io.saima.testing.KernelDump;
import io.saima.testing.SparkTestBase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
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

  /** What a build writes: the kept customs sums and the gold tables. */
  private static final List<TableContract> KEPT =
      Stream.concat(Stream.of(SilverTables.CUSTOMS_MONTHLY), GOLD.stream()).toList();

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

  /**
   * The second night: March 2020 arrives and customs revises February 2019: county A's line is
   * tripled and county B's is gone.
   */
  private static void secondNight(SilverFixture f) {
    f.customs.removeIf(r -> r.<Integer>getAs("period") == 201902);
    f.customs(201902, A, A_TOWN1, "E1", "0110", "42", "300")
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

  /**
   * A first night builds everything; a second night revises last year's base and adds a month, and
   * the incremental build replaces just the slices it affects. Its tables are then read through
   * Delta Kernel, in a JVM of its own ({@link KernelDump}): the gold files are valid Delta outside
   * Spark, replaceWhere's remove actions included, every column with its DECIMAL amounts and nulls.
   * Last, a full rebuild leaves the same rows.
   */
  @Test
  void incrementalBuildPicksUpARevisedBaseAndLeavesWhatAFullRebuildLeaves(@TempDir Path dir)
      throws Exception {
    KernelDump.requireReader();
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

    assertEquals(
        0,
        warehouse
            .read(SilverTables.CUSTOMS_MONTHLY.id())
            .where("period = 201902 AND county_code = '" + B + "'")
            .count(),
        "the kept sums of a line the revision took away");
    assertEquals(
        new BigDecimal("0.00"),
        warehouse
            .read(GoldTables.INDICATOR_MONTHLY.id())
            .where("indicator = 'export' AND region_code = '" + B + "' AND period = 201902")
            .first()
            .getAs("value_month"),
        "a delivered month without lines");

    assertSameThroughDeltaKernel(warehouse);

    List<Dataset<Row>> incremental = new ArrayList<>();
    for (TableContract contract : KEPT) {
      Dataset<Row> table = warehouse.read(contract.id());
      incremental.add(spark().createDataFrame(table.collectAsList(), table.schema()));
    }
    BuildStage.Result full = stage.runAll(warehouse);
    assertEquals("full", full.mode());
    for (int i = 0; i < KEPT.size(); i++) {
      Dataset<Row> rebuilt = warehouse.read(KEPT.get(i).id());
      assertTrue(rebuilt.count() > 0, KEPT.get(i) + " is empty");
      assertSameRows(incremental.get(i), rebuilt);
    }

    // Every build records the version of silver.delivered_periods it read; while that is the
    // table's version, nothing was applied since and the next build reads nothing.
    assertEquals(
        java.util.Optional.of(
            BuildStage.deliveredNote(
                warehouse.version(SilverTables.DELIVERED_PERIODS.id()).orElseThrow())),
        warehouse.contentNote(io.saima.catalog.BuildState.CONTRACT.id()));
    BuildStage.Result nothing = stage.runSinceLastBuild(warehouse);
    assertEquals("incremental", nothing.mode());
    assertTrue(nothing.periods().isEmpty(), "nothing applied since the last build");
  }

  /** Every gold table, even one this fixture leaves empty, read by Kernel and by Spark. */
  private static void assertSameThroughDeltaKernel(Warehouse warehouse) throws Exception {
    TableContract monthly = GoldTables.INDICATOR_MONTHLY;
    long version = warehouse.version(monthly.id()).orElseThrow();
    assertTrue(version >= 1, "a full build, then the incremental one");
    String lastCommit =
        Files.readString(
            Path.of(
                warehouse.path(monthly.id()),
                "_delta_log",
                String.format(java.util.Locale.ROOT, "%020d.json", version)),
            StandardCharsets.UTF_8);
    assertTrue(lastCommit.contains("\"remove\""), "the replaceWhere removed files");

    List<String> monthlyByKernel = List.of();
    for (TableContract contract : GOLD) {
      List<String> byKernel = KernelDump.byKernel(warehouse.path(contract.id()));
      List<String> bySpark =
          KernelDump.bySpark(
              warehouse.read(contract.id()), warehouse.version(contract.id()).orElseThrow());
      KernelDump.assertSameLines(bySpark, byKernel, contract.id() + " read by Delta Kernel");
      if (contract.equals(monthly)) {
        monthlyByKernel = byKernel;
      }
    }

    // What Kernel read, checked by hand: county A's exports, 150 a month in 2020; in 2019 100 in
    // January and 300 in the revised February, read once and not next to the replaced 100.
    String[] columns = {"value_month", "value_month_ly", "value_ytd", "value_ytd_ly"};
    assertEquals(
        List.of("150.00", "300.00", "300.00", "400.00"),
        regionRow(monthlyByKernel, "export", A, 202002, columns));
    assertEquals(
        List.of("150.00", "100.00", "150.00", "100.00"),
        regionRow(monthlyByKernel, "export", A, 202001, columns));
    assertEquals(
        List.of("300.00", "\\N", "400.00", "\\N"),
        regionRow(monthlyByKernel, "export", A, 201902, columns));
  }

  /** The named columns of one region's row of indicator_monthly, as Kernel printed them. */
  private static List<String> regionRow(
      List<String> lines, String indicator, String region, int period, String... columns) {
    List<String> header = Arrays.asList(lines.get(1).split("\t", -1));
    List<String> names = new ArrayList<>();
    for (String column : header.subList(1, header.size())) {
      names.add(column.substring(0, column.indexOf(':')));
    }
    List<String> found = new ArrayList<>();
    for (String line : lines.subList(2, lines.size())) {
      List<String> values = Arrays.asList(line.split("\t", -1));
      if (values.get(names.indexOf("indicator")).equals(indicator)
          && values.get(names.indexOf("region_code")).equals(region)
          && values.get(names.indexOf("period")).equals(Integer.toString(period))) {
        for (String column : columns) {
          found.add(values.get(names.indexOf(column)));
        }
      }
    }
    return found;
  }
}
