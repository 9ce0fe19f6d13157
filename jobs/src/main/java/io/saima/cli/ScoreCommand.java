package io.saima.cli;

import io.saima.catalog.Warehouse;
import io.saima.config.SaimaConfig;
import io.saima.scoring.Scheme;
import io.saima.scoring.ScoreStage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code saima score}: competition scores and ranking for every configured scheme. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Scores the counties under each scheme of conf/scoring/*.yaml (key scoring.schemes) from",
      "gold.indicator_monthly, silver.regions and silver.targets, and writes",
      "gold.competition_scores, gold.competition_ranking and gold.score_gaps.",
      "Rerunning replaces the same scheme's rows for the same periods."
    })
public final class ScoreCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Mixin SchemeOption scheme;

  @Option(
      names = "--period",
      paramLabel = "YYYYMM",
      description = "score only this period (default: every period that can be scored)")
  Integer period;

  @Override
  public Integer call() {
    SchemeOption.checkPeriod(spec, period);
    SaimaConfig config = common.load(List.of());
    Map<String, Scheme> schemes = scheme.select(ScoreStage.schemes(config));
    Warehouse warehouse = CommonOptions.openWarehouse(config);
    ScoreStage.Summary summary =
        ScoreStage.run(
            warehouse, schemes, period == null ? Optional.empty() : Optional.of(Set.of(period)));
    System.out.println(summary.describe());
    return ExitCode.OK;
  }
}
