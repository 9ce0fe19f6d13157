package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.TableContract;
import io.saima.catalog.TableId;
import io.saima.catalog.Warehouse;
import io.saima.testing.SparkTestBase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code saima sql} in its own JVM reads a warehouse while this JVM's session keeps writing to it:
 * there is no metastore for one to lock against the other.
 */
class SqlWhileNightWritesTest extends SparkTestBase {
  /** The writer's pause between two commits. */
  static final long WRITE_PAUSE_MS = 300;

  static final TableContract TICKS =
      TableContract.of(
          TableId.of("ops", "ticks"),
          "one row per write",
          new StructType().add("tick", DataTypes.IntegerType, false));

  @Test
  void sqlInAnotherProcessAnswersWhileASessionWritesTheSameWarehouse(@TempDir Path dir)
      throws Exception {
    Warehouse writer = new Warehouse(spark(), dir.resolve("warehouse").toString());
    writer.append(TICKS, spark().createDataFrame(List.of(RowFactory.create(0)), TICKS.schema()));
    AtomicInteger writes = new AtomicInteger(1);
    AtomicReference<Throwable> writeFailure = new AtomicReference<>();
    // A flag, not an interrupt: Hadoop's local file system swallows interrupts in the middle of a
    // write, so an interrupted writer could go on writing while the temporary folder is deleted.
    AtomicBoolean running = new AtomicBoolean(true);
    Thread night =
        new Thread(
            () -> {
              try {
                while (running.get()) {
                  writer.append(
                      TICKS,
                      spark()
                          .createDataFrame(
                              List.of(RowFactory.create(writes.getAndIncrement())),
                              TICKS.schema()));
                  // A night commits now and then, not back to back: the pause leaves the other
                  // JVM a core to start in on this two-core machine.
                  Thread.sleep(WRITE_PAUSE_MS);
                }
              } catch (RuntimeException e) {
                writeFailure.set(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    night.start();

    Process sql;
    String stdout;
    try {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx1g");
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-Dfile.encoding=UTF-8");
      command.addAll(List.of(JVM_OPENS));
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add("io.saima.cli.Main");
      command.addAll(
          List.of(
              "sql",
              "--warehouse",
              dir.resolve("warehouse").toString(),
              "-e",
              "SELECT count(*) >= 1 AS has_rows FROM ops.ticks",
              "--format",
              "csv"));
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
      builder.redirectError(dir.resolve("sql.err").toFile());
      builder.redirectOutput(dir.resolve("sql.out").toFile());
      sql = builder.start();
      assertTrue(sql.waitFor(10, TimeUnit.MINUTES), "sql did not finish");
      stdout = Files.readString(dir.resolve("sql.out"), StandardCharsets.UTF_8);
    } finally {
      running.set(false);
      night.join(TimeUnit.MINUTES.toMillis(5));
    }
    assertTrue(!night.isAlive(), "the writer stopped after its last write");

    String stderr = Files.readString(dir.resolve("sql.err"), StandardCharsets.UTF_8);
    assertEquals(0, sql.exitValue(), stderr);
    assertEquals("has_rows\ntrue\n", stdout);
    assertTrue(writeFailure.get() == null, String.valueOf(writeFailure.get()));
    assertTrue(writes.get() > 1, "the writer committed while sql ran");
    assertTrue(new File(dir.toFile(), "warehouse/ops/ticks/_delta_log").isDirectory());
  }

  static final String[] JVM_OPENS = {
    "-XX:+IgnoreUnrecognizedVMOptions",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
    "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
    "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
    "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
  };
}
