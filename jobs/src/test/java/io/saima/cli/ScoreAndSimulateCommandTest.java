package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.GoldTables;
import io.saima.catalog.SimulationTables;
import io.saima.catalog.Warehouse;
import io.saima.scoring.ScoringFixtures;
import io.saima.testing.SparkTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real command line on the four-county fixture. */
class ScoreAndSimulateCommandTest extends SparkTestBase {

  /**
   * The four-county fixture for the tests that only read it (and write simulation tables no other
   * of them reads), written once: each write of it costs seconds.
   */
  @TempDir static Path shared;

  private static Warehouse fixture;

  private static synchronized Warehouse fixture() {
    if (fixture == null) {
      fixture = new Warehouse(spark(), shared.toString());
      ScoringFixtures.writeReference(fixture, spark());
    }
    return fixture;
  }

  @Test
  void scoreThenGapToRankWriteTheirTables(@TempDir Path dir) {
    Warehouse warehouse = new Warehouse(spark(), dir.toString());
    ScoringFixtures.writeReference(warehouse, spark());

    CommandOutput score = CommandOutput.run("score", "--warehouse", dir.toString());
    assertEquals(ExitCode.OK, score.exitCode, score.toString());
    assertEquals("scheme mountain: 2 period(s) 202005..202006", score.firstLineOfStdout());
    assertEquals(
        "INFO  ScoreStage: scheme mountain: scored 2 period(s)", score.firstLineOfStderr());
    // Every scheme's slice in one commit per table.
    for (String table : List.of("competition_scores", "competition_ranking", "score_gaps")) {
      assertTrue(
          score.stderr.contains(
              "INFO  Warehouse: wrote gold."
                  + table
                  + " (replaced where (scheme = 'mountain') OR (scheme = 'opening')"
                  + " OR (scheme = 'reference'))"),
          score.stderr);
    }
    List<Row> ranking =
        warehouse
            .read(GoldTables.COMPETITION_RANKING.id())
            .filter("period = 202006")
            .select("scheme", "region_code", "rank")
            .collectAsList();
    // reference: the four counties; mountain: only 松阳 of group mountain26
    assertEquals(
        4, ranking.stream().filter(r -> r.<String>getAs("scheme").equals("reference")).count());
    assertEquals(
        1, ranking.stream().filter(r -> r.<String>getAs("scheme").equals("mountain")).count());

    CommandOutput gapRun =
        CommandOutput.run(
            "simulate",
            "--gap-to-rank",
            "--region",
            ScoringFixtures.A,
            "--scheme",
            "reference",
            "--warehouse",
            dir.toString());
    assertEquals(ExitCode.OK, gapRun.exitCode, gapRun.toString());
    assertEquals(
        "INFO  SimulateCommand: gap to rank: county 330521, 1 scheme(s)",
        gapRun.firstLineOfStderr());
    assertEquals("gold.rank_gaps", gapRun.firstLineOfStdout(), "table format titles the result");
    assertTrue(
        gapRun.stdout.lines().toList().get(1).matches("scheme +period +region_code +indicator .*"),
        gapRun.stdout);
    assertTrue(gapRun.stderr.contains("INFO  Warehouse: wrote gold.rank_gaps"), gapRun.stderr);

    List<Row> gaps =
        warehouse
            .read(SimulationTables.RANK_GAPS.id())
            .select("region_code", "verified", "ranked_on", "reachable")
            .collectAsList();
    long reachable = gaps.stream().filter(g -> g.<Boolean>getAs("reachable")).count();
    assertTrue(
        gapRun.stderr.contains(
            "gap to rank: " + gaps.size() + " gap(s) for 330521, " + reachable + " reachable"),
        gapRun.stderr);
    assertEquals(
        3,
        gaps.stream().filter(g -> g.<String>getAs("ranked_on").equals("total_score")).count(),
        "德清 is 4th: a gap on its total score by each indicator");
    // The fixture gives growth without last year's figures, so an added amount leaves 德清 with
    // no growth: its retail growth (the best, 100 points) turns null (60) and the total can only
    // fall behind 长兴's 80; export and FDI can still lift it. Every reachable gap is verified.
    for (Row gap : gaps) {
      assertEquals(ScoringFixtures.A, gap.getAs("region_code"));
      assertTrue(
          gap.<Boolean>getAs("verified") || !gap.<Boolean>getAs("reachable"), gap.toString());
    }
    assertEquals(
        2,
        gaps.stream()
            .filter(
                g ->
                    g.<String>getAs("ranked_on").equals("total_score")
                        && g.<Boolean>getAs("verified"))
            .count(),
        gaps.toString());
  }

  @Test
  void anUnknownCountyIsBadUsageNamingTheClosestCountiesAndWritesNothing() {
    Warehouse warehouse = fixture();
    Path dir = shared;

    CommandOutput out =
        CommandOutput.run(
            "simulate", "--gap-to-rank", "--region", "330529", "--warehouse", dir.toString());

    assertEquals(ExitCode.USAGE, out.exitCode, out.toString());
    assertEquals(
        "saima simulate: --region 330529 is not a county of silver.regions; the closest are"
            + " 330521 德清县, 330522 长兴县, 330523 安吉县, 331124 松阳县",
        out.firstLineOfStderr());
    assertEquals("", out.stdout);
    assertTrue(!warehouse.exists(SimulationTables.RANK_GAPS.id()));
  }

