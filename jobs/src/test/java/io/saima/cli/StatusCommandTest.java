package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.Source;
import io.saima.ingest.Landing;
import io.saima.pipeline.WarehouseLease;
import io.saima.testing.SparkTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest extends SparkTestBase {

  @Test
  void statusShowsTheHolderTheLastRunsWhatWaitsAndTheNewestPeriodsAndWritesNothing(
      @TempDir Path dir) throws Exception {
    Landing landing = new Landing(dir);
    Path january =
        landing.file(
            Source.RETAIL_SALES,
            "20200210-01",
            "retail.csv",
            "period,county_code,retail_sales_cny",
            "202001,330521,1000.00");
    String warehouse = dir.resolve("warehouse").toString();
    String[] common = {
      "--landing", landing.landing.toString(),
      "--reference", landing.reference.toString(),
      "--warehouse", warehouse
    };
    CommandOutput ingest =
        CommandOutput.run(OneWriterAtATimeTest.concat(new String[] {"ingest"}, common));
    assertEquals(0, ingest.exitCode, ingest.toString());
    // After the night: a new delivery, one still being copied, and a change to an ingested file.
    landing.file(
        Source.RETAIL_SALES,
        "20200310-01",
        "retail.csv",
        "period,county_code,retail_sales_cny",
        "202002,330521,900.00");
    landing.file(Source.CUSTOMS_EXPORTS, "20200311-01", "exports.csv.part", "period");
    Files.writeString(
        january, "202001,330522,5.00\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    String[] status = OneWriterAtATimeTest.concat(new String[] {"status"}, common);

    String before = OneWriterAtATimeTest.tree(dir);
    CommandOutput held;
    try (WarehouseLease lease =
        WarehouseLease.acquire(
            spark().sparkContext().hadoopConfiguration(),
            warehouse,
            "nightly",
            "run-now",
            Duration.ofMinutes(2))) {
      before = OneWriterAtATimeTest.tree(dir);
      held = CommandOutput.run(status);
      assertEquals(before, OneWriterAtATimeTest.tree(dir), "status wrote nothing");
    }

    assertEquals(0, held.exitCode, held.toString());
    String out = held.stdout;
    assertTrue(out.contains("warehouse: " + warehouse + "\n"), out);
    assertTrue(
        out.contains(
            "lock: held by nightly run run-now on host "
                + WarehouseLease.thisHostName()
                + ", pid "
                + ProcessHandle.current().pid()),
        out);
    assertTrue(out.contains("last runs (ops.job_runs)"), out);
    assertTrue(out.matches("(?s).*\n[-0-9 :.]+  ingest +ok +0 +[0-9.]+  [-0-9a-f]{36}\n.*"), out);
    assertTrue(out.contains("  to ingest: 1\n    retail_sales/20200310-01 (1 files)\n"), out);
    assertTrue(
        out.contains(
            "  changed since ingested (the next ingest refuses them): 1\n"
                + "    retail_sales/20200210-01: file retail.csv changed ("),
        out);
    assertTrue(
        out.contains(
            "  still arriving (waiting): 1\n"
                + "    customs_exports/20200311-01: a copy is still in progress (exports.csv.part)"),
        out);
    assertTrue(out.contains("newest period per source (silver.delivered_periods)"), out);
    assertTrue(out.matches("(?s).*\nretail_sales +202001 +1  [-0-9 :.]+\n.*"), out);

    CommandOutput free = CommandOutput.run(status);
    assertEquals(0, free.exitCode, free.toString());
    assertTrue(free.stdout.contains("lock: free (no run is writing)\n"), free.stdout);
  }

  @Test
  void statusRefusesANonPositiveNumberOfRuns() {
    CommandOutput bad = CommandOutput.run("status", "--runs", "0");
    assertEquals(2, bad.exitCode, bad.toString());
    assertEquals("saima status: --runs expects 1 or more, got 0", bad.firstLineOfStderr());
  }
}
