package io.saima.catalog;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Contracts of the simulation tables (DESIGN.md, "Simulations"). */
public final class SimulationTables {
  private SimulationTables() {}

  private static final String DB = GoldTables.DATABASE;

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
              new StructType()
                  .add("scheme", DataTypes.StringType, false)
                  .add("period", DataTypes.IntegerType, false)
                  .add("region_code", DataTypes.StringType, false)
                  .add("indicator", DataTypes.StringType, false)
                  .add("ranked_on", DataTypes.StringType, false)
                  .add("current_rank", DataTypes.IntegerType, false)
                  .add("target_rank", DataTypes.IntegerType, false)
                  .add("reachable", DataTypes.BooleanType, false)
                  .add("amount", GoldTables.AMOUNT, true)
                  .add("currency", DataTypes.StringType, false)
                  .add("value_ytd", GoldTables.AMOUNT, true)
                  .add("value_ytd_needed", GoldTables.AMOUNT, true)
                  .add("reached_rank", DataTypes.IntegerType, true)
                  .add("rank_one_cent_less", DataTypes.IntegerType, true)
                  .add("verified", DataTypes.BooleanType, false)
                  .add("method", DataTypes.StringType, false),
              "scheme")
          .withKey("scheme", "period", "region_code", "indicator", "ranked_on", "target_rank")
          .accepting("currency", GoldTables.CURRENCIES);

  /** A what-if scenario against the baseline: change in score and rank per county. */
  public static final TableContract SCENARIO_RESULTS =
      TableContract.of(
              TableId.of(DB, "scenario_results"),
              "one row per scenario, scheme, period and county",
              new StructType()
                  .add("scenario", DataTypes.StringType, false)
                  .add("scheme", DataTypes.StringType, false)
                  .add("period", DataTypes.IntegerType, false)
                  .add("region_code", DataTypes.StringType, false)
                  .add("region_name", DataTypes.StringType, true)
                  .add("competition_group", DataTypes.StringType, true)
                  .add("total_score_baseline", DataTypes.DoubleType, true)
                  .add("total_score_scenario", DataTypes.DoubleType, true)
                  .add("score_change", DataTypes.DoubleType, true)
                  .add("rank_baseline", DataTypes.IntegerType, true)
                  .add("rank_scenario", DataTypes.IntegerType, true)
                  .add("rank_change", DataTypes.IntegerType, true),
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
              new StructType()
                  .add("scheme", DataTypes.StringType, false)
                  .add("as_of_period", DataTypes.IntegerType, false)
                  .add("final_period", DataTypes.IntegerType, false)
                  .add("region_code", DataTypes.StringType, false)
                  .add("region_name", DataTypes.StringType, true)
                  .add("competition_group", DataTypes.StringType, true)
                  .add("current_rank", DataTypes.IntegerType, true)
                  .add("rank_probabilities", new ArrayType(DataTypes.DoubleType, false), false)
                  .add("most_likely_rank", DataTypes.IntegerType, false)
                  .add("expected_rank", DataTypes.DoubleType, false)
                  .add("rank_p10", DataTypes.IntegerType, false)
                  .add("rank_p90", DataTypes.IntegerType, false)
                  .add("trials", DataTypes.LongType, false)
                  .add("seed", DataTypes.LongType, false),
              "scheme")
          .withKey("scheme", "region_code");

  /** Monte Carlo: the probability of meeting each county target, and the P10/P50/P90 outcome. */
  public static final TableContract TARGET_PROBABILITY =
      TableContract.of(
              TableId.of(DB, "target_probability"),
              "one row per county target of the simulated year",
              new StructType()
                  .add("region_code", DataTypes.StringType, false)
                  .add("indicator", DataTypes.StringType, false)
                  .add("target_period", DataTypes.IntegerType, false)
                  .add("target_type", DataTypes.StringType, false)
                  .add("target_value", GoldTables.AMOUNT, false)
                  .add("as_of_period", DataTypes.IntegerType, false)
                  .add("probability_met", DataTypes.DoubleType, false)
                  .add("value_p10", GoldTables.AMOUNT, true)
                  .add("value_p50", GoldTables.AMOUNT, true)
                  .add("value_p90", GoldTables.AMOUNT, true)
                  .add("trials", DataTypes.LongType, false)
                  .add("seed", DataTypes.LongType, false))
          .withKey("region_code", "indicator", "target_period", "target_type")
          .accepting("indicator", GoldTables.INDICATORS)
          .accepting("target_type", SilverTables.TARGET_TYPES);
}
