package io.saima.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.BronzeTables;
import io.saima.catalog.OpsTables;
import io.saima.catalog.SilverTables;
import io.saima.catalog.Source;
import io.saima.catalog.TableId;
import io.saima.catalog.Warehouse;
import io.saima.config.ConfigLoader;
import io.saima.config.SaimaConfig;
import io.saima.ingest.IngestResult.SourcePeriod;
import io.saima.testing.CrashingLogStore;
import io.saima.testing.SparkTestBase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestStageTest extends SparkTestBase {

  static final String CUSTOMS_HEADER =
      "period,county_code,town_code,enterprise_id,enterprise_name,hs_code,trade_mode,destination,"
          + "value_usd,value_cny";
  static final String FIRM_A = credit("91330521MA2B0000");
  static final String FIRM_B = credit("91330522MA2C0000");

  /** A valid unified social credit code from its first 17 characters less one. */
  static String credit(String body16) {
    String body = body16 + "1";
    return body + CreditCode.checkCharacter(body);
  }

  static SaimaConfig config(Landing landing, Path warehouse) {
    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("landing", landing.landing.toString());
    overrides.put("reference", landing.reference.toString());
    overrides.put("warehouse", warehouse.toString());
    return ConfigLoader.forThisProcess().load(null, overrides, List.of());
  }

  /** The production readers and validator, configured for this landing. */
  static IngestStage stage(Landing landing, Path warehouse) {
    return new IngestStage(new ReaderApiInputs(config(landing, warehouse)));
  }

  static IngestResult ingest(Landing landing, Path warehouse) {
    return ingest(stage(landing, warehouse), landing, warehouse);
  }

  static IngestResult ingest(IngestStage stage, Landing landing, Path warehouse) {
    try {
      Files.createDirectories(landing.landing);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return stage.run(
        new Warehouse(spark(), warehouse.toString()),
        config(landing, warehouse),
        java.util.UUID.randomUUID().toString(),
        Instant.parse("2020-07-01T02:00:00Z"));
  }

  static List<Row> rows(Path warehouse, TableId id, String columns, String orderBy) {
    return new Warehouse(spark(), warehouse.toString())
        .read(id)
        .selectExpr(columns.split(","))
        .orderBy(
            java.util.Arrays.stream(orderBy.split(","))
                .map(org.apache.spark.sql.functions::col)
                .toArray(org.apache.spark.sql.Column[]::new))
        .collectAsList();
  }

  static String text(List<Row> rows) {
    return rows.stream().map(Row::toString).collect(Collectors.joining("\n"));
  }

  /**
   * One night over deliveries named as bureaus name them, with every kind of outcome: lines kept
   * and quarantined, a refused delivery, empty and header-only files, a month delivered with no row
   * for a county. Every file has its ops row, and for each ingested one lines = accepted +
   * quarantined.
   */
  @Test
  void oneNightAccountsForEveryFileAndEveryLine(@TempDir Path dir) {
    Landing landing = new Landing(dir);
    Path warehouse = dir.resolve("warehouse");
    String retail = "period,county_code,retail_sales_cny";
    landing.file(
        Source.CUSTOMS_EXPORTS,
        "20200610-01",
        "海关出口_2020一季度.csv",
        CUSTOMS_HEADER,
        "202001,330521,," + FIRM_A + ",A,85044000,0110,US,100.00,",
        "202001,330521,,,A,85044000,0110,US,100.00,",
        "202001,330521,," + FIRM_A + ",A,85044000,0110,US,100.00,");
    landing.file(
        Source.FDI_INFLOWS,
        "20200410-01",
        "实到外资（3月）.csv",
        "period,county_code,actual_usd",
        "202003,330521,3.00");
    landing.file(Source.RETAIL_SALES, "20200410-01", "社零 3月.csv", retail, "202003,330521,100.00");
    landing.file(Source.RETAIL_SALES, "20200410-01", "说明.txt", "hello");
    landing.file(Source.RETAIL_SALES, "20200411-01", "社零_1月.csv", retail, "202001,330522,5.00");
    landing.file(Source.RETAIL_SALES, "20200412-01", "empty.csv");
    landing.file(Source.RETAIL_SALES, "20200412-01", "header.csv", retail);
    // March has a row for Deqing only; April's only line is rejected, yet April was delivered.
    landing.file(
        Source.RETAIL_SALES,
        "20200413-01",
        "社零 3-4月.csv",
        retail,
        "202003,330521,100.00",
        "202004,330521,-1.00");
    landing.file(
        Source.ABOVE_QUOTA_SALES,
        "20200410-01",
        "1-3月 限上企业.csv",
        "period,county_code,town_code,enterprise_id,industry,sales_cny",
        "202003,330521,330521001," + FIRM_A + ",retail,100.00",
        "202003,330521,330521999," + FIRM_B + ",retail,50.00",
        "202003,330521,330521001," + FIRM_A + ",retail,100.00",
        "202003,330521,330521001,BAD,retail,1.00");

    IngestResult result = ingest(landing, warehouse);

    assertTrue(result.partial());
    assertEquals(2, result.refusals().size(), result.refusals().toString());
    assertTrue(
        result
            .refusals()
            .get(0)
            .contains("实到外资（3月）.csv: its header lacks the required column(s) project_id"),
        result.refusals().get(0));
    assertTrue(
        result.refusals().get(1).contains("说明.txt: not a CSV or XLSX file"),
        result.refusals().get(1));
    assertEquals(
        "[above_quota_sales,20200410-01,1-3月 限上企业.csv,4,2,2,1,ingested]\n"
            + "[customs_exports,20200610-01,海关出口_2020一季度.csv,3,1,2,1,ingested]\n"
            + "[fdi_inflows,20200410-01,实到外资（3月）.csv,null,null,null,null,refused]\n"
            + "[retail_sales,20200410-01,社零 3月.csv,null,null,null,null,refused]\n"
            + "[retail_sales,20200410-01,说明.txt,null,null,null,null,refused]\n"
            + "[retail_sales,20200411-01,社零_1月.csv,1,1,0,0,ingested]\n"
            + "[retail_sales,20200412-01,empty.csv,0,0,0,0,ingested]\n"
            + "[retail_sales,20200412-01,header.csv,0,0,0,0,ingested]\n"
            + "[retail_sales,20200413-01,社零 3-4月.csv,2,1,1,0,ingested]",
        text(
            rows(
                warehouse,
                OpsTables.DELIVERIES.id(),
                "source,delivery,file,lines,rows_accepted,rows_quarantined,duplicates,status",
                "source,delivery,file")));
    assertEquals(
        0L,
        new Warehouse(spark(), warehouse.toString())
            .read(OpsTables.DELIVERIES.id())
            .where("status = 'ingested' AND lines != rows_accepted + rows_quarantined")
            .count());
    assertEquals(
        "[3,missing_field,20200610-01,海关出口_2020一季度.csv,202001,330521,,,A,85044000,0110,US,"
            + "100.00,]\n"
            + "[4,duplicate_row,20200610-01,海关出口_2020一季度.csv,202001,330521,,"
            + FIRM_A
            + ",A,85044000,0110,US,100.00,]",
        text(
            rows(
                warehouse,
                BronzeTables.quarantine(Source.CUSTOMS_EXPORTS).id(),
                "_line,reason,_delivery,_file,raw_line",
                "_line")));
    // 100 USD at January's 6.95
    assertEquals(
        "[2,100.00,695.00]",
        text(
            rows(
                warehouse,
                SilverTables.CUSTOMS_EXPORTS.id(),
                "_line,value_usd,value_cny",
                "_line")));
    assertEquals(
        "[202001,330522,5.00,20200411-01]\n[202003,330521,100.00,20200413-01]",
        text(
            rows(
                warehouse,
                SilverTables.RETAIL_SALES.id(),
                "period,county_code,retail_sales_cny,_delivery",
                "period")));
    assertEquals(
        "[above_quota_sales,202003,20200410-01,2]\n"
            + "[customs_exports,202001,20200610-01,1]\n"
            + "[retail_sales,202001,20200411-01,1]\n"
            + "[retail_sales,202003,20200413-01,1]\n"
            + "[retail_sales,202004,20200413-01,0]",
        text(
            rows(
                warehouse,
                SilverTables.DELIVERED_PERIODS.id(),
                "source,period,_delivery,rows",
                "source,period")));
    assertEquals(
        "[" + FIRM_A + ",330521001]\n[" + FIRM_B + ",null]",
        text(
            rows(
                warehouse,
                SilverTables.ABOVE_QUOTA_SALES.id(),
                "enterprise_id,town_code",
                "enterprise_id")));
    List<Row> quality =
        rows(
            warehouse,
            OpsTables.DATA_QUALITY.id(),
            "check_name,check_result,lines_read,bronze_rows,rows_accepted,silver_rows,"
                + "rows_quarantined,duplicates,quarantined_by_reason",
            "check_name");
    assertTrue(
        quality.stream()
            .anyMatch(
                r ->
                    r.toString()
                        .equals(
                            "[accounting: lines_read = rows_accepted + rows_quarantined,Success,4,"
                                + "4,2,2,2,1,Map(duplicate_row -> 1, invalid_enterprise_id -> 1)]")),
        text(quality));
    assertTrue(
        quality.stream().allMatch(r -> r.<String>getAs("check_result").equals("Success")),
        text(quality));
    assertEquals(3 + 4 + 1 + 2, result.rows().get("lines_read"));
  }

  @Test
  void aRevisionReplacesTheMonthsItDeliversAndTheLastDeliveryOfARunWins(@TempDir Path dir) {
    Landing landing = new Landing(dir);
    Path warehouse = dir.resolve("warehouse");
    String header = "period,county_code,retail_sales_cny";
    landing.file(
        Source.RETAIL_SALES,
        "20200210-01",
        "retail.csv",
        header,
        "202001,330521,100.00",
        "202001,330522,200.00",
        "202002,330521,110.00");
    ingest(landing, warehouse);
    // Found together by the next run: applied in name order, so -02 replaces what -01 says of
    // February, and both replace what came before.
    landing.file(
        Source.RETAIL_SALES,
        "20200310-01",
        "retail.csv",
        header,
        "202002,330521,200.00",
        "202003,330521,50.00");
    landing.file(Source.RETAIL_SALES, "20200310-02", "社零（修订）.csv", header, "202002,330522,999.00");

    IngestResult second = ingest(landing, warehouse);

    assertEquals(
        Set.of(
            new SourcePeriod(Source.RETAIL_SALES, 202002),
            new SourcePeriod(Source.RETAIL_SALES, 202003)),
        second.rewritten());
    assertEquals(
        "[202001,330521,100.00,20200210-01]\n"
            + "[202001,330522,200.00,20200210-01]\n"
            + "[202002,330522,999.00,20200310-02]\n"
            + "[202003,330521,50.00,20200310-01]",
        text(
            rows(
                warehouse,
                SilverTables.RETAIL_SALES.id(),
                "period,county_code,retail_sales_cny,_delivery",
                "period,county_code")));
  }

  @Test
  void aRerunChangesNoTableAndAChangedFileIsRefusedWithNothingApplied(@TempDir Path dir)
      throws IOException {
    Landing landing = new Landing(dir);
    Path warehouse = dir.resolve("warehouse");
    String header = "period,county_code,retail_sales_cny";
    Path file =
        landing.file(
            Source.RETAIL_SALES,
            "20200410-01",
            "社零 3月.csv",
            header,
            "202003,330521,1.00",
            "202003,330521,bad");
    ingest(landing, warehouse);
    Warehouse tables = new Warehouse(spark(), warehouse.toString());
    Map<String, Long> before = versions(tables);

    IngestResult rerun = ingest(landing, warehouse);

    assertFalse(rerun.partial());
    assertTrue(rerun.rewritten().isEmpty());
    assertTrue(rerun.versions().isEmpty(), rerun.versions().toString());
    assertEquals(before, versions(tables));
    assertTrue(before.containsKey("silver.retail_sales") && before.containsKey("silver.regions"));

    Files.writeString(
        file, header + "\n202003,330521,2.00\n202004,330521,3.00\n", StandardCharsets.UTF_8);

    IngestResult again = ingest(landing, warehouse);

    assertTrue(again.partial());
    assertTrue(
        again.refusals().get(0).contains("retail_sales/20200410-01")
            && again.refusals().get(0).contains("file 社零 3月.csv changed"),
        again.refusals().get(0));
    assertTrue(again.rewritten().isEmpty());
    assertEquals(
        "[202003,1.00]",
        text(rows(warehouse, SilverTables.RETAIL_SALES.id(), "period,retail_sales_cny", "period")));
  }

  /**
   * A reference table's latest change of content carries the fingerprint of the files it was
   * written from, and a night whose files give the same one leaves the table unread. A commit that
   * only rearranges files keeps it; an edit by hand has none, so the next night compares the rows
   * and restores them; changed files rewrite the table with their own fingerprint.
   */
  @Test
  void aReferenceTableIsComparedAgainOnlyWhenItsLastChangeIsNotTheFilesFingerprint(
      @TempDir Path dir) {
    Landing landing = new Landing(dir);
    Path warehouse = dir.resolve("warehouse");
    ingest(landing, warehouse);
    Warehouse tables = new Warehouse(spark(), warehouse.toString());
    TableId regions = SilverTables.REGIONS.id();
    String note = tables.contentNote(regions).orElseThrow();
    assertTrue(note.matches("saima reference sha256:[0-9a-f]{64}"), note);
    String written = text(rows(warehouse, regions, "county_code,county_name", "county_code"));
    long version = tables.version(regions).orElseThrow();

    spark().conf().set("spark.databricks.delta.vacuum.logging.enabled", "true");
    try {
      io.delta.tables.DeltaTable.forPath(spark(), tables.path(regions)).vacuum();
    } finally {
      spark().conf().unset("spark.databricks.delta.vacuum.logging.enabled");
    }
    assertTrue(tables.version(regions).orElseThrow() > version, "VACUUM made no commit");
    assertEquals(java.util.Optional.of(note), tables.contentNote(regions));
    assertTrue(ingest(landing, warehouse).versions().isEmpty());

    io.delta.tables.DeltaTable.forPath(spark(), tables.path(regions))
        .delete("county_code = '330522'");
    assertTrue(tables.contentNote(regions).isEmpty());
    IngestResult restored = ingest(landing, warehouse);
    assertEquals(Set.of("silver.regions"), restored.versions().keySet());
    assertEquals(written, text(rows(warehouse, regions, "county_code,county_name", "county_code")));
    assertEquals(java.util.Optional.of(note), tables.contentNote(regions));

    Landing.write(
        landing.reference.resolve("regions.csv"),
        "county_code,county_name,city_code,city_name,province_code,province_name,"
            + "competition_group",
        "330521,德清县,330500,湖州市,330000,浙江省,county");
    IngestResult changed = ingest(landing, warehouse);
    assertEquals(Set.of("silver.regions"), changed.versions().keySet());
    assertEquals(
        "[330521,德清县]", text(rows(warehouse, regions, "county_code,county_name", "county_code")));
    String changedNote = tables.contentNote(regions).orElseThrow();
    assertTrue(changedNote.startsWith("saima reference sha256:") && !changedNote.equals(note));
  }

  static Map<String, Long> versions(Warehouse tables) {
    Map<String, Long> out = new TreeMap<>();
    for (TableId id : tables.list()) {
      out.put(id.qualified(), tables.version(id).orElseThrow());
    }
    return out;
  }

  @Test
  void aBadReferenceFileStopsTheRunBeforeAnythingIsWritten(@TempDir Path dir) {
    Landing landing = new Landing(dir);
    Path warehouse = dir.resolve("warehouse");
    Landing.write(landing.reference.resolve("units.csv"), "unit_code,unit_name", "1,2");
    landing.file(
        Source.RETAIL_SALES, "20200410-01", "r.csv", "period,county_code,retail_sales_cny");

    IngestException e = assertThrows(IngestException.class, () -> ingest(landing, warehouse));

    assertTrue(e.getMessage().contains("units.csv"), e.getMessage());
    assertFalse(Files.exists(warehouse));
  }

  /**
   * A night stopped right after a chosen Delta commit, as a kill would stop it ({@link
   * CrashingLogStore}), then run again. The points are found by the commits of an uninterrupted
   * run, so they follow the order of writes wherever it changes.
   */
  @Test
  void aRunKilledAfterAnyWriteAndRunAgainEndsWhereAnUninterruptedRunWould(@TempDir Path dir) {
    Landing landing = new Landing(dir);
    String header = "period,county_code,retail_sales_cny";
    landing.file(Source.RETAIL_SALES, "20200210-01", "r.csv", header, "202001,330521,1.00");
    Path reference = dir.resolve("uninterrupted");
    ingest(landing, reference);
    landing.file(
        Source.RETAIL_SALES,
        "20200310-01",
        "r.csv",
        header,
        "202001,330521,2.00",
        "202002,330521,3.00",
        "202002,330521,x");
    landing.file(
        Source.FDI_INFLOWS,
        "20200310-01",
        "f.csv",
        "period,county_code,project_id,actual_usd",
        "202002,330522,P9,7.00");
    Path before = dir.resolve("before");
    copy(reference, before);
    List<TableId> commits;
    try (CrashingLogStore.Plan recording = CrashingLogStore.record(reference)) {
      ingest(landing, reference);
      commits = tables(recording.commits());
    }
    Map<String, String> expected = contents(reference);
    // Empty when Delta does not use the test log store for local files (SharedSpark sets it).
    assertTrue(commits.size() >= 8, "the Delta commits of the night: " + commits);

    // In the first source, right after bronze (silver not yet replaced); and at the end, after
    // the delivered periods and data-quality rows, right before the night's commit marker.
    for (int limit :
        List.of(
            commits.indexOf(BronzeTables.rows(Source.FDI_INFLOWS).id()) + 1,
            commits.lastIndexOf(OpsTables.DATA_QUALITY.id()) + 1)) {
      TableId stopAfter = commits.get(limit - 1);
      Path warehouse = dir.resolve("crash-" + limit);
      copy(before, warehouse);
      try (CrashingLogStore.Plan crashing = CrashingLogStore.crashAfter(warehouse, limit)) {
        Throwable thrown = assertThrows(Throwable.class, () -> ingest(landing, warehouse));
        assertTrue(crashed(thrown), "stopped by the crash, not by " + thrown);
        assertEquals(
            commits.subList(0, limit),
            tables(crashing.commits()),
            "the same commits as the uninterrupted run up to the crash, and none after it");
      }
      // The commit the crash follows is on disk: every table is at the version that the commits
      // before the crash, and only those, took it to.
      Map<String, Long> versions = versions(new Warehouse(spark(), before.toString()));
      for (TableId committed : commits.subList(0, limit)) {
        versions.merge(committed.qualified(), 0L, (version, first) -> version + 1);
      }
      assertEquals(
          versions,
          versions(new Warehouse(spark(), warehouse.toString())),
          "the table versions on disk, stopped after " + stopAfter);
      assertTrue(
          markers(warehouse) < markers(reference),
          "the crash came before the last commit marker: the run is unfinished");

      ingest(landing, warehouse);

      assertEquals(expected, contents(warehouse), "stopped after " + stopAfter);
    }
  }

  /** The tables of a plan's commits, which it names {@code <database>/<table>}. */
  static List<TableId> tables(List<Path> commits) {
    return commits.stream()
        .map(table -> TableId.of(table.getParent().toString(), table.getFileName().toString()))
        .toList();
  }

  /** Whether a crash stopped the run, however Spark or Delta wrapped it on the way out. */
  static boolean crashed(Throwable thrown) {
    for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
      if (cause instanceof CrashingLogStore.Crash) {
        return true;
      }
    }
    return false;
  }

  /** The commit markers of the second night's deliveries. */
  static long markers(Path warehouse) {
    return new Warehouse(spark(), warehouse.toString())
        .read(OpsTables.DELIVERIES.id())
        .where("delivery = '20200310-01' AND status = 'ingested'")
        .count();
  }

  static void copy(Path from, Path to) {
    try (var paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every table's rows as text, without the columns that record when or by which run. */
  static Map<String, String> contents(Path warehouse) {
    Warehouse tables = new Warehouse(spark(), warehouse.toString());
    Map<String, String> out = new TreeMap<>();
    for (TableId id : tables.list()) {
      if (id.database().equals("ops") && !id.name().equals("deliveries")) {
        continue;
      }
      var frame = tables.read(id);
      for (String column :
          List.of("_ingested_at", "applied_at", "run_id", "ingested_at", "detail", "sha256")) {
        frame = frame.drop(column);
      }
      out.put(
          id.qualified(),
          frame.collectAsList().stream()
              .map(Row::toString)
              .sorted()
              .collect(Collectors.joining("\n")));
    }
    return out;
  }

  static BigDecimal money(String text) {
    return new BigDecimal(text);
  }
}
