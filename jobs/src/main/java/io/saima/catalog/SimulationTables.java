package io.saima.catalog;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;

/** Contracts of the simulation tables (DESIGN.md, "Simulations"). */
public final class SimulationTables {
  private SimulationTables() {}

  private static final String DB = GoldTables.DATABASE;

  private static final String AS_OF =
      "the latest month of actual figures the projection starts from, YYYYMM";

  private static final String TRIALS = "how many Monte Carlo trials were drawn";

  private static final String SEED =
      "the random seed: the same seed and trials give the same results";

  /**
   * Gap to rank: the least amount of an indicator (in its currency, added to the county's year to
   * date, others fixed) that reaches {@code target_rank} on {@code ranked_on} ({@code total_score},
   * {@code indicator_score}, {@code value_ytd} or {@code yoy_ytd_pct}) among the counties the
   * scheme ranks together; checked by applying it ({@code reached_rank}) and one cent less ({@code
   * rank_one_cent_less}).
   */
  public static final TableContract RANK_GAPS =
      TableContract.of(
              TableId.of(DB, "rank_gaps"),
              "one row per scheme, period, county, indicator, ranked_on and target rank",
              new Columns()
                  .add("scheme", DataTypes.StringType, false, GoldTables.SCHEME)
                  .add("period", DataTypes.IntegerType, false, "the month scored, YYYYMM")
                  .add("region_code", DataTypes.StringType, false, GoldTables.COUNTY)
                  .add(
                      "indicator",
                      DataTypes.StringType,
                      false,
                      "the indicator the amount is added to (indicators.yaml)")
                  .add(
                      "ranked_on",
                      DataTypes.StringType,
                      false,
                      "what the rank is on: total_score, indicator_score, value_ytd or"
                          + " yoy_ytd_pct")
                  .add(
                      "current_rank",
                      DataTypes.IntegerType,
                      false,
                      "the county's rank on ranked_on now, among the counties the scheme ranks"
                          + " together")
                  .add(
                      "target_rank",
                      DataTypes.IntegerType,
                      false,
                      "the rank to reach: the next one up unless another was asked for")
                  .add(
                      "reachable",
                      DataTypes.BooleanType,
                      false,
                      "whether any amount of this indicator alone reaches target_rank")
                  .add(
                      "amount",
                      GoldTables.AMOUNT,
                      true,
                      "the least amount added to the county's year to date that reaches"
                          + " target_rank, in currency; null when not reachable")
                  .add("currency", DataTypes.StringType, false, GoldTables.CURRENCY)
                  .add(
                      "value_ytd",
                      GoldTables.AMOUNT,
                      true,
                      "the county's year-to-date value (累计) now, in currency")
                  .add(
                      "value_ytd_needed",
                      GoldTables.AMOUNT,
                      true,
                      "value_ytd + amount; null when not reachable")
                  .add(
                      "reached_rank",
                      DataTypes.IntegerType,
                      true,
                      "the rank with the amount applied; null when not reachable")
                  .add(
                      "rank_one_cent_less",
                      DataTypes.IntegerType,
                      true,
                      "the rank with one cent less; null when the amount is 0 or not reachable")
                  .add(
                      "verified",
                      DataTypes.BooleanType,
                      false,
                      "whether the amount reaches target_rank and one cent less does not")
                  .add(
                      "method",
                      DataTypes.StringType,
                      false,
                      "exact (worked out directly, on value_ytd and yoy_ytd_pct) or search"
                          + " (bisection over cents, on a score)"),
              "scheme")
          .withKey("scheme", "period", "region_code", "indicator", "ranked_on", "target_rank")
          .accepting("currency", GoldTables.CURRENCIES);

  /** A what-if scenario against the baseline: change in score and rank per county. */
  public static final TableContract SCENARIO_RESULTS =
      TableContract.of(
              TableId.of(DB, "scenario_results"),
              "one row per scenario, scheme, period and county",
              new Columns()
                  .add(
                      "scenario",
                      DataTypes.StringType,
                      false,
                      "the scenario, by its name (conf/scenarios)")
                  .add("scheme", DataTypes.StringType, false, GoldTables.SCHEME)
                  .add(
                      "period",
                      DataTypes.IntegerType,
                      false,
                      "the month compared, YYYYMM: the scenario's, or the latest scored")
                  .add("region_code", DataTypes.StringType, false, GoldTables.COUNTY)
                  .add("region_name", DataTypes.StringType, true, GoldTables.COUNTY_NAME)
                  .add("competition_group", DataTypes.StringType, true, GoldTables.GROUP)
                  .add(
                      "total_score_baseline",
                      DataTypes.DoubleType,
                      true,
                      "total score on the current figures and weights; null when not scored")
                  .add(
                      "total_score_scenario",
                      DataTypes.DoubleType,
                      true,
                      "total score with the scenario's adjustments; null when not scored")
                  .add(
                      "score_change",
                      DataTypes.DoubleType,
                      true,
                      "total_score_scenario − total_score_baseline, points")
                  .add(
                      "rank_baseline",
                      DataTypes.IntegerType,
                      true,
                      "rank on the current figures and weights")
                  .add(
                      "rank_scenario",
                      DataTypes.IntegerType,
                      true,
                      "rank with the scenario's adjustments")
                  .add(
                      "rank_change",
                      DataTypes.IntegerType,
                      true,
                      "rank_baseline − rank_scenario: positive means the scenario lifts the"
                          + " county"),
              "scenario")
          .withKey("scenario", "scheme", "period", "region_code");

