package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.OpsTables;
import io.saima.catalog.TableId;
import io.saima.catalog.Warehouse;
import io.saima.testing.DataFrameAssertions;
import io.saima.testing.SampleNight;
import io.saima.testing.SparkTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code saima rebuild}: silver, quarantine and gold are a function of bronze and the reference
 * data. Rebuilt from bronze alone, a copy of a night comes out equal to the night, table for table,
 * row for row — the month revised by a later delivery included. The night is the samples' small one
 * ({@link SampleNight#smallDir}: two months and a revision), since every line it holds is conformed
 * again.
 */
class RebuildCommandTest extends SparkTestBase {

  @TempDir Path temp;

  @Test
  void rebuildFromBronzeReproducesSilverQuarantineAndGoldExactly() throws IOException {
    Path nightDir = SampleNight.warehouseDir(SampleNight.smallDir());
    Warehouse night = new Warehouse(spark(), nightDir.toString());
    assertEquals(
        SampleNight.SMALL_REVISION,
        night
            .read(TableId.of("silver", "delivered_periods"))
            .where("source = 'customs_exports' AND period = 201901")
            .first()
            .getAs("_delivery"),
        "the night holds a revised month");
    Path copy = temp.resolve("warehouse");
    copyTree(nightDir, copy);
    Warehouse rebuilt = new Warehouse(spark(), copy.toString());
    // Bronze alone: the rebuild is given a landing folder that does not exist.
    Path conf = temp.resolve("rebuild.yaml");
    Files.writeString(
        conf,
        "landing: "
            + temp.resolve("no-landing").toString().replace("\\", "/")
            + "\nreports: "
            + temp.resolve("reports").toString().replace("\\", "/")
            + "\n");
    CommandOutput out =
        CommandOutput.run("rebuild", "--warehouse", copy.toString(), "--conf", conf.toString());
    assertEquals(0, out.exitCode, out.toString());
    assertTrue(out.stdout.startsWith("rebuild ok: run "), out.stdout);

    List<TableId> compared =
        night.list().stream()
            .filter(id -> !id.database().equals(OpsTables.DATABASE))
            .filter(id -> !(id.database().equals("bronze") && !id.name().endsWith("_quarantine")))
            .toList();
    assertTrue(compared.size() > 20, "tables compared: " + compared);
    for (TableId id : compared) {
      Dataset<Row> before = night.read(id);
      Dataset<Row> after = rebuilt.read(id).select(before.columns()[0], tail(before.columns()));
      DataFrameAssertions.assertSameTable(before, after, id + " (the night, its rebuild)");
    }
    for (TableId id :
        List.of(
            TableId.of("silver", "customs_exports"),
            TableId.of("bronze", "customs_exports_quarantine"))) {
      String table = id.qualified();
      assertFalse(rebuilt.read(id).isEmpty(), table + " is empty");
      assertTrue(
          rebuilt.version(id).orElseThrow() > night.version(id).orElseThrow(),
          table + " was not rewritten");
    }
    Row run =
        rebuilt
            .read(OpsTables.JOB_RUNS.id())
            .where("command = 'rebuild'")
            .select("outcome", "exit_code")
            .first();
    assertEquals("ok", run.getAs("outcome"));
    assertEquals(0, run.<Integer>getAs("exit_code"));
  }

  @Test
  void aNightWithFromAndToRecomputesThoseMonthsFromBronzeAndLeavesTheOthers() throws IOException {
    Path copy = temp.resolve("warehouse");
    copyTree(SampleNight.warehouseDir(SampleNight.smallDir()), copy);
    Warehouse tables = new Warehouse(spark(), copy.toString());
    // Haishu (330203) leaves the reference data: recomputed, its February lines become
    // unknown_county. (The last month, so the build it causes stays small.)
    Path reference = temp.resolve("reference");
    copyTree(Path.of(System.getProperty("saima.home")).resolve("conf/reference"), reference);
    for (String file : List.of("regions.csv", "targets.csv")) {
      Path path = reference.resolve(file);
      Files.write(
          path, Files.readAllLines(path).stream().filter(l -> !l.startsWith("330203,")).toList());
    }
    long januaryBefore = haishu(tables, 201901);
    long februaryBefore = haishu(tables, 201902);
    assertTrue(januaryBefore > 0 && februaryBefore > 0, januaryBefore + " " + februaryBefore);
    String standing =
        tables
            .read(TableId.of("silver", "delivered_periods"))
            .where("source = 'customs_exports' AND period = 201902")
            .first()
            .getAs("_delivery");
    assertEquals(0, unknownCounty(tables, standing));

    CommandOutput out =
        CommandOutput.run(
            "nightly",
            "--from",
            "2019-02",
            "--to",
            "2019-02",
            "--warehouse",
            copy.toString(),
            "--landing",
            SampleNight.smallLanding().toString(),
            "--reference",
            reference.toString(),
            "--conf",
            reportsConf().toString());

    assertEquals(0, out.exitCode, out.toString());
    assertEquals(0, haishu(tables, 201902), "February judged again without Haishu");
    assertEquals(januaryBefore, haishu(tables, 201901), "January is outside the range");
    // Every line that stood in silver is now quarantined (with any copies of them, once judged
    // lines of an unknown county rather than duplicates).
    assertTrue(
        unknownCounty(tables, standing) >= februaryBefore,
        unknownCounty(tables, standing) + " quarantined of " + februaryBefore);
    assertEquals(
        0,
        tables
            .read(TableId.of("gold", "indicator_monthly"))
            .where("region_code = '330203' AND period = 201902")
            .count(),
        "the build recomputed February without the county");
    assertTrue(
        tables
                .read(TableId.of("gold", "indicator_monthly"))
                .where("region_code = '330203' AND period = 201901")
                .count()
            > 0,
        "January's figures stand");

    CommandOutput usage =
        CommandOutput.run("nightly", "--from", "2020-03", "--warehouse", copy.toString());
    assertEquals(ExitCode.USAGE, usage.exitCode, usage.toString());
    assertTrue(usage.stderr.contains("--from and --to go together"), usage.stderr);
    CommandOutput backwards =
        CommandOutput.run(
            "nightly", "--from", "2020-05", "--to", "2020-03", "--warehouse", copy.toString());
    assertEquals(ExitCode.USAGE, backwards.exitCode, backwards.toString());
    assertTrue(
        backwards.stderr.contains("--to 2020-03 is before --from 2020-05"), backwards.stderr);
  }

  @Test
  void bronzeIngestedBeforeItKeptTheLinesAsWrittenIsRefusedAndNothingIsRebuilt() {
    Path warehouse = temp.resolve("old-warehouse");
    // Bronze as it was written before _raw and _surplus_fields, and the delivery's marker.
    spark()
        .sql(
            "SELECT '202001' AS period, '330521' AS county_code, '330521001' AS town_code,"
                + " '1' AS project_id, 'US' AS investor_country, 'C' AS industry,"
                + " '1.00' AS contract_usd, '1.00' AS actual_usd, '20200210-01' AS _delivery,"
                + " 'f.csv' AS _file, CAST(2 AS BIGINT) AS _line,"
                + " current_timestamp() AS _ingested_at")
        .write()
        .format("delta")
        .save(warehouse.resolve("bronze/fdi_inflows").toString());
    spark()
        .sql(
            "SELECT 'fdi_inflows' AS source, '20200210-01' AS delivery, 'f.csv' AS file,"
                + " 'ingested' AS status")
        .write()
        .format("delta")
        .save(warehouse.resolve("ops/deliveries").toString());

    CommandOutput out = CommandOutput.run("rebuild", "--warehouse", warehouse.toString());

    assertEquals(ExitCode.FAILURE, out.exitCode, out.toString());
    assertTrue(
        out.stderr.contains(
            "bronze.fdi_inflows was ingested before bronze kept each line as written"),
        out.stderr);
    assertFalse(Files.exists(warehouse.resolve("silver")), "nothing was written: " + out.stderr);
  }

  /** A configuration that keeps this test's bulletin in its own folder. */
  private Path reportsConf() throws IOException {
    Path conf = temp.resolve("night.yaml");
    Files.writeString(
        conf, "reports: " + temp.resolve("reports").toString().replace("\\", "/") + "\n");
    return conf;
  }

  private static long haishu(Warehouse tables, int period) {
    return tables
        .read(TableId.of("silver", "customs_exports"))
        .where("county_code = '330203' AND period = " + period)
        .count();
  }

  private static long unknownCounty(Warehouse tables, String delivery) {
    return tables
        .read(TableId.of("bronze", "customs_exports_quarantine"))
        .where("reason = 'unknown_county' AND detail LIKE '%330203%'")
        .where(org.apache.spark.sql.functions.col("_delivery").equalTo(delivery))
        .count();
  }

  private static String[] tail(String[] columns) {
    return java.util.Arrays.copyOfRange(columns, 1, columns.length);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        try {
          if (Files.isDirectory(path)) {
            Files.createDirectories(target);
          } else {
            Files.copy(path, target);
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }
}
