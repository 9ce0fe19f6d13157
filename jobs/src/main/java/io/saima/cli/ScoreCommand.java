package io.saima.cli;

import io.saima.catalog.Warehouse;
import io.saima.config.SaimaConfig;
import io.saima.pipeline.SparkSessions;
import io.saima.scoring.Scheme;
import io.saima.scoring.ScoreStage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
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

  @Option(
      names = "--scheme",
      paramLabel = "NAME",
      description = "score only this scheme (default: all)")
  String scheme;

  @Option(
      names = "--period",
      paramLabel = "YYYYMM",
      description = "score only this period (default: every period that can be scored)")
  Integer period;

  @Override
  public Integer call() {
    if (period != null && (period / 100 < 1900 || period % 100 < 1 || period % 100 > 12)) {
      throw new ParameterException(
          spec.commandLine(), "--period expects YYYYMM (e.g. 202006), got " + period);
    }
    SaimaConfig config = common.load(List.of());
    Map<String, Scheme> schemes = select(ScoreStage.schemes(config));
    SparkSession spark = SparkSessions.create(config);
    Warehouse warehouse = new Warehouse(spark, config.warehouse());
    warehouse.registerAll();
    ScoreStage.Summary summary =
        ScoreStage.run(
            warehouse, schemes, period == null ? Optional.empty() : Optional.of(Set.of(period)));
    System.out.println(summary.describe());
    return ExitCode.OK;
  }

  private Map<String, Scheme> select(Map<String, Scheme> all) {
    if (scheme == null) {
      return all;
    }
    if (!all.containsKey(scheme)) {
      throw new ParameterException(
          spec.commandLine(),
          "--scheme " + scheme + " is not configured; schemes: " + all.keySet());
    }
    Map<String, Scheme> one = new LinkedHashMap<>();
    one.put(scheme, all.get(scheme));
    return one;
  }
}
