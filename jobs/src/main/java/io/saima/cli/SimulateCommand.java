package io.saima.cli;

import io.saima.catalog.Warehouse;
import io.saima.config.SaimaConfig;
import io.saima.scoring.Scheme;
import io.saima.scoring.SchemeLoader;
import io.saima.scoring.ScoreStage;
import io.saima.simulate.MonteCarlo;
import io.saima.simulate.RankGaps;
import io.saima.simulate.Scenario;
import io.saima.simulate.ScenarioStage;
import io.saima.simulate.SimulateStage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code saima simulate}: what-if scenarios, gaps to rank and the Monte Carlo projection. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Ranking simulations over gold figures, under each scheme of conf/scoring/ (or --scheme):",
      "  --scenario FILE   apply a what-if scenario (conf/scenarios/*.yaml), rescore every county",
      "                    and compare with the baseline -> gold.scenario_results",
      "  --gap-to-rank     the least amount that lifts a county to the next (or a given) rank",
      "                    -> gold.rank_gaps",
      "  --monte-carlo     project the rest of the year -> gold.rank_simulation and",
      "                    gold.target_probability"
    })
public final class SimulateCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  static final class Mode {
    @Option(names = "--scenario", paramLabel = "FILE", description = "a what-if scenario file")
    Path scenario;

    @Option(names = "--gap-to-rank", description = "gap to the next rank, or to --target-rank")
    boolean gapToRank;

    @Option(names = "--monte-carlo", description = "Monte Carlo projection of the year's end")
    boolean monteCarlo;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Mode mode;

  @Mixin SchemeOption scheme;

  @Option(names = "--region", paramLabel = "CODE", description = "county code (--gap-to-rank)")
  String region;

  @Option(
      names = "--indicator",
      paramLabel = "NAME",
      description = "only this indicator (--gap-to-rank)")
  String indicator;

  @Option(
      names = "--target-rank",
      paramLabel = "N",
      description = "the rank to reach (--gap-to-rank; default: the next one)")
  Integer targetRank;

  @Option(
      names = "--period",
      paramLabel = "YYYYMM",
      description =
          "period of the gap, or the last known month of the Monte Carlo (default: latest)")
  Integer period;

  @Option(
      names = "--trials",
      paramLabel = "N",
      description = "Monte Carlo trials (default: simulate.trials)")
  Long trials;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Monte Carlo seed (default: simulate.seed)")
  Long seed;

  @Override
  public Integer call() {
    validate();
    SaimaConfig config = common.load(List.of());
    Map<String, Scheme> schemes = scheme.select(ScoreStage.schemes(config));
    Scenario scenario = mode.scenario == null ? null : Scenario.load(mode.scenario);
    Warehouse warehouse = CommonOptions.openWarehouse(config);
    if (scenario != null) {
      Dataset<Row> results = ScenarioStage.run(warehouse, schemes, scenario);
      results.orderBy("scheme", "rank_scenario", "region_code").show(1000, false);
    } else if (mode.gapToRank) {
      List<RankGaps.Gap> gaps =
          SimulateStage.writeGaps(
              warehouse,
              schemes,
              region,
              indicator,
              targetRank == null ? 0 : targetRank,
              period == null ? 0 : period);
      if (gaps.isEmpty()) {
        System.out.println(
            "no gap: the county already holds the rank, or has no figures for the period");
      }
      gaps.forEach(g -> System.out.println(g.describe()));
    } else {
      long n =
          trials != null
              ? trials
              : config.integer("simulate.trials").orElse(SimulateStage.DEFAULT_TRIALS);
      long s =
          seed != null ? seed : config.integer("simulate.seed").orElse(SimulateStage.DEFAULT_SEED);
      long started = System.nanoTime();
      Optional<MonteCarlo.Results> results =
          SimulateStage.monteCarlo(warehouse, schemes, n, s, period == null ? 0 : period);
      if (results.isEmpty()) {
        System.out.println("nothing to simulate: no period has figures for every indicator");
        return ExitCode.OK;
      }
      System.err.printf(
          java.util.Locale.ROOT, "%d trials in %.1f s%n", n, (System.nanoTime() - started) / 1e9);
      results
          .get()
          .rankSimulation()
          .select(
              "scheme",
              "region_code",
              "region_name",
              "current_rank",
              "most_likely_rank",
              "rank_p10",
              "rank_p90",
              "expected_rank")
          .orderBy("scheme", "expected_rank")
          .show(1000, false);
      results.get().targetProbability().show(1000, false);
    }
    return ExitCode.OK;
  }

  private void validate() {
    if (mode.scenario != null && !Files.isRegularFile(mode.scenario)) {
      throw new ParameterException(
          spec.commandLine(), "--scenario " + mode.scenario + ": no such file");
    }
    if (mode.gapToRank && region == null) {
      throw new ParameterException(spec.commandLine(), "--gap-to-rank needs --region CODE");
    }
    if (region != null && !region.matches("\\d{6}")) {
      throw new ParameterException(
          spec.commandLine(), "--region expects a 6-digit county code, got '" + region + "'");
    }
    if (indicator != null && !SchemeLoader.INDICATORS.contains(indicator)) {
      throw new ParameterException(
          spec.commandLine(),
          "--indicator expects one of " + SchemeLoader.INDICATORS.stream().sorted().toList());
    }
    if (targetRank != null && targetRank < 1) {
      throw new ParameterException(spec.commandLine(), "--target-rank must be 1 or more");
    }
    SchemeOption.checkPeriod(spec, period);
    if (trials != null && trials < 1) {
      throw new ParameterException(spec.commandLine(), "--trials must be 1 or more");
    }
  }
}
