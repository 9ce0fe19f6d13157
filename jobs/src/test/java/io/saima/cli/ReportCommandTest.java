package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.testing.SampleNight;
import io.saima.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code saima report}'s usage: a county or period the warehouse has no figures for is exit 2
 * naming those that exist, and nothing is written. Reads the samples' night, never writes into it.
 */
class ReportCommandTest extends SparkTestBase {

  private static CommandOutput report(Path out, String... args) {
    String[] common = {
      "report",
      "--warehouse",
      SampleNight.warehouseDir(SampleNight.dir()).toString(),
      "--out",
      out.toString()
    };
    String[] all = new String[common.length + args.length];
    System.arraycopy(common, 0, all, 0, common.length);
    System.arraycopy(args, 0, all, common.length, args.length);
    return CommandOutput.run(all);
  }

  @Test
  void anUnknownCountyIsBadUsageNamingTheClosestCounties(@TempDir Path out) throws IOException {
    CommandOutput result = report(out, "--region", "330529");
    assertEquals(2, result.exitCode, result.toString());
    assertTrue(
        result.stderr.contains(
            "--region 330529 is not a county with figures in gold.indicator_monthly; the closest"
                + " are 330521 德清县"),
        result.stderr);
    assertEmpty(out);
  }

  @Test
  void aPeriodWithoutFiguresIsBadUsageNamingTheNearestPeriods(@TempDir Path out)
      throws IOException {
    CommandOutput result = report(out, "--period", "202106");
    assertEquals(2, result.exitCode, result.toString());
    assertTrue(
        result.stderr.contains(
            "--period 202106 has no county figures; the nearest periods that do are 202012,"),
        result.stderr);
    assertEmpty(out);
  }

  @Test
  void aMalformedPeriodOrRegionIsBadUsage(@TempDir Path out) throws IOException {
    CommandOutput period = report(out, "--period", "2020-06");
    assertEquals(2, period.exitCode, period.toString());
    assertTrue(period.stderr.contains("did you mean 202006?"), period.stderr);
    CommandOutput region = report(out, "--region", "deqing");
    assertEquals(2, region.exitCode, region.toString());
    assertTrue(region.stderr.contains("--region expects a 6-digit county code"), region.stderr);
    assertEmpty(out);
  }

  @Test
  void helpListsTheOptionsAndTheFiles() {
    CommandOutput help = CommandOutput.run("report", "--help");
    assertEquals(0, help.exitCode, help.toString());
    for (String expected :
        new String[] {"--period", "--region", "--out", "bulletin.html", "简报.docx", "Exit codes"}) {
      assertTrue(help.stdout.contains(expected), expected + " in\n" + help.stdout);
    }
  }

  private static void assertEmpty(Path out) throws IOException {
    try (var entries = Files.list(out)) {
      assertFalse(entries.findAny().isPresent(), "nothing is written on bad usage");
    }
  }
}
