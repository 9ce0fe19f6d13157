package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.OpsTables;
import io.saima.catalog.Warehouse;
import io.saima.ingest.Landing;
import io.saima.pipeline.LeaseHolder;
import io.saima.pipeline.WarehouseLease;
import io.saima.testing.SparkTestBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer per warehouse: a writing command refuses at once while another process holds the
 * warehouse's lease, and takes it over once that process was killed.
 */
class OneWriterAtATimeTest extends SparkTestBase {

  @Test
  void aSecondWriterIsRefusedAndTouchesNothingThenRecoversTheLeaseOfAKilledHolder(@TempDir Path dir)
      throws Exception {
    // An empty landing folder: the reference data alone is enough for ingest to write tables.
    Landing landing = new Landing(dir);
    Files.createDirectories(landing.landing);
    String warehouse = dir.resolve("warehouse").toString();
    String[] common = {
      "--landing", landing.landing.toString(),
      "--reference", landing.reference.toString(),
      "--warehouse", warehouse
    };
    Process holder = startHolder(warehouse, "nightly", "run-of-the-holder");
    try {
      String before = tree(dir.resolve("warehouse"));

      for (String[] command :
          List.of(
              concat(new String[] {"ingest"}, common),
              concat(new String[] {"nightly"}, common),
              new String[] {"build", "--warehouse", warehouse},
              new String[] {"score", "--warehouse", warehouse})) {
        CommandOutput refused = CommandOutput.run(command);

        assertEquals(1, refused.exitCode, refused.toString());
        assertTrue(refused.stderr.contains("is being written by another run"), refused.stderr);
        assertTrue(
            refused.stderr.contains(
                "nightly run run-of-the-holder on host "
                    + WarehouseLease.thisHostName()
                    + ", pid "
                    + holder.pid()
                    + ", started "),
            refused.stderr);
        assertEquals("", refused.stdout);
        assertEquals(
            "saima " + command[0] + ": failed: the warehouse " + warehouse,
            refused.firstLineOfStderr().substring(0, refused.firstLineOfStderr().indexOf(" is ")));
        assertTrue(!refused.stderr.contains("--verbose"), refused.stderr);
      }
      assertEquals(before, tree(dir.resolve("warehouse")), "the refused runs changed nothing");
    } finally {
      holder.destroyForcibly();
      assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
    }

    CommandOutput next = CommandOutput.run(concat(new String[] {"ingest"}, common));

    assertEquals(0, next.exitCode, next.toString());
    assertTrue(
        next.stderr.contains(
            "WARN  WarehouseLease: taking over the lease of "
                + warehouse
                + " from a run that is gone (pid "
                + holder.pid()
                + " is not running on this host): nightly run run-of-the-holder"),
        next.stderr);
    // The run's audit row: its host and each stage's outcome; the stage's progress on stderr.
    assertRows(
        "ops.job_runs",
        new Warehouse(spark(), warehouse)
            .read(OpsTables.JOB_RUNS.id())
            .selectExpr(
                "command",
                "outcome",
                "host",
                "size(stages)",
                "stages[0].name",
                "stages[0].outcome",
                "stages[0].seconds > 0 AND stages[0].started_at >= started_at"),
        row("ingest", "ok", WarehouseLease.thisHostName(), 1, "ingest", "ok", true));
    // The README's query of the stages, through saima sql.
    CommandOutput stages =
        CommandOutput.run(
            "sql",
            "--warehouse",
            warehouse,
            "-e",
            "SELECT command, host, s.name, s.outcome FROM ops.job_runs"
                + " LATERAL VIEW explode(stages) AS s ORDER BY started_at DESC, s.started_at",
            "--format",
            "csv");
    assertEquals(
        "command,host,name,outcome\ningest," + WarehouseLease.thisHostName() + ",ingest,ok\n",
        stages.stdout,
        stages.toString());
    assertTrue(next.stderr.contains("INFO  Nightly: stage 1/1 ingest: starts (run "), next.stderr);
    assertTrue(
        next.stderr.matches("(?s).*INFO  Nightly: stage 1/1 ingest: ok in \\d+\\.\\d s\n.*"),
        next.stderr);
    // released when the run ended: no holder, and the next writer takes it without a warning
    Configuration hadoop = spark().sparkContext().hadoopConfiguration();
    assertTrue(WarehouseLease.holder(hadoop, warehouse, Duration.ofMinutes(2)).isEmpty());
    try (WarehouseLease lease =
        WarehouseLease.acquire(hadoop, warehouse, "build", "run-3", Duration.ofMinutes(2))) {
      assertEquals(3, lease.generation());
    }
  }

  /** Starts a {@link LeaseHolder} in a JVM of its own and waits until it holds the lease. */
  static Process startHolder(String warehouse, String command, String runId) throws IOException {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    line.add("-Xmx128m");
    line.add("-XX:TieredStopAtLevel=1");
    line.add("-cp");
    line.add(System.getProperty("java.class.path"));
    line.add(LeaseHolder.class.getName());
    line.addAll(List.of(warehouse, command, runId));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder said = new StringBuilder();
    for (String l = out.readLine(); l != null; l = out.readLine()) {
      said.append(l).append('\n');
      if (l.startsWith("holding generation")) {
        return process;
      }
    }
    throw new AssertionError("the holder did not take the lease:\n" + said);
  }

  /** Every file under a folder with its size and modification time. */
  static String tree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .sorted()
          .map(
              p -> {
                try {
                  return root.relativize(p)
                      + " "
                      + Files.size(p)
                      + " "
                      + Files.getLastModifiedTime(p).toMillis();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .collect(Collectors.joining("\n"));
    }
  }

  static String[] concat(String[] a, String[] b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }
}
