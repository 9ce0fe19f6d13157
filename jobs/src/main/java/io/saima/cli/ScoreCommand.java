package io.saima.cli;

import io.saima.catalog.GoldTables;
import io.saima.catalog.Warehouse;
import io.saima.config.SaimaConfig;
import io.saima.pipeline.WarehouseLease;
import io.saima.scoring.Scheme;
import io.saima.scoring.ScoreStage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code saima score}: competition scores and ranking for every configured scheme. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    header = "Scores and ranks the counties under each scoring scheme.",
    description = {
      "Scores the counties under each scheme of conf/scoring/*.yaml (key scoring.schemes) from"
          + " gold.indicator_monthly, silver.regions and silver.targets, and writes"
          + " gold.competition_scores, gold.competition_ranking and gold.score_gaps. Rerunning"
          + " replaces the same scheme's rows for the same periods."
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {ExitCode.OK_HELP, ExitCode.FAILURE_HELP, ExitCode.USAGE_HELP})
public final class ScoreCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions.WarehouseOptions common;

  @Mixin SchemeOption scheme;

  @Option(
      names = "--period",
      paramLabel = "YYYYMM",
      description = "Score only this period (default: every period that can be scored).")
  String period;

  @Override
  public Integer call() {
    Integer only = Periods.parse(spec, period);
    SaimaConfig config = common.load(List.of());
    Map<String, Scheme> schemes = scheme.select(ScoreStage.schemes(config));
    Warehouse warehouse = CommonOptions.openWarehouse(config);
    try (WarehouseLease lease =
        CommonOptions.lease(warehouse, config, "score", UUID.randomUUID().toString())) {
      if (only != null) {
        Periods.requireKnown(spec, only, countyPeriods(warehouse), "county figures");
      }
      ScoreStage.Summary summary =
          ScoreStage.run(
              warehouse, schemes, only == null ? Optional.empty() : Optional.of(Set.of(only)));
      System.out.println(summary.describe());
    }
    return ExitCode.OK;
  }

  /** The periods gold.indicator_monthly has county figures for. */
  static List<Integer> countyPeriods(Warehouse warehouse) {
    return warehouse
        .readOrEmpty(GoldTables.INDICATOR_MONTHLY)
        .where("region_level = 'county'")
        .select("period")
        .distinct()
        .collectAsList()
        .stream()
        .map(r -> r.getInt(0))
        .toList();
  }
}
