package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.OpsTables;
import io.saima.catalog.TableContract;
import io.saima.catalog.TableId;
import io.saima.catalog.Warehouse;
import io.saima.config.ConfigLoader;
import io.saima.config.SaimaConfig;
import io.saima.pipeline.MaintainNightStage;
import io.saima.pipeline.NightContext;
import io.saima.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintainCommandTest extends SparkTestBase {

  static final TableContract TICKS =
      TableContract.of(
          TableId.of("ops", "ticks"),
          "one row per write",
          new StructType().add("tick", DataTypes.IntegerType, false));

  /** A table of {@code commits} one-row appends: one small file each. */
  private static Warehouse smallCommits(Path dir, int commits) {
    Warehouse warehouse = new Warehouse(spark(), dir.toString());
    for (int i = 0; i < commits; i++) {
      warehouse.append(
          TICKS, spark().createDataFrame(List.of(RowFactory.create(i)), TICKS.schema()));
    }
    return warehouse;
  }

  private static Path conf(Path dir, String yaml) throws IOException {
    Path conf = dir.resolve("maintain.yaml");
    Files.writeString(conf, yaml);
    return conf;
  }

  @Test
  void maintainCompactsSmallFilesAndTimeTravelWithinTheRetentionStillWorks(@TempDir Path dir)
      throws IOException {
    Path root = dir.resolve("warehouse");
    Warehouse warehouse = smallCommits(root, 5);
    String path = warehouse.path(TICKS.id());
    // The table promises a week of history (the sessions' default is sql.history_days).
    spark()
        .sql(
            "ALTER TABLE delta.`"
                + path
                + "` SET TBLPROPERTIES ('delta.deletedFileRetentionDuration' = 'interval 7 days')");
    assertEquals(5, DeltaLog.forTableWithSnapshot(spark(), path)._2().numOfFiles());

    CommandOutput maintain =
        CommandOutput.run(
            "maintain",
            "--warehouse",
            root.toString(),
            "--conf",
            conf(dir, "maintain:\n  retention_days: 7\n").toString());

    assertEquals(0, maintain.exitCode, maintain.toString());
    assertEquals(1, DeltaLog.forTableWithSnapshot(spark(), path)._2().numOfFiles());
    assertTrue(
        maintain.stdout.matches(
            "maintained tables\n.*\n.*\nops\\.ticks +5 +1 +\\d+ +\\d+ +\\d+ +7 +\\d+\n\\(1 row\\)\n"),
        maintain.stdout);
    // Version 2 (three rows) was written by files OPTIMIZE replaced; VACUUM kept them.
    assertRows(
        "version 2 of ops.ticks",
        spark().sql("SELECT count(*) AS row_count FROM delta.`" + path + "` VERSION AS OF 2"),
        row(3L));
    assertEquals(5L, warehouse.read(TICKS.id()).count());
    assertRows(
        "ops.job_runs",
        warehouse
            .read(OpsTables.JOB_RUNS.id())
            .selectExpr(
                "command",
                "outcome",
                "exit_code",
                "rows['maintained_tables']",
                "array_join(stages.name, ',')",
                "size(delta_versions)"),
        row("maintain", "ok", 0, 1L, "maintain", 0));

    // The night's weekly maintenance: not on another day, nor twice in a week.
    SaimaConfig weekly =
        ConfigLoader.forThisProcess()
            .load(
                conf(dir, "maintain:\n  retention_days: 7\n  weekly_on: sunday\n"),
                Map.of("warehouse", root.toString()),
                List.of());
    NightContext sunday = night(warehouse, weekly, LocalDate.of(2020, 6, 14));
    new MaintainNightStage().run(sunday);
    assertFalse(sunday.rows().containsKey(MaintainNightStage.MAINTAINED_TABLES), "done this week");
  }

  @Test
  void theNightMaintainsTheTablesOnTheConfiguredDayOnly(@TempDir Path dir) throws IOException {
    // No table yet: what is decided here is whether the stage runs, not what it does to a table.
    Warehouse warehouse = new Warehouse(spark(), dir.resolve("warehouse").toString());
    SaimaConfig weekly =
        ConfigLoader.forThisProcess()
            .load(
                conf(dir, "maintain:\n  weekly_on: Sunday\n"),
                Map.of("warehouse", warehouse.root()),
                List.of());

    NightContext monday = night(warehouse, weekly, LocalDate.of(2020, 6, 15));
    new MaintainNightStage().run(monday);
    NightContext sunday = night(warehouse, weekly, LocalDate.of(2020, 6, 14));
    new MaintainNightStage().run(sunday);

    assertFalse(monday.rows().containsKey(MaintainNightStage.MAINTAINED_TABLES));
    assertEquals(0L, sunday.rows().get(MaintainNightStage.MAINTAINED_TABLES));
  }

  @Test
  void anUnknownWeekdayIsBadConfiguration(@TempDir Path dir) throws IOException {
    CommandOutput refused =
        CommandOutput.run(
            "nightly",
            "--warehouse",
            dir.resolve("warehouse").toString(),
            "--conf",
            conf(dir, "maintain:\n  weekly_on: sundays\n").toString());

    assertEquals(2, refused.exitCode, refused.toString());
    assertTrue(
        refused.stderr.contains(
            "maintain.weekly_on: expected a day of the week (monday … sunday), got 'sundays'"),
        refused.stderr);
    assertFalse(Files.exists(dir.resolve("warehouse")));
  }

  @Test
  void aRetentionBelowAWeekIsRefusedAsBadConfigurationAndNothingIsTouched(@TempDir Path dir)
      throws IOException {
    Path root = dir.resolve("warehouse");
    smallCommits(root, 2);
    String before = OneWriterAtATimeTest.tree(root);

    CommandOutput refused =
        CommandOutput.run(
            "maintain",
            "--warehouse",
            root.toString(),
            "--conf",
            conf(dir, "maintain:\n  retention_days: 6\n").toString());

    assertEquals(2, refused.exitCode, refused.toString());
    assertTrue(
        refused.firstLineOfStderr().startsWith("saima maintain: configuration error: "),
        refused.stderr);
    assertTrue(
        refused.stderr.contains(
            "maintain.retention_days: 6 days is below the 7 days of history every table keeps"),
        refused.stderr);
    assertEquals(before, OneWriterAtATimeTest.tree(root));
  }

  private static NightContext night(Warehouse warehouse, SaimaConfig config, LocalDate day) {
    return new NightContext(warehouse, config, "run-" + day, Instant.now(), day);
  }
}
