package io.saima.catalog;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

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
              new StructType()
                  .add("scheme", DataTypes.StringType, false)
                  .add("period", DataTypes.IntegerType, false)
                  .add("region_code", DataTypes.StringType, false)
                  .add("region_name", DataTypes.StringType, true)
                  .add("rank", DataTypes.IntegerType, false)
                  .add("total_score", DataTypes.DoubleType, false)
                  .add("above_region_code", DataTypes.StringType, false)
                  .add("above_region_name", DataTypes.StringType, true)
                  .add("above_rank", DataTypes.IntegerType, false)
                  .add("above_total_score", DataTypes.DoubleType, false)
                  .add("total_gap", DataTypes.DoubleType, false)
                  .add("indicator", DataTypes.StringType, false)
                  .add("measure", DataTypes.StringType, false)
                  .add("weight_in_total", DataTypes.DoubleType, false)
                  .add("sub_score", DataTypes.DoubleType, false)
                  .add("above_sub_score", DataTypes.DoubleType, false)
                  .add("points_gap", DataTypes.DoubleType, false)
                  .add("cost_rank", DataTypes.IntegerType, false),
              "scheme")
          .withKey("scheme", "period", "region_code", "indicator", "measure");
}
