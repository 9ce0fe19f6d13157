package io.saima.cli;

import io.saima.catalog.Warehouse;
import io.saima.config.SaimaConfig;
import io.saima.metrics.BuildStage;
import io.saima.metrics.MetricsSettings;
import io.saima.pipeline.WarehouseLease;
import java.util.List;
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
          + " figures they feed are rebuilt; --all rebuilds everything."
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
    try (WarehouseLease lease =
        CommonOptions.lease(warehouse, config, "build", UUID.randomUUID().toString())) {
      BuildStage stage = new BuildStage(MetricsSettings.from(config));
      BuildStage.Result result = all ? stage.runAll(warehouse) : stage.runSinceLastBuild(warehouse);
      System.out.println(result.describe());
    }
    return ExitCode.OK;
  }
}
