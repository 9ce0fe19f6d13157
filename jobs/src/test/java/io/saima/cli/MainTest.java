package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line without Spark: help, usage errors and what is checked before any work. */
class MainTest {

  private static final List<String> COMMANDS =
      List.of(
          "nightly",
          "ingest",
          "build",
          "score",
          "simulate",
          "report",
          "rebuild",
          "sql",
          "sql-server",
          "status",
          "maintain",
          "generate");

  @Test
  void helpListsTheCommandsEachWithAWholeSentenceAndTheExitCodes() {
    CommandOutput help = CommandOutput.run("--help");

    assertEquals(ExitCode.OK, help.exitCode);
    assertEquals(
        "Nightly county competition (赛马) metrics on Apache Spark and Delta Lake.",
        help.firstLineOfStdout());
    for (String command : COMMANDS) {
      String line =
          help.stdout
              .lines()
              .filter(l -> l.startsWith("  " + command + " "))
              .findFirst()
              .orElseThrow(() -> new AssertionError(command + " not listed:\n" + help.stdout));
      assertTrue(line.endsWith("."), "cut off: " + line);
    }
    assertTrue(help.stdout.contains("\nExit codes:\n  0   Success"), help.stdout);
    assertTrue(help.stdout.contains("\n  3   Partial: the night finished"), help.stdout);
    for (String line : help.stdout.lines().toList()) {
      assertTrue(line.length() <= Main.HELP_WIDTH, line.length() + ": " + line);
    }
  }

  @Test
  void everyCommandsHelpFitsInOneHundredColumnsAndListsItsExitCodes() {
    for (String command : COMMANDS) {
      CommandOutput help = CommandOutput.run(command, "--help");
      assertEquals(ExitCode.OK, help.exitCode, command);
      assertTrue(help.firstLineOfStdout().endsWith("."), command + ": " + help.firstLineOfStdout());
      for (String line : help.stdout.lines().toList()) {
        assertTrue(line.length() <= Main.HELP_WIDTH, command + ": " + line.length() + ": " + line);
      }
      assertTrue(help.stdout.contains("\nExit codes:\n  0   Success"), command);
      assertTrue(help.stdout.contains("\n  2   Bad usage"), command);
      boolean night = command.equals("nightly") || command.equals("ingest");
      assertEquals(night, help.stdout.contains("\n  3   Partial"), command);
    }
  }

  @Test
  void helpListsOnlyTheOptionsACommandUses() {
    String sql = CommandOutput.run("sql", "--help").stdout;
    assertTrue(sql.contains("--warehouse=DIR"), sql);
    assertFalse(sql.contains("--landing"), sql);
    assertFalse(sql.contains("--reference"), sql);

    String generate = CommandOutput.run("generate", "--help").stdout;
    assertTrue(generate.contains("--reference=DIR"), generate);
    assertFalse(generate.contains("--warehouse"), generate);
    assertFalse(generate.contains("--landing"), generate);
    assertFalse(generate.contains("--master"), generate);

    String score = CommandOutput.run("score", "--help").stdout;
    assertFalse(score.contains("--landing"), score);

    String nightly = CommandOutput.run("nightly", "--help").stdout;
    for (String option : List.of("--landing", "--reference", "--warehouse", "--master")) {
      assertTrue(nightly.contains(option + "="), option);
    }
  }

  @Test
  void anOptionACommandDoesNotUseIsRefused() {
    CommandOutput out = CommandOutput.run("sql", "--landing", "x", "-e", "SELECT 1");
    assertEquals(ExitCode.USAGE, out.exitCode);
    assertEquals("saima sql: unknown option '--landing'", out.firstLineOfStderr());
  }

  @Test
  void anUnknownCommandSuggestsTheClosestInOneLineWithoutTheUsage() {
    CommandOutput out = CommandOutput.run("scroe");
    assertEquals(ExitCode.USAGE, out.exitCode);
    assertEquals("saima: unknown command 'scroe'; did you mean 'score'?", out.firstLineOfStderr());
    assertEquals(
        List.of(
            "saima: unknown command 'scroe'; did you mean 'score'?",
            "Run 'saima --help' for the commands."),
        out.stderr.lines().toList());
    assertEquals("", out.stdout);
  }

