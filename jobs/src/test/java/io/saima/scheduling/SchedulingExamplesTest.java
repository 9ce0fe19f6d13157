package io.saima.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduling examples of jobs/scheduling/ are what data engineers copy onto their hosts, so
 * each is checked by the tool that will read it: Python compiles the Airflow DAG and a syntax-tree
 * check holds its SparkSubmitOperator to the operator's real arguments; systemd verifies the units;
 * bash reads the cron wrapper, which then runs for real with trivial commands in place of saima. No
 * Spark here.
 */
class SchedulingExamplesTest {
  private static final Path HOME = Path.of(System.getProperty("saima.home", "..")).toAbsolutePath();
  private static final Path SCHEDULING = HOME.resolve("jobs/scheduling");
  private static final Path WRAPPER = SCHEDULING.resolve("saima-run");
  private static final Path DAG = SCHEDULING.resolve("airflow/saima_nightly.py");
  private static final Path DAG_CHECK =
      HOME.resolve("jobs/src/test/resources/io/saima/scheduling/check_airflow_dag.py");
  private static final String INSTALLED_AT = "/srv/saima";
  private static final int LOCK_BUSY = 75;

  @TempDir Path temp;

  @Test
  void airflowDagCompiles() throws Exception {
    Run compiled =
        run(
            List.of("python3", "-m", "py_compile", DAG.toString()),
            Map.of("PYTHONPYCACHEPREFIX", temp.resolve("pycache").toString()));
    assertEquals(0, compiled.status, compiled.output());
  }

  @Test
  void airflowDagCallsSparkSubmitOperatorWithItsOwnArgumentNamesAndSaimasValues() throws Exception {
    Run checked = checkDag(DAG);
    assertEquals(0, checked.status, checked.output());
  }

  @Test
  void dagCheckRefusesAnArgumentTheOperatorDoesNotHave() throws Exception {
    String dag = Files.readString(DAG, StandardCharsets.UTF_8);
    assertTrue(dag.contains("java_class="));
    Path misspelt = temp.resolve("misspelt_dag.py");
    Files.writeString(misspelt, dag.replace("java_class=", "main_class="), StandardCharsets.UTF_8);
    Run checked = checkDag(misspelt);
    assertEquals(1, checked.status, checked.output());
    assertTrue(
        checked.stderr.contains("SparkSubmitOperator has no argument main_class"),
        checked.output());
  }

  @Test
  void readmeShowsTheSparkSubmitCommandLineTheDagProduces() throws Exception {
    Run checked = checkDag(DAG);
    assertEquals(0, checked.status, checked.output());
    List<String> fromDag = checked.stdout.lines().toList();
    // JFreeChart is not in the application jar (LGPL: it ships beside it, unmodified).
    int jars = fromDag.indexOf("--jars");
    assertTrue(jars > 0, "the DAG passes JFreeChart with --jars: " + fromDag);
    assertEquals(
        INSTALLED_AT + "/jobs/target/lib/jfreechart-" + pomProperty("jfreechart.version") + ".jar",
        fromDag.get(jars + 1));

    // The README's block, run by bash with a spark-submit that prints its arguments one a line.
    String block = readmeBlockAfter("### Airflow", "spark-submit --master");
    Run fromReadme =
        run(
            List.of(
                "bash",
                "-c",
                "set -eu\nspark-submit() { printf '%s\\n' spark-submit \"$@\"; }\n" + block),
            Map.of());
    assertEquals(0, fromReadme.status, fromReadme.output());
    assertEquals(fromDag, fromReadme.stdout.lines().toList(), "README.md, ### Airflow");
  }