  @Test
  void aPeriodWithoutFiguresIsBadUsageNamingTheNearestThatHaveThem() {
    Warehouse warehouse = fixture();
    Path dir = shared;

    CommandOutput score =
        CommandOutput.run("score", "--period", "201912", "--warehouse", dir.toString());
    assertEquals(ExitCode.USAGE, score.exitCode, score.toString());
    assertEquals(
        "saima score: --period 201912 has no county figures; the nearest periods that do are"
            + " 202005, 202006",
        score.firstLineOfStderr());

    CommandOutput gap =
        CommandOutput.run(
            "simulate",
            "--gap-to-rank",
            "--region",
            ScoringFixtures.A,
            "--period",
            "202007",
            "--warehouse",
            dir.toString());
    assertEquals(ExitCode.USAGE, gap.exitCode);
    assertEquals(
        "saima simulate: --period 202007 has no county figures; the nearest periods that do are"
            + " 202006, 202005",
        gap.firstLineOfStderr());
  }

  @Test
  void theMonteCarloPrintsItsTwoResultSetsForOneCountyWithProgressAndASummary() {
    Warehouse warehouse = fixture();
    Path dir = shared;

    CommandOutput out =
        CommandOutput.run(
            "simulate",
            "--monte-carlo",
            "--trials",
            "101",
            "--scheme",
            "reference",
            "--region",
            ScoringFixtures.A,
            "--format",
            "csv",
            "--warehouse",
            dir.toString());

    assertEquals(ExitCode.OK, out.exitCode, out.toString());
    assertEquals(
        "INFO  SimulateCommand: monte carlo: 101 trials, seed 2020, schemes reference; reading"
            + " the gold figures",
        out.firstLineOfStderr());
    assertEquals(
        "scheme,as_of_period,region_code,region_name,current_rank,most_likely_rank,"
            + "expected_rank,rank_p10,rank_p90",
        out.firstLineOfStdout());
    List<String> lines = out.stdout.lines().toList();
    assertEquals(1, lines.stream().filter(l -> l.startsWith("reference,")).count(), out.stdout);
    assertTrue(lines.get(1).startsWith("reference,202006,330521,德清县,"), out.stdout);
    assertEquals("", lines.get(2), "a blank line between the two result sets");
    assertTrue(lines.get(3).startsWith("region_code,indicator,target_period,"), out.stdout);
    assertTrue(out.stderr.contains("monte carlo: 101/101 trials done (100%)"), out.stderr);
    assertTrue(
        out.stderr.contains("INFO  Warehouse: wrote gold.rank_simulation (replaced)"), out.stderr);
    assertTrue(
        out.stderr.matches(
            "(?s).*INFO  SimulateCommand: monte carlo: 101 trials as of 202006 in [0-9.]+ s: wrote"
                + " gold.rank_simulation \\(4 rows\\) and gold.target_probability \\(0 rows\\);"
                + " printed 1 and 0 for 330521\n.*"),
        out.stderr);
    assertEquals(
        4L, warehouse.read(SimulationTables.RANK_SIMULATION.id()).count(), "all counties written");
  }

  @Test
  void aScenarioPrintsItsResultsThroughTheFormatterForOneCounty(@TempDir Path files)
      throws Exception {
    fixture();
    Path dir = shared;
    Path scenario = files.resolve("weights.yaml");
    Files.writeString(
        scenario,
        "name: weights\nperiod: 202006\nadjustments:\n  - {type: weights, scheme: reference,"
            + " indicators: {export: 0.5, fdi_actual: 0.25, retail_sales: 0.25}}\n",
        StandardCharsets.UTF_8);

    CommandOutput out =
        CommandOutput.run(
            "simulate",
            "--scenario",
            scenario.toString(),
            "--scheme",
            "reference",
            "--region",
            ScoringFixtures.A,
            "--format",
            "json",
            "--warehouse",
            dir.toString());

    assertEquals(ExitCode.OK, out.exitCode, out.toString());
    assertEquals(
        "INFO  SimulateCommand: scenario " + scenario + ": scoring 1 scheme(s)",
        out.firstLineOfStderr());
    // 德清 under the scenario's weights: 0.5 × 60 + 0.25 × 80 + 0.25 × 90 = 72.5 (was 75).
    List<String> lines = out.stdout.lines().toList();
    assertEquals(1, lines.size(), out.stdout);
    assertTrue(
        lines
            .get(0)
            .startsWith(
                "{\"scenario\":\"weights\",\"scheme\":\"reference\",\"period\":202006,"
                    + "\"region_code\":\"330521\",\"region_name\":\"德清县\","),
        out.stdout);
    assertTrue(
        lines.get(0).contains("\"total_score_scenario\":72.5,\"score_change\":-2.5,"), out.stdout);
  }

  @Test
  void anInvalidSchemeFileIsRefusedWithExitTwo(@TempDir Path dir) throws Exception {
    Path schemes = Files.createDirectories(dir.resolve("scoring"));
    Files.writeString(
        schemes.resolve("bad.yaml"),
        "name: bad\nindicators:\n  export: {weight: 0.5, measures: {value_ytd: {weight: 1}}}\n",
        StandardCharsets.UTF_8);
    Path conf = dir.resolve("conf.yaml");
    Files.writeString(conf, "scoring:\n  schemes: " + schemes + "\n", StandardCharsets.UTF_8);
    assertEquals(
        ExitCode.USAGE,
        Main.run("score", "--conf", conf.toString(), "--warehouse", dir.toString()));
  }

  @Test
  void gapToRankWithoutARegionIsBadUsage() {
    assertEquals(ExitCode.USAGE, Main.run("simulate", "--gap-to-rank"));
  }
}