  @Test
  void anUnknownOptionSuggestsTheClosest() {
    CommandOutput out = CommandOutput.run("sql", "--formt", "csv", "-e", "SELECT 1");
    assertEquals(ExitCode.USAGE, out.exitCode);
    assertEquals(
        "saima sql: unknown option '--formt'; did you mean '--format'?", out.firstLineOfStderr());
    assertFalse(out.stderr.contains("Usage:"), out.stderr);
  }

  @Test
  void noCommandIsBadUsageAndShowsTheUsage() {
    CommandOutput out = CommandOutput.run();
    assertEquals(ExitCode.USAGE, out.exitCode);
    assertEquals("saima: a command is required", out.firstLineOfStderr());
    assertTrue(out.stderr.contains("Usage: saima"), out.stderr);
  }

  @Test
  void aPeriodWithADashGetsTheSameHintAsAMonthOutOfRange() {
    CommandOutput dash = CommandOutput.run("score", "--period", "2020-06");
    assertEquals(ExitCode.USAGE, dash.exitCode);
    assertEquals(
        "saima score: --period expects YYYYMM (e.g. 202006), got '2020-06'; did you mean 202006?",
        dash.firstLineOfStderr());

    CommandOutput month13 = CommandOutput.run("score", "--period", "202013");
    assertEquals(ExitCode.USAGE, month13.exitCode);
    assertEquals(
        "saima score: --period expects YYYYMM (e.g. 202006), got '202013'",
        month13.firstLineOfStderr());

    CommandOutput simulate = CommandOutput.run("simulate", "--monte-carlo", "--period", "2020-6");
    assertEquals(ExitCode.USAGE, simulate.exitCode);
    assertEquals(
        "saima simulate: --period expects YYYYMM (e.g. 202006), got '2020-6'; did you mean 202006?",
        simulate.firstLineOfStderr());
  }

  @Test
  void anUnknownSchemeIsBadUsageNamingTheSchemesClosestFirst() {
    CommandOutput out = CommandOutput.run("score", "--scheme", "refrence");
    assertEquals(ExitCode.USAGE, out.exitCode);
    assertTrue(
        out.firstLineOfStderr()
            .startsWith(
                "saima score: --scheme refrence is not configured; the schemes are reference, "),
        out.toString());
  }

  @Test
  void anUnknownScenarioFileIsBadUsageNamingTheScenariosClosestFirst() {
    CommandOutput out = CommandOutput.run("simulate", "--scenario", "deqing-exports.yaml");
    assertEquals(ExitCode.USAGE, out.exitCode);
    String line = out.firstLineOfStderr();
    assertTrue(
        line.startsWith(
            "saima simulate: --scenario deqing-exports.yaml: no such file; the scenarios in "),
        line);
    assertTrue(line.contains(" are deqing-exports-plus-1-5bn.yaml, "), line);
  }

  @Test
  void anUnknownIndicatorIsBadUsageNamingTheClosestFirst() {
    CommandOutput out =
        CommandOutput.run(
            "simulate", "--gap-to-rank", "--region", "330521", "--indicator", "exprt");
    assertEquals(ExitCode.USAGE, out.exitCode);
    assertTrue(
        out.firstLineOfStderr()
            .startsWith(
                "saima simulate: --indicator exprt is not an indicator; the indicators are export, "),
        out.firstLineOfStderr());
  }

  @Test
  void aBadConfigurationFileIsExitTwoNamingTheKeyWithoutAStackTrace(@TempDir Path dir)
      throws Exception {
    Path conf = dir.resolve("bad.yaml");
    Files.writeString(conf, "warehouse: [1, 2]\n", StandardCharsets.UTF_8);
    CommandOutput result =
        CommandOutput.run(
            "generate", "--conf", conf.toString(), "--out", dir.resolve("out").toString());
    assertEquals(ExitCode.USAGE, result.exitCode);
    assertTrue(result.stderr.contains("warehouse: expected a path"), result.stderr);
    assertTrue(!result.stderr.contains("\tat "), result.stderr);
  }

  @Test
  void wrapBreaksAtSpacesOnly() {
    assertEquals(
        "reads gold.indicator_monthly\nand silver.regions",
        Main.wrap("reads gold.indicator_monthly and silver.regions", 30)
            .replace(System.lineSeparator(), "\n"));
  }

  @Test
  void closestNamesComeFirst() {
    assertEquals(
        List.of("330522", "330523", "331124", "110101"),
        Closest.to("330529", List.of("110101", "331124", "330523", "330522")));
  }
}