  @Test
  void systemdUnitsVerify() throws Exception {
    Path service = SCHEDULING.resolve("systemd/saima-nightly.service");
    Path timer = SCHEDULING.resolve("systemd/saima-nightly.timer");
    String serviceText = Files.readString(service, StandardCharsets.UTF_8);
    String timerText = Files.readString(timer, StandardCharsets.UTF_8);
    assertTrue(timerText.contains("\nPersistent=true\n"), "the timer catches up a missed night");
    assertTrue(timerText.contains("\nOnCalendar=*-*-* 02:30:00\n"), timerText);
    assertTrue(serviceText.contains("\nUser=saima\n"), "a dedicated user");
    assertTrue(serviceText.contains("\nWorkingDirectory=" + INSTALLED_AT + "\n"), serviceText);
    assertTrue(
        serviceText.contains("\nExecStart=" + INSTALLED_AT + "/jobs/scheduling/saima-run nightly"),
        "the service runs the cron wrapper, so both share its lock, logs and exit codes");
    for (String line : serviceText.lines().toList()) {
      if (line.startsWith("Environment")) {
        assertFalse(
            line.matches("(?i).*(password|secret|token|access_?key|credential).*"),
            "no secrets in a world-readable unit: " + line);
      }
    }

    assumeTrue(
        onPath("systemd-analyze"),
        "systemd-analyze is not installed (Debian's systemd package; .ci/run installs it)");
    // The units as installed where this checkout is: systemd checks that ExecStart= exists.
    Path units = Files.createDirectories(temp.resolve("units"));
    for (Path unit : List.of(service, timer)) {
      String installed =
          Files.readString(unit, StandardCharsets.UTF_8).replace(INSTALLED_AT, HOME.toString());
      Files.writeString(units.resolve(unit.getFileName()), installed, StandardCharsets.UTF_8);
    }
    Run verified =
        run(
            List.of(
                "systemd-analyze",
                "verify",
                units.resolve("saima-nightly.service").toString(),
                units.resolve("saima-nightly.timer").toString()),
            Map.of("SYSTEMD_LOG_COLOR", "0"));
    assertEquals(0, verified.status, verified.output());
    // Unknown keys and bad values are warnings, not failures: any word about our units is one.
    assertFalse(verified.output().contains("saima-nightly"), verified.output());
  }

  @Test
  void cronWrapperIsValidBash() throws Exception {
    Run parsed = run(List.of("bash", "-n", WRAPPER.toString()), Map.of());
    assertEquals(0, parsed.status, parsed.output());
    assertTrue(Files.isExecutable(WRAPPER), WRAPPER + " is executable");
    if (onPath("shellcheck")) {
      Run linted = run(List.of("shellcheck", WRAPPER.toString()), Map.of());
      assertEquals(0, linted.status, linted.output());
    }
  }

