package io.saima.simulate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.saima.catalog.GoldTables;
import io.saima.catalog.SilverTables;
import io.saima.catalog.SimulationTables;
import io.saima.catalog.Warehouse;
import io.saima.config.ConfigException;
import io.saima.scoring.CompetitionScoring;
import io.saima.scoring.County;
import io.saima.scoring.Scheme;
import io.saima.scoring.Target;
import io.saima.scoring.YearFigures;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * What-if scenarios: the scenario's figures (and weights) scored under each scheme and compared
 * with the baseline, county by county. Every county is rescored, since the minimum and maximum that
 * scores are measured against move.
 */
public final class ScenarioStage {
  private ScenarioStage() {}

  /** Compares a scenario with the baseline: pure, DataFrames in and out. */
  public static Dataset<Row> compare(
      Scenario scenario,
      Map<String, Scheme> schemes,
      Dataset<Row> monthly,
      Dataset<Row> regions,
      Dataset<Row> targets) {
    Map<String, Scheme> chosen = selected(scenario, schemes);
    // Read once for every scheme, baseline and scenario alike: each scoring would otherwise
    // collect the figures, counties and targets again.
    Set<String> indicators = CompetitionScoring.indicators(chosen.values());
    List<County> counties = CompetitionScoring.counties(regions);
    List<Target> targetList = CompetitionScoring.targets(targets);
    Map<Integer, YearFigures> baseFigures = CompetitionScoring.figures(monthly, indicators);
    Map<Integer, YearFigures> scenarioFigures =
        CompetitionScoring.figures(ScenarioFigures.apply(scenario, monthly, regions), indicators);
    SparkSession spark = monthly.sparkSession();
    Dataset<Row> out = null;
    for (Scheme scheme : chosen.values()) {
      Scheme rules = scheme;
      for (Scenario.Weights w : scenario.weights()) {
        if (w.scheme().equals(scheme.name())) {
          if (!w.indicators().keySet().equals(Set.copyOf(scheme.indicatorNames()))) {
            throw new ConfigException(
                scenario.name(),
                "adjustments.weights.indicators",
                "must name exactly the indicators of scheme "
                    + scheme.name()
                    + ": "
                    + scheme.indicatorNames());
          }
          rules = scheme.withIndicatorWeights(w.indicators(), scheme.name());
        }
      }
      Optional<Set<Integer>> periods =
          scenario.period() == 0 ? Optional.empty() : Optional.of(Set.of(scenario.period()));
      Dataset<Row> baseline =
          CompetitionScoring.score(spark, scheme, baseFigures, counties, targetList, periods)
              .ranking();
      Dataset<Row> changed =
          CompetitionScoring.score(spark, rules, scenarioFigures, counties, targetList, periods)
              .ranking();
      int period = scenario.period();
      if (period == 0) {
        Row latest = baseline.agg(max("period")).first();
        if (latest.isNullAt(0)) {
          continue;
        }
        period = latest.getInt(0);
      }
      Dataset<Row> b =
          baseline
              .filter(col("period").equalTo(period))
              .select(
                  col("region_code").as("b_code"),
                  col("region_name").as("b_name"),
                  col("competition_group").as("b_group"),
                  col("total_score").as("total_score_baseline"),
                  col("rank").as("rank_baseline"));
      Dataset<Row> s =
          changed
              .filter(col("period").equalTo(period))
              .select(
                  col("region_code").as("s_code"),
                  col("region_name").as("s_name"),
                  col("competition_group").as("s_group"),
                  col("total_score").as("total_score_scenario"),
                  col("rank").as("rank_scenario"));
      Dataset<Row> compared =
          b.join(s, col("b_code").equalTo(col("s_code")), "full_outer")
              .withColumn("scenario", lit(scenario.name()))
              .withColumn("scheme", lit(scheme.name()))
              .withColumn("period", lit(period))
              .withColumn("region_code", coalesce(col("b_code"), col("s_code")))
              .withColumn("region_name", coalesce(col("b_name"), col("s_name")))
              .withColumn("competition_group", coalesce(col("b_group"), col("s_group")))
              .withColumn(
                  "score_change", col("total_score_scenario").minus(col("total_score_baseline")))
              .withColumn("rank_change", col("rank_baseline").minus(col("rank_scenario")))
              .select(columns());
      out = out == null ? compared : out.unionByName(compared);
    }
    if (out == null) {
      return monthly
          .sparkSession()
          .createDataFrame(
              new java.util.ArrayList<Row>(), SimulationTables.SCENARIO_RESULTS.schema());
    }
    return out;
  }

  private static Column[] columns() {
    return Arrays.stream(SimulationTables.SCENARIO_RESULTS.schema().fields())
        .map(StructField::name)
        .map(name -> col(name))
        .toArray(Column[]::new);
  }

  private static Map<String, Scheme> selected(Scenario scenario, Map<String, Scheme> schemes) {
    if (scenario.schemes().isEmpty()) {
      return schemes;
    }
    Map<String, Scheme> out = new LinkedHashMap<>();
    for (String name : scenario.schemes()) {
      Scheme scheme = schemes.get(name);
      if (scheme == null) {
        throw new ConfigException(
            scenario.name(),
            "schemes",
            "'" + name + "' is not configured; schemes: " + schemes.keySet());
      }
      out.put(name, scheme);
    }
    for (Scenario.Weights w : scenario.weights()) {
      if (!schemes.containsKey(w.scheme())) {
        throw new ConfigException(
            scenario.name(), "adjustments.scheme", "'" + w.scheme() + "' is not configured");
      }
    }
    return out;
  }

  /**
   * The scenarios of {@code simulate.scenarios}, which the night rescores and the bulletin reports;
   * a bare file name is looked up in conf/scenarios/.
   */
  public static java.util.List<Scenario> configured(io.saima.config.SaimaConfig config) {
    java.util.List<Scenario> out = new java.util.ArrayList<>();
    Object listed = config.get("simulate.scenarios");
    if (listed instanceof java.util.List<?> names) {
      java.nio.file.Path folder =
          io.saima.config.SaimaHome.locate().resolve("conf").resolve("scenarios");
      for (Object name : names) {
        java.nio.file.Path file = java.nio.file.Path.of(String.valueOf(name));
        out.add(Scenario.load(file.isAbsolute() ? file : folder.resolve(file)));
      }
    }
    return out;
  }

  /** Runs a scenario against the warehouse and replaces its rows in gold.scenario_results. */
  public static Dataset<Row> run(
      Warehouse warehouse, Map<String, Scheme> schemes, Scenario scenario) {
    Dataset<Row> results =
        compare(
                scenario,
                schemes,
                warehouse.readOrEmpty(GoldTables.INDICATOR_MONTHLY),
                warehouse.readOrEmpty(SilverTables.REGIONS),
                warehouse.readOrEmpty(SilverTables.TARGETS))
            .cache();
    warehouse.replaceWhere(
        SimulationTables.SCENARIO_RESULTS, results, "scenario = '" + scenario.name() + "'");
    return results;
  }
}