  /**
   * Monte Carlo ranks at the end of the year: the probability of each final rank (index 0 is rank
   * 1), the most likely rank, and the 10th–90th percentile rank interval.
   */
  public static final TableContract RANK_SIMULATION =
      TableContract.of(
              TableId.of(DB, "rank_simulation"),
              "one row per scheme and county for one simulated year",
              new Columns()
                  .add("scheme", DataTypes.StringType, false, GoldTables.SCHEME)
                  .add("as_of_period", DataTypes.IntegerType, false, AS_OF)
                  .add(
                      "final_period",
                      DataTypes.IntegerType,
                      false,
                      "the month projected to: December of that year, YYYYMM")
                  .add("region_code", DataTypes.StringType, false, GoldTables.COUNTY)
                  .add("region_name", DataTypes.StringType, true, GoldTables.COUNTY_NAME)
                  .add("competition_group", DataTypes.StringType, true, GoldTables.GROUP)
                  .add(
                      "current_rank",
                      DataTypes.IntegerType,
                      true,
                      "the county's rank under the scheme at as_of_period")
                  .add(
                      "rank_probabilities",
                      new ArrayType(DataTypes.DoubleType, false),
                      false,
                      "the probability of each final rank, 0 to 1: index 0 is rank 1")
                  .add(
                      "most_likely_rank",
                      DataTypes.IntegerType,
                      false,
                      "the final rank drawn most often")
                  .add(
                      "expected_rank",
                      DataTypes.DoubleType,
                      false,
                      "the mean final rank over the trials")
                  .add(
                      "rank_p10",
                      DataTypes.IntegerType,
                      false,
                      "the 10th percentile of the final rank: the better end of the 10–90%"
                          + " interval")
                  .add(
                      "rank_p90",
                      DataTypes.IntegerType,
                      false,
                      "the 90th percentile of the final rank: the worse end of the interval")
                  .add("trials", DataTypes.LongType, false, TRIALS)
                  .add("seed", DataTypes.LongType, false, SEED),
              "scheme")
          .withKey("scheme", "region_code");

  /** Monte Carlo: the probability of meeting each county target, and the P10/P50/P90 outcome. */
  public static final TableContract TARGET_PROBABILITY =
      TableContract.of(
              TableId.of(DB, "target_probability"),
              "one row per county target of the simulated year",
              new Columns()
                  .add(
                      "region_code",
                      DataTypes.StringType,
                      false,
                      "the county the target is set for (regions.csv)")
                  .add("indicator", DataTypes.StringType, false, GoldTables.INDICATOR)
                  .add("target_period", DataTypes.IntegerType, false, GoldTables.TARGET_PERIOD)
                  .add("target_type", DataTypes.StringType, false, GoldTables.TARGET_TYPE)
                  .add("target_value", GoldTables.AMOUNT, false, GoldTables.TARGET_VALUE)
                  .add("as_of_period", DataTypes.IntegerType, false, AS_OF)
                  .add(
                      "probability_met",
                      DataTypes.DoubleType,
                      false,
                      "the share of the trials that meet the target, 0 to 1")
                  .add("value_p10", GoldTables.AMOUNT, true, outcome("10th percentile"))
                  .add("value_p50", GoldTables.AMOUNT, true, outcome("median"))
                  .add("value_p90", GoldTables.AMOUNT, true, outcome("90th percentile"))
                  .add("trials", DataTypes.LongType, false, TRIALS)
                  .add("seed", DataTypes.LongType, false, SEED))
          .withKey("region_code", "indicator", "target_period", "target_type")
          .accepting("indicator", GoldTables.INDICATORS)
          .accepting("target_type", SilverTables.TARGET_TYPES);

  /** A percentile of what the trials end with: the year to date at the target's month. */
  private static String outcome(String percentile) {
    return "the "
        + percentile
        + " of the simulated January-to-MM value, in the indicator's currency; null without"
        + " trials";
  }
}
