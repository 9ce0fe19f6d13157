package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.testing.SampleNight;
import io.saima.testing.SparkTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The report views and the notebooks on the samples' night, and the revision audit on that night
 * followed by a second night that receives December 2020's customs again, with one county's lines
 * doubled (a re-delivered month, as the contract's revisions are). The samples' night is shared;
 * the second night ingests and builds on a copy of its warehouse.
 */
class ReportViewsAndNotebooksTest extends SparkTestBase {

  /** The re-delivered month, and the county whose lines the revision doubles. */
  static final String REVISED_DELIVERY = "20210115-01";

  static final String REVISED_FILE = "customs_exports_202012_330300.csv";
  static final String REVISED_COUNTY = "330302";

  static Path revised;

  @BeforeAll
  static void aSecondNightWithARevisedMonth() throws IOException {
    Path night = SampleNight.dir();
    // Under target/, kept after the tests: a warehouse with a revision to try report.数据修订 on.
    revised = Path.of("target", "revision-night").toAbsolutePath();
    if (Files.exists(revised)) {
      removeTheCopy();
    }
    copy(SampleNight.warehouseDir(night), revised.resolve("warehouse"));
    Path landing = revised.resolve("landing");
    copy(SampleNight.landing(), landing);
    Path from = landing.resolve("customs_exports").resolve(REVISED_DELIVERY);
    Path again = landing.resolve("customs_exports").resolve("20210215-01");
    copy(from, again);
    Path file = again.resolve(REVISED_FILE);
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] f = line.split(",", -1);
      if (f[1].equals(REVISED_COUNTY)) {
        f[8] = new BigDecimal(f[8]).multiply(BigDecimal.valueOf(2)).toPlainString();
        f[9] = new BigDecimal(f[9]).multiply(BigDecimal.valueOf(2)).toPlainString();
        line = String.join(",", f);
      }
      lines.add(line);
    }
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    // The second night's data stages: the revision is in gold after the build, which is all the
    // audit and the views read (scores, simulations and the bulletin come from the shared night).
    String warehouse = revised.resolve("warehouse").toString();
    CommandOutput ingest =
        CommandOutput.run("ingest", "--warehouse", warehouse, "--landing", landing.toString());
    assertEquals(0, ingest.exitCode, ingest.stdout + ingest.stderr);
    assertTrue(ingest.stdout.contains(", 1 deliveries ingested,"), ingest.stdout + ingest.stderr);
    CommandOutput build = CommandOutput.run("build", "--warehouse", warehouse);
    assertEquals(0, build.exitCode, build.stdout + build.stderr);
  }

  static void removeTheCopy() throws IOException {
    try (Stream<Path> paths = Files.walk(revised)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  static String sampleWarehouse() {
    return SampleNight.warehouseDir(SampleNight.dir()).toString();
  }

  static String revisedWarehouse() {
    return revised.resolve("warehouse").toString();
  }

  private static final Pattern ROWS = Pattern.compile("\"rows\":\\[(.*)]}$");

  /** Each result set's rows of a json run of several statements, one document per line. */
  static List<String> rowsPerStatement(CommandOutput out) {
    List<String> sets = new ArrayList<>();
    for (String line : out.stdout.split("\n")) {
      Matcher m = ROWS.matcher(line);
      assertTrue(m.find(), line);
      sets.add(m.group(1));
    }
    return sets;
  }

  @Test
  void everyReportViewReturnsRowsOnTheSamples() {
    StringBuilder script = new StringBuilder();
    for (ReportViews.View view : ReportViews.ALL) {
      script.append("SELECT * FROM report.`").append(view.name()).append("` LIMIT 3;\n");
    }
    script.append("SHOW TABLES IN report");
    CommandOutput out =
        CommandOutput.run(
            "sql", "--warehouse", revisedWarehouse(), "-e", script.toString(), "--format", "json");
    assertEquals(ExitCode.OK, out.exitCode, out.stderr);
    List<String> sets = rowsPerStatement(out);
    assertEquals(ReportViews.ALL.size() + 1, sets.size());
    for (int i = 0; i < ReportViews.ALL.size(); i++) {
      assertTrue(!sets.get(i).isEmpty(), ReportViews.ALL.get(i).name() + " has no rows");
    }
    for (ReportViews.View view : ReportViews.ALL) {
      assertTrue(sets.get(ReportViews.ALL.size()).contains(view.name()), sets.toString());
    }
  }

  @Test
  void theMainIndicatorsViewHasTheBulletinsColumns() {
    CommandOutput out =
        CommandOutput.run(
            "sql",
            "--warehouse",
            sampleWarehouse(),
            "-e",
            "SELECT `县市区`, `指标`, `月份`, `本月`, `累计`, `同比增长`, `占全省比重`, `比重增减`,"
                + " `全省排名`, `组内排名`, `排名变化` FROM report.`各县主要指标`"
                + " WHERE `县市区代码` = '330521' AND `指标代码` = 'export' AND `月份` = 202006",
            "--format",
            "csv");
    assertEquals(ExitCode.OK, out.exitCode, out.stderr);
    List<String> lines = out.stdout.lines().toList();
    assertEquals("县市区,指标,月份,本月,累计,同比增长,占全省比重,比重增减,全省排名,组内排名,排名变化", lines.get(0));
    assertEquals(2, lines.size(), out.stdout);
    assertTrue(lines.get(1).startsWith("德清县,出口总额,202006,"), lines.get(1));
  }

  @Test
  void theRevisionAuditShowsTheRevisedMonthBeforeAndAfter() {
    CommandOutput out =
        CommandOutput.run(
            "sql",
            "--warehouse",
            revisedWarehouse(),
            "-e",
            "SELECT DISTINCT `月份` FROM report.`数据修订`;"
                + " SELECT `修订前本月`, `修订后本月`, `累计变化`, `修订前全省排名`, `修订后全省排名`"
                + " FROM report.`数据修订`"
                + " WHERE `县市区代码` = '"
                + REVISED_COUNTY
                + "' AND `指标代码` = 'export'",
            "--format",
            "csv");
    assertEquals(ExitCode.OK, out.exitCode, out.stderr);
    String[] sets = out.stdout.split("\n\n");
    assertEquals("月份\n202012\n", sets[0] + "\n");
    List<String> lines = sets[1].lines().toList();
    assertEquals(2, lines.size(), sets[1]);
    String[] f = lines.get(1).split(",");
    BigDecimal before = new BigDecimal(f[0]);
    assertEquals(
        0, before.multiply(BigDecimal.valueOf(2)).compareTo(new BigDecimal(f[1])), lines.get(1));
    assertEquals(0, before.compareTo(new BigDecimal(f[2])), "the year to date grew by the month");
    assertTrue(Integer.parseInt(f[4]) <= Integer.parseInt(f[3]), "a larger total ranks no lower");
  }

  @Test
  void theTablesKeepTheHistoryTheConfigurationAsksForAndTimeTravelWorks() {
    CommandOutput history =
        CommandOutput.run(
            "sql",
            "--warehouse",
            revisedWarehouse(),
            "-e",
            "SHOW TBLPROPERTIES gold.indicator_monthly ('delta.logRetentionDuration');"
                + " SELECT count(*) > 0 AS before_the_revision FROM gold.indicator_monthly"
                + " VERSION AS OF 0 WHERE period = 202012;"
                + " DESCRIBE HISTORY gold.indicator_monthly",
            "--format",
            "csv");
    assertEquals(ExitCode.OK, history.exitCode, history.stderr);
    String[] sets = history.stdout.split("\n\n");
    assertEquals("key,value\ndelta.logRetentionDuration,interval 365 days", sets[0].strip());
    assertEquals("before_the_revision\ntrue", sets[1].strip());
    assertTrue(sets[2].lines().count() >= 3, "two versions at least: " + sets[2]);
  }

  @Test
  void afterASingleNightTheRevisionAuditSaysWhatItNeeds() {
    CommandOutput out =
        CommandOutput.run(
            "sql", "--warehouse", sampleWarehouse(), "-e", "SELECT * FROM report.`数据修订`");
    assertEquals(ExitCode.USAGE, out.exitCode, out.stderr);
    assertTrue(
        out.stderr.contains(
            "saima sql: report.数据修订 is not there yet: ops.job_runs has fewer than two runs"),
        out.stderr);
  }

  static final Map<String, Integer> NOTEBOOK_CELLS =
      Map.of(
          "01_deqing_this_month.sql", 2,
          "02_neighbours.sql", 2,
          "03_share_of_province.sql", 2,
          "04_towns_and_snails.sql", 2,
          "05_enterprise_watchlist.sql", 2,
          "06_revision_and_ranking.sql", 4);

  @Test
  void everyNotebookCellReturnsRowsWithSaimaSqlF() throws IOException {
    Path notebooks = Path.of(System.getProperty("saima.home")).resolve("notebooks");
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(notebooks)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".sql"))
          .forEach(found::add);
    }
    assertEquals(
        NOTEBOOK_CELLS.keySet().stream().sorted().toList(), found.stream().sorted().toList());
    List<String> empty = new ArrayList<>();
    for (String name : found) {
      String warehouse = name.startsWith("06") ? revisedWarehouse() : sampleWarehouse();
      CommandOutput out =
          CommandOutput.run(
              "sql",
              "--warehouse",
              warehouse,
              "-f",
              notebooks.resolve(name).toString(),
              "--format",
              "json");
      assertEquals(ExitCode.OK, out.exitCode, name + "\n" + out.stderr);
      List<String> sets = rowsPerStatement(out);
      assertEquals((int) NOTEBOOK_CELLS.get(name), sets.size(), name + "\n" + out.stdout);
      for (int i = 0; i < sets.size(); i++) {
        if (sets.get(i).isEmpty()) {
          empty.add(name + " cell " + (i + 1));
        }
      }
    }
    assertEquals(List.of(), empty);
  }

  @Test
  void aNotebooksMarkdownCellsAreSkippedAndACellNeedsNoSemicolon() {
    String notebook =
        "-- Databricks notebook source\n"
            + "-- MAGIC %md\n"
            + "-- MAGIC # Title; with a semicolon\n"
            + "-- MAGIC SELECT this is not run\n\n"
            + "-- COMMAND ----------\n\n"
            + "SELECT 1\n\n"
            + "-- COMMAND ----------\n\n"
            + "SELECT 2; SELECT 3;\n";
    assertEquals(List.of("SELECT 1", "SELECT 2", "SELECT 3"), SqlStatements.script(notebook));
    assertEquals(List.of("SELECT 1", "SELECT 2"), SqlStatements.script("SELECT 1;\nSELECT 2"));
  }
}
