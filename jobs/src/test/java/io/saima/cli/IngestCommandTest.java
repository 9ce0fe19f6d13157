package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.OpsTables;
import io.saima.catalog.Source;
import io.saima.catalog.Warehouse;
import io.saima.ingest.Landing;
import io.saima.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestCommandTest extends SparkTestBase {

  @Test
  void aRefusedDeliveryMakesTheNightExit3AndIsRecordedAndQueryable(@TempDir Path dir)
      throws IOException {
    Landing landing = new Landing(dir);
    landing.file(
        Source.CUSTOMS_EXPORTS,
        "20200610-01",
        "exports.csv",
        "period,county_code,enterprise_id,hs_code,trade_mode,destination,value_usd",
        "202001,330521,BAD,85044000,0110,US,1.00",
        "202001,999999,BAD,85044000,0110,US,1.00",
        "202001,330521,BAD,85044000,0110,US,1.00");
    landing.file(Source.RETAIL_SALES, "20200610-01", "retail.xls", "not a spreadsheet");
    // Arrived after the night's day: left for a later night, neither read nor refused.
    landing.file(Source.RETAIL_SALES, "20200720-01", "retail.xls", "not a spreadsheet either");
    String warehouse = dir.resolve("warehouse").toString();
    // the night ends with the bulletin: keep it inside the test's folder
    Path conf = dir.resolve("test.yaml");
    Files.writeString(
        conf, "reports: " + dir.resolve("reports").toString().replace("\\", "/") + "\n");
    String[] common = {
      "--landing", landing.landing.toString(),
      "--reference", landing.reference.toString(),
      "--warehouse", warehouse,
      "--conf", conf.toString()
    };

    CommandOutput night =
        CommandOutput.run(concat(new String[] {"nightly", "--as-of", "2020-06-30"}, common));

    assertEquals(3, night.exitCode, night.stdout);
    // Progress on stderr: files to read per source, then files read, then lines.
    assertTrue(
        night.stderr.contains("customs_exports: reading 1 files of 1 deliveries"), night.stderr);
    assertTrue(
        night.stderr.contains("ingest customs_exports: 1/1 files done (100%)"), night.stderr);
    assertTrue(night.stderr.contains("customs_exports: 1 deliveries, 3 lines read"), night.stderr);
    assertTrue(
        night.stdout.contains("retail.xls: Excel 97-2003 workbooks (.xls) are not read"),
        night.stdout);
    assertTrue(!night.stdout.contains("20200720-01"), night.stdout);
    assertRows(
        "ops.job_runs",
        new Warehouse(spark(), warehouse)
            .read(OpsTables.JOB_RUNS.id())
            .selectExpr(
                "command", "outcome", "exit_code", "rows['lines_read']", "parameters['as_of']"),
        row("nightly", "partial", 3, 3L, "2020-06-30"));
    assertRows(
        "ops.deliveries of retail_sales",
        new Warehouse(spark(), warehouse)
            .read(OpsTables.DELIVERIES.id())
            .where("source = 'retail_sales'")
            .selectExpr("delivery", "status"),
        row("20200610-01", "refused"));

    CommandOutput byReason =
        CommandOutput.run(
            "sql",
            "--warehouse",
            warehouse,
            "-e",
            "SELECT reason, count(*) AS n FROM bronze.customs_exports_quarantine"
                + " GROUP BY reason ORDER BY reason",
            "--format",
            "csv");
    assertEquals(0, byReason.exitCode);
    assertEquals("reason,n\ninvalid_enterprise_id,2\nunknown_county,1\n", byReason.stdout);
  }

  @Test
  void everyCommandHasHelpAndBadOptionsAreExit2() {
    for (String command : List.of("ingest", "nightly", "sql")) {
      assertEquals(0, CommandOutput.run(command, "--help").exitCode, command);
    }
    assertEquals(2, CommandOutput.run("nightly", "--as-of", "30/06/2020").exitCode);
    assertEquals(2, CommandOutput.run("sql", "--format", "xml", "-e", "SELECT 1").exitCode);
    // Nothing on stdin and no -e/-f: no statement.
    assertEquals(2, CommandOutput.run("sql").exitCode);
    CommandOutput piped =
        CommandOutput.runWithInput(
            "SELECT 1 AS one;\nSELECT 'x' AS two;\n", "sql", "--format", "csv");
    assertEquals(0, piped.exitCode, piped.stderr);
    assertEquals("one\n1\n\ntwo\nx\n", piped.stdout);
  }

  static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
