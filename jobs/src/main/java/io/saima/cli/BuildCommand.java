package io.saima.cli;

import io.saima.catalog.TableId;
import io.saima.catalog.Warehouse;
import io.saima.config.SaimaConfig;
import io.saima.metrics.BuildStage;
import io.saima.metrics.MetricsSettings;
import io.saima.pipeline.JobRuns;
import io.saima.pipeline.StageRun;
import io.saima.pipeline.WarehouseLease;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code saima build}: the gold metric tables from the silver tables. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    header = "Builds the gold metric tables from the silver tables.",
    description = {
      "Computes gold.indicator_monthly, indicator_rank, target_attainment, unit_ranking,"
          + " enterprise_watchlist and alerts from the silver tables. By default only the months"
          + " applied since the last build (silver.delivered_periods, ops.build_state) and the"
          + " figures they feed are rebuilt; --all rebuilds everything. The run is recorded in"
          + " ops.job_runs with the Delta versions it wrote, as a night is."
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {ExitCode.OK_HELP, ExitCode.FAILURE_HELP, ExitCode.USAGE_HELP})
public final class BuildCommand implements Callable<Integer> {

  @Mixin CommonOptions.WarehouseOptions common;

  @Option(
      names = "--all",
      description = "Rebuild every gold table from scratch, e.g. after reference data changed.")
  boolean all;

  @Override
  public Integer call() {
    SaimaConfig config = common.load(List.of());
    Warehouse warehouse = CommonOptions.openWarehouse(config);
    String runId = UUID.randomUUID().toString();
    try (WarehouseLease lease = CommonOptions.lease(warehouse, config, "build", runId)) {
      Instant startedAt = Instant.now();
      long start = System.nanoTime();
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("warehouse", config.warehouse());
      parameters.put("all", Boolean.toString(all));
      Map<TableId, Long> before = NightRunner.versions(warehouse);
      BuildStage stage = new BuildStage(MetricsSettings.from(config));
      BuildStage.Result result;
      try {
        result = all ? stage.runAll(warehouse) : stage.runSinceLastBuild(warehouse);
      } catch (RuntimeException e) {
        record(warehouse, runId, parameters, startedAt, start, before, JobRuns.FAILED, e);
        throw e;
      }
      record(warehouse, runId, parameters, startedAt, start, before, JobRuns.OK, null);
      System.out.println(result.describe());
    }
    return ExitCode.OK;
  }

  /**
   * The run's row in ops.job_runs, with the version of every table it moved: a build on its own is
   * a run the revision audit (report.数据修订) can compare, as a night's build is.
   */
  private static void record(
      Warehouse warehouse,
      String runId,
      Map<String, String> parameters,
      Instant startedAt,
      long startNanos,
      Map<TableId, Long> before,
      String outcome,
      RuntimeException error) {
    JobRuns.record(
        warehouse,
        runId,
        "build",
        parameters,
        startedAt,
        Instant.now(),
        outcome,
        error == null ? ExitCode.OK : ExitCode.FAILURE,
        Map.of(),
        NightRunner.moved(before, NightRunner.versions(warehouse)),
        error == null ? null : error.getMessage(),
        List.of(StageRun.since("build", outcome, startedAt, startNanos)));
  }
}