  @Test
  void cronEntriesRunTheWrapperAsTheSaimaUser() throws Exception {
    List<String> jobs =
        Files.readAllLines(SCHEDULING.resolve("saima.cron"), StandardCharsets.UTF_8).stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.matches("^\\w+=.*"))
            .toList();
    assertFalse(jobs.isEmpty());
    for (String job : jobs) {
      String[] fields = job.trim().split("\\s+", 7);
      assertEquals(7, fields.length, "five time fields, the user, the command: " + job);
      assertEquals("saima", fields[5], job);
      assertTrue(fields[6].contains("jobs/scheduling/saima-run "), job);
      assertFalse(fields[6].contains("%"), "cron turns % into a newline: " + job);
    }
    assertTrue(jobs.get(0).contains("saima-run nightly"), jobs.get(0));
  }

  @Test
  void aSecondRunWhileOneHoldsTheLockExitsWithoutRunning() throws Exception {
    Path logs = temp.resolve("logs");
    ProcessBuilder first =
        new ProcessBuilder(WRAPPER.toString(), "5")
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("first.out").toFile());
    first.environment().putAll(wrapperEnvironment(logs, "sleep"));
    Process running = first.start();
    try {
      awaitStarted(logs, "starting: sleep 5");

      Path marker = temp.resolve("second-ran");
      Run second =
          run(List.of(WRAPPER.toString(), marker.toString()), wrapperEnvironment(logs, "touch"));
      assertEquals(LOCK_BUSY, second.status, second.output());
      assertTrue(second.stderr.contains("another run holds"), second.output());
      assertFalse(Files.exists(marker), "the second run did not run its command");
    } finally {
      assertTrue(running.waitFor(30, TimeUnit.SECONDS), "the first run ends");
    }
    assertEquals(0, running.exitValue());
  }

  @Test
  void theLockIsFreeOnceARunHasEnded() throws Exception {
    Path logs = temp.resolve("logs");
    Run first = run(List.of(WRAPPER.toString(), "0"), wrapperEnvironment(logs, "sleep"));
    assertEquals(0, first.status, first.output());
    Path marker = temp.resolve("second-ran");
    Run second =
        run(List.of(WRAPPER.toString(), marker.toString()), wrapperEnvironment(logs, "touch"));
    assertEquals(0, second.status, second.output());
    assertTrue(Files.exists(marker));
  }

  @Test
  void exitCodesPassThroughAndOnlyTroubleIsPrinted() throws Exception {
    Path logs = temp.resolve("logs");
    Run ok = run(List.of(WRAPPER.toString(), "-c", "echo fine"), wrapperEnvironment(logs, "sh"));
    assertEquals(0, ok.status, ok.output());
    assertEquals("", ok.stdout + ok.stderr, "a good night prints nothing, so cron mails nothing");

    Map<Integer, String> meanings =
        Map.of(1, "failed", 2, "bad usage or configuration", 3, "partial");
    for (Map.Entry<Integer, String> expected : meanings.entrySet()) {
      int code = expected.getKey();
      Run run =
          run(
              List.of(WRAPPER.toString(), "-c", "echo 'what went wrong' >&2; exit " + code),
              wrapperEnvironment(logs, "sh"));
      assertEquals(code, run.status, run.output());
      assertTrue(run.stderr.contains("exit " + code + ", " + expected.getValue()), run.output());
      assertTrue(run.stderr.contains("what went wrong"), "the log's last lines: " + run.output());
    }
    try (Stream<Path> files = Files.list(logs)) {
      List<String> all = new ArrayList<>();
      for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
        all.add(Files.readString(log, StandardCharsets.UTF_8));
      }
      assertEquals(4, all.size(), "one dated log a run: " + all);
      assertTrue(all.stream().anyMatch(log -> log.contains("fine\n")), all.toString());
    }
  }

  @Test
  void logsOlderThanTheRetentionAreDeleted() throws Exception {
    Path logs = Files.createDirectories(temp.resolve("logs"));
    Path old = logs.resolve("saima-20200101-023000-1.log");
    Path recent = logs.resolve("saima-20200102-023000-2.log");
    Path other = logs.resolve("notes.log");
    for (Path file : List.of(old, recent, other)) {
      Files.writeString(file, "x", StandardCharsets.UTF_8);
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
    }
    Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofDays(5))));
    Map<String, String> environment = new HashMap<>(wrapperEnvironment(logs, "true"));
    environment.put("SAIMA_LOG_DAYS", "30");
    Run run = run(List.of(WRAPPER.toString()), environment);
    assertEquals(0, run.status, run.output());
    assertFalse(Files.exists(old), "a log older than SAIMA_LOG_DAYS");
    assertTrue(Files.exists(recent));
    assertTrue(Files.exists(other), "only saima's own logs are pruned");
  }

  private Run checkDag(Path dag) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of("python3", DAG_CHECK.toString(), dag.toString(), "yarn", "2026-12-06"));
    command.addAll(sparkJvmOpens());
    return run(command, Map.of("PYTHONDONTWRITEBYTECODE", "1"));
  }

  /** The Java 17 flags Spark needs, as the parent POM's spark.jvm.opens lists them. */
  private static List<String> sparkJvmOpens() throws IOException {
    List<String> flags = Arrays.asList(pomProperty("spark.jvm.opens").split("\\s+"));
    assertTrue(flags.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), flags.toString());
    return flags;
  }

  private static String pomProperty(String name) throws IOException {
    String pom = Files.readString(HOME.resolve("pom.xml"), StandardCharsets.UTF_8);
    Matcher value =
        Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">")
            .matcher(pom);
    assertTrue(value.find(), "pom.xml has the property " + name);
    return value.group(1).trim();
  }

  /** The shell lines of the first ```bash block after the heading that contain the marker. */
  private static String readmeBlockAfter(String heading, String marker) throws IOException {
    String readme = Files.readString(HOME.resolve("README.md"), StandardCharsets.UTF_8);
    int at = readme.indexOf("\n" + heading + "\n");
    assertTrue(at >= 0, "README.md has " + heading);
    Matcher block = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL).matcher(readme);
    while (block.find(at)) {
      if (block.group(1).contains(marker)) {
        return block.group(1);
      }
      at = block.end();
    }
    throw new AssertionError("README.md has no bash block with '" + marker + "' after " + heading);
  }

  private static Map<String, String> wrapperEnvironment(Path logs, String command) {
    return Map.of("SAIMA_LOG_DIR", logs.toString(), "SAIMA_COMMAND", command);
  }

  private static void awaitStarted(Path logs, String line) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(logs)) {
        try (Stream<Path> files = Files.list(logs)) {
          for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
            if (Files.readString(log, StandardCharsets.UTF_8).contains(line)) {
              return;
            }
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the first run did not start in 20 s: no '" + line + "' in " + logs);
  }

  private static boolean onPath(String program) throws IOException, InterruptedException {
    return run(List.of("bash", "-c", "command -v " + program), Map.of()).status == 0;
  }

  private record Run(int status, String stdout, String stderr) {
    String output() {
      return "exit " + status + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
  }

  private static Run run(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile("saima-scheduling", ".out");
    Path err = Files.createTempFile("saima-scheduling", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("did not end in 60 s: " + command);
      }
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
