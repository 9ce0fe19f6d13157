package io.saima.cli;

import io.saima.catalog.TableId;
import io.saima.catalog.Warehouse;
import io.saima.config.SaimaConfig;
import io.saima.ingest.IngestInputs;
import io.saima.ingest.ReaderApiInputs;
import io.saima.pipeline.JobRuns;
import io.saima.pipeline.MaintainNightStage;
import io.saima.pipeline.NightContext;
import io.saima.pipeline.Nightly;
import io.saima.pipeline.SparkSessions;
import io.saima.pipeline.Stage;
import io.saima.pipeline.WarehouseLease;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * Runs stages as one recorded run: a run id, the stages in order, and the {@code ops.job_runs} row
 * whatever the outcome. Exit 0 when all went well, 3 when the night finished with refused
 * deliveries or failed checks; a stage that throws is recorded as failed and the error goes on to
 * the command line (exit 1).
 */
final class NightRunner {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(NightRunner.class);

  private NightRunner() {}

  static int run(
      CommonOptions common,
      String command,
      LocalDate asOf,
      Function<IngestInputs, List<Stage>> stages,
      PrintStream out) {
    return run(common, command, asOf, List.of("landing", "reference"), stages, out);
  }

  /**
   * @param requiredInputs the configured folders the command reads, checked before anything runs
   */
  static int run(
      CommonOptions common,
      String command,
      LocalDate asOf,
      List<String> requiredInputs,
      Function<IngestInputs, List<Stage>> stages,
      PrintStream out) {
    SaimaConfig config = common.load(requiredInputs);
    // The night's weekly maintenance settings are checked before anything is written.
    MaintainNightStage.weeklyOn(config);
    MaintainNightStage.retentionDays(config);
    IngestInputs inputs = new ReaderApiInputs(config);
    SparkSession spark = SparkSessions.create(config);
    Warehouse warehouse = new Warehouse(spark, config.warehouse());
    String runId = UUID.randomUUID().toString();
    try (WarehouseLease lease = CommonOptions.lease(warehouse, config, command, runId)) {
      return runHoldingLease(common, command, asOf, stages, out, config, inputs, warehouse, runId);
    }
  }

  private static int runHoldingLease(
      CommonOptions common,
      String command,
      LocalDate asOf,
      Function<IngestInputs, List<Stage>> stages,
      PrintStream out,
      SaimaConfig config,
      IngestInputs inputs,
      Warehouse warehouse,
      String runId) {
    Instant startedAt = Instant.now();
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("landing", config.landing());
    parameters.put("warehouse", config.warehouse());
    parameters.put("reference", config.reference());
    if (asOf != null) {
      parameters.put("as_of", asOf.toString());
    }
    if (common.conf != null) {
      parameters.put("conf", common.conf);
    }
    parameters.put("master", warehouse.spark().sparkContext().master());
    NightContext night = new NightContext(warehouse, config, runId, startedAt, asOf);
    Map<TableId, Long> versionsBefore = versions(warehouse);
    try {
      Nightly.run(stages.apply(inputs), night);
    } catch (RuntimeException e) {
      recordVersionsWritten(warehouse, versionsBefore, night);
      JobRuns.record(
          warehouse,
          runId,
          command,
          parameters,
          startedAt,
          Instant.now(),
          JobRuns.FAILED,
          ExitCode.FAILURE,
          night.rows(),
          night.versions(),
          e.getMessage(),
          night.stages());
      throw e;
    }
    recordVersionsWritten(warehouse, versionsBefore, night);
    boolean partial = !night.problems().isEmpty();
    int exit = partial ? ExitCode.PARTIAL : ExitCode.OK;
    String message = partial ? String.join("\n", night.problems()) : null;
    JobRuns.record(
        warehouse,
        runId,
        command,
        parameters,
        startedAt,
        Instant.now(),
        partial ? JobRuns.PARTIAL : JobRuns.OK,
        exit,
        night.rows(),
        night.versions(),
        message,
        night.stages());
    out.println(
        command
            + " "
            + (partial ? "finished with problems" : "ok")
            + ": run "
            + runId
            + ", "
            + night.rows().getOrDefault("deliveries_ingested", 0L)
            + " deliveries ingested, "
            + night.rows().getOrDefault("lines_read", 0L)
            + " lines read, "
            + night.rows().getOrDefault("rows_quarantined", 0L)
            + " quarantined, "
            + night.rewritten().size()
            + " source-months rewritten");
    for (String problem : night.problems()) {
      out.println("problem: " + problem);
    }
    for (String waiting : night.waiting()) {
      out.println("waiting: " + waiting);
    }
    return exit;
  }

  /** The latest Delta version of every table of the warehouse. */
  static Map<TableId, Long> versions(Warehouse warehouse) {
    Map<TableId, Long> versions = new LinkedHashMap<>();
    for (TableId id : warehouse.list()) {
      warehouse.version(id).ifPresent(v -> versions.put(id, v));
    }
    return versions;
  }

  /**
   * Adds to the run's {@code delta_versions} every table whose version the run moved, at the
   * version it left: the revision audit (report.数据修订) reads two runs' gold tables at the versions
   * they wrote. What a stage recorded itself stays as it is. The night's weekly maintenance moves
   * every table's version without changing its data: the versions before it are what the run wrote.
   */
  private static void recordVersionsWritten(
      Warehouse warehouse, Map<TableId, Long> before, NightContext night) {
    Map<String, Long> moved =
        moved(before, night.versionsBeforeMaintenance().orElseGet(() -> versions(warehouse)));
    moved.forEach(night.versions()::putIfAbsent);
    LOG.info("run {} moved {} tables: {}", night.runId(), moved.size(), moved);
  }

  /** The tables whose version differs between the two, by name, at their version {@code after}. */
  static Map<String, Long> moved(Map<TableId, Long> before, Map<TableId, Long> after) {
    Map<String, Long> moved = new LinkedHashMap<>();
    after.forEach(
        (id, version) -> {
          if (!version.equals(before.get(id))) {
            moved.put(id.qualified(), version);
          }
        });
    return moved;
  }
}
