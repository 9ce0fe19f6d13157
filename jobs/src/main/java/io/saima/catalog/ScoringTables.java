package io.saima.catalog;

import org.apache.spark.sql.types.DataTypes;

/**
 * Contracts of the scoring layer's explanation tables (the scores themselves are in GoldTables).
 */
public final class ScoringTables {
  private ScoringTables() {}

  /**
   * What separates a county from the county ranked directly above it (the nearest higher total
   * among the counties scored together): one row per indicator and sub-score, with the points it
   * costs, {@code points_gap} = indicator weight × measure weight × (their sub-score − ours);
   * {@code cost_rank} 1 is the sub-score that costs the most. The progress bonus, when the scheme
   * has one, is a row of its own (indicator and measure {@code progress_bonus}). The points gaps of
   * a county add up to {@code total_gap}. The county ranked first has no rows.
   */
  public static final TableContract SCORE_GAPS =
      TableContract.of(
              TableId.of(GoldTables.DATABASE, "score_gaps"),
              "one row per scheme, period, county, indicator and sub-score",
              new Columns()
                  .add("scheme", DataTypes.StringType, false, GoldTables.SCHEME)
                  .add("period", DataTypes.IntegerType, false, GoldTables.PERIOD)
                  .add("region_code", DataTypes.StringType, false, GoldTables.COUNTY)
                  .add("region_name", DataTypes.StringType, true, GoldTables.COUNTY_NAME)
                  .add(
                      "rank",
                      DataTypes.IntegerType,
                      false,
                      "the county's rank on total_score (competition_ranking)")
                  .add("total_score", DataTypes.DoubleType, false, "the county's total score")
                  .add(
                      "above_region_code",
                      DataTypes.StringType,
                      false,
                      "the county directly above: the nearest higher total among the counties"
                          + " scored together")
                  .add(
                      "above_region_name",
                      DataTypes.StringType,
                      true,
                      "the name of the county above (regions.csv)")
                  .add("above_rank", DataTypes.IntegerType, false, "the rank of the county above")
                  .add(
                      "above_total_score",
                      DataTypes.DoubleType,
                      false,
                      "the total score of the county above")
                  .add(
                      "total_gap",
                      DataTypes.DoubleType,
                      false,
                      "above_total_score − total_score: the points to make up; the sum of the"
                          + " county's points_gap")
                  .add(
                      "indicator",
                      DataTypes.StringType,
                      false,
                      "the indicator of the sub-score, or progress_bonus")
                  .add(
                      "measure",
                      DataTypes.StringType,
                      false,
                      "the measure the sub-score is on (value_ytd, yoy_ytd_pct, …), or"
                          + " progress_bonus")
                  .add(
                      "weight_in_total",
                      DataTypes.DoubleType,
                      false,
                      "indicator weight × measure weight: what a point of the sub-score is worth"
                          + " in the total (1 for the progress bonus)")
                  .add(
                      "sub_score",
                      DataTypes.DoubleType,
                      false,
                      "the county's sub-score (or progress bonus)")
                  .add(
                      "above_sub_score",
                      DataTypes.DoubleType,
                      false,
                      "the same sub-score of the county above")
                  .add(
                      "points_gap",
                      DataTypes.DoubleType,
                      false,
                      "weight_in_total × (above_sub_score − sub_score): the total points this"
                          + " sub-score costs; negative where the county is ahead")
                  .add(
                      "cost_rank",
                      DataTypes.IntegerType,
                      false,
                      "1 for the sub-score that costs the most points, then 2, 3, …"),
              "scheme")
          .withKey("scheme", "period", "region_code", "indicator", "measure");
}
