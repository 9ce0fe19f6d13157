package io.saima.catalog;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Contracts of the gold metric tables (DESIGN.md, "Tables"). Values are DECIMAL in the indicator's
 * currency; growth, shares and their changes are DOUBLE percentages or points.
 */
public final class GoldTables {
  private GoldTables() {}

  public static final String DATABASE = "gold";

  /** Sums of money: wider than silver's so that a province-year never overflows. */
  public static final DataType AMOUNT = DataTypes.createDecimalType(24, 2);

  static final String[] INDICATORS = SilverTables.INDICATORS;

  static final String[] CURRENCIES = {"CNY", "USD"};

  /** Where a target stands (sql/metrics/target_attainment.sql). */
  static final String[] STATUSES = {"met", "on_track", "behind", "no_data"};

  public static final TableContract INDICATOR_MONTHLY =
      TableContract.of(
              TableId.of(DATABASE, "indicator_monthly"),
              "one row per indicator, region and period",
              new StructType()
                  .add("indicator", DataTypes.StringType, false)
                  .add("region_level", DataTypes.StringType, false)
                  .add("region_code", DataTypes.StringType, false)
                  .add("region_name", DataTypes.StringType, true)
                  .add("period", DataTypes.IntegerType, false)
                  .add("year", DataTypes.IntegerType, false)
                  .add("month", DataTypes.IntegerType, false)
                  .add("value_month", AMOUNT, true)
                  .add("value_ytd", AMOUNT, true)
                  .add("value_month_ly", AMOUNT, true)
                  .add("value_ytd_ly", AMOUNT, true)
                  .add("yoy_month_pct", DataTypes.DoubleType, true)
                  .add("yoy_ytd_pct", DataTypes.DoubleType, true)
                  .add("share_ytd_pct", DataTypes.DoubleType, true)
                  .add("share_ytd_ly_pct", DataTypes.DoubleType, true)
                  .add("share_change_pp", DataTypes.DoubleType, true)
                  .add("currency", DataTypes.StringType, false),
              "year")
          .withKey("indicator", "region_level", "region_code", "period")
          .accepting("indicator", INDICATORS)
          .accepting("region_level", "province", "city", "county", "unit")
          .accepting("currency", CURRENCIES);

  public static final TableContract INDICATOR_RANK =
      TableContract.of(
              TableId.of(DATABASE, "indicator_rank"),
              "one row per indicator, period, measure and county",
              new StructType()
                  .add("indicator", DataTypes.StringType, false)
                  .add("period", DataTypes.IntegerType, false)
                  .add("measure", DataTypes.StringType, false)
                  .add("region_code", DataTypes.StringType, false)
                  .add("region_name", DataTypes.StringType, true)
                  .add("competition_group", DataTypes.StringType, true)
                  .add("value", DataTypes.DoubleType, true)
                  .add("rank", DataTypes.IntegerType, true)
                  .add("rank_in_group", DataTypes.IntegerType, true)
                  .add("n_ranked", DataTypes.IntegerType, false)
                  .add("n_ranked_in_group", DataTypes.IntegerType, false)
                  .add("rank_change", DataTypes.IntegerType, true),
              "period")
          .withKey("indicator", "period", "measure", "region_code")
          .accepting("indicator", INDICATORS)
          .accepting("measure", "ytd_value", "ytd_yoy", "share_change");

  /**
   * Competition scores (DESIGN.md, "Competition scoring"): the measures behind the sub-scores as in
   * indicator_monthly, each sub-score ({@code <measure>_score}, null when the scheme does not use
   * the measure), the indicator score, its weighted points in the total and its rank.
   */
  public static final TableContract COMPETITION_SCORES =
      TableContract.of(
              TableId.of(DATABASE, "competition_scores"),
              "one row per scheme, period, county and indicator",
              new StructType()
                  .add("scheme", DataTypes.StringType, false)
                  .add("period", DataTypes.IntegerType, false)
                  .add("year", DataTypes.IntegerType, false)
                  .add("region_code", DataTypes.StringType, false)
                  .add("region_name", DataTypes.StringType, true)
                  .add("competition_group", DataTypes.StringType, true)
                  .add("indicator", DataTypes.StringType, false)
                  .add("indicator_weight", DataTypes.DoubleType, false)
                  .add("value_month", AMOUNT, true)
                  .add("value_ytd", AMOUNT, true)
                  .add("yoy_month_pct", DataTypes.DoubleType, true)
                  .add("yoy_ytd_pct", DataTypes.DoubleType, true)
                  .add("share_ytd_pct", DataTypes.DoubleType, true)
                  .add("share_change_pp", DataTypes.DoubleType, true)
                  .add("value_month_score", DataTypes.DoubleType, true)
                  .add("value_ytd_score", DataTypes.DoubleType, true)
                  .add("yoy_month_pct_score", DataTypes.DoubleType, true)
                  .add("yoy_ytd_pct_score", DataTypes.DoubleType, true)
                  .add("share_ytd_pct_score", DataTypes.DoubleType, true)
                  .add("share_change_pp_score", DataTypes.DoubleType, true)
                  .add("indicator_score", DataTypes.DoubleType, false)
                  .add("indicator_points", DataTypes.DoubleType, false)
                  .add("indicator_rank", DataTypes.IntegerType, false),
              "scheme")
          .withKey("scheme", "period", "region_code", "indicator")
          .accepting("indicator", INDICATORS);

  /**
   * Competition ranking: base score (weighted indicator scores), progress bonus (进位), total, rank
   * among the counties scored together (the province, or the group for a scheme scored within
   * groups), rank within the group, and rank change since the previous period of the same year
   * (previous rank minus this one, positive means climbed; null in January).
   */
  public static final TableContract COMPETITION_RANKING =
      TableContract.of(
              TableId.of(DATABASE, "competition_ranking"),
              "one row per scheme, period and county",
              new StructType()
                  .add("scheme", DataTypes.StringType, false)
                  .add("period", DataTypes.IntegerType, false)
                  .add("year", DataTypes.IntegerType, false)
                  .add("region_code", DataTypes.StringType, false)
                  .add("region_name", DataTypes.StringType, true)
                  .add("competition_group", DataTypes.StringType, true)
                  .add("base_score", DataTypes.DoubleType, false)
                  .add("progress_bonus", DataTypes.DoubleType, false)
                  .add("total_score", DataTypes.DoubleType, false)
                  .add("rank", DataTypes.IntegerType, false)
                  .add("rank_in_group", DataTypes.IntegerType, false)
                  .add("n_ranked", DataTypes.IntegerType, false)
                  .add("rank_change", DataTypes.IntegerType, true),
              "scheme")
          .withKey("scheme", "period", "region_code");

  /**
   * Targets as of the latest month delivered (definitions in {@code
   * sql/metrics/target_attainment.sql}). Amounts in the indicator's currency.
   */
  public static final TableContract TARGET_ATTAINMENT =
      TableContract.of(
              TableId.of(DATABASE, "target_attainment"),
              "one row per target: region (county or unit), indicator, target period and target type",
              new StructType()
                  .add("region_code", DataTypes.StringType, false)
                  .add("region_level", DataTypes.StringType, true)
                  .add("region_name", DataTypes.StringType, true)
                  .add("indicator", DataTypes.StringType, false)
                  .add("target_period", DataTypes.IntegerType, false)
                  .add("target_type", DataTypes.StringType, false)
                  .add("target_value", DataTypes.createDecimalType(20, 2), false)
                  .add("as_of_period", DataTypes.IntegerType, true)
                  .add("target_amount", AMOUNT, true)
                  .add("actual_value", AMOUNT, true)
                  .add("actual_growth_pct", DataTypes.DoubleType, true)
                  .add("completion_pct", DataTypes.DoubleType, true)
                  .add("time_progress_pct", DataTypes.DoubleType, true)
                  .add("ahead_pp", DataTypes.DoubleType, true)
                  .add("status", DataTypes.StringType, false)
                  .add("gap_value", AMOUNT, true)
                  .add("required_growth_pct", DataTypes.DoubleType, true)
                  .add("currency", DataTypes.StringType, false))
          .withKey("region_code", "indicator", "target_period", "target_type")
          .accepting("indicator", INDICATORS)
          .accepting("region_level", "county", "unit")
          .accepting("target_type", SilverTables.TARGET_TYPES)
          .accepting("status", STATUSES)
          .accepting("currency", CURRENCIES);

  /** Units of a county ranked on completion of their decomposed targets; gold and snail badges. */
  public static final TableContract UNIT_RANKING =
      TableContract.of(
              TableId.of(DATABASE, "unit_ranking"),
              "one row per unit target: county, indicator, target period, target type and unit",
              new StructType()
                  .add("county_code", DataTypes.StringType, false)
                  .add("county_name", DataTypes.StringType, true)
                  .add("indicator", DataTypes.StringType, false)
                  .add("target_period", DataTypes.IntegerType, false)
                  .add("target_type", DataTypes.StringType, false)
                  .add("as_of_period", DataTypes.IntegerType, true)
                  .add("unit_code", DataTypes.StringType, false)
                  .add("unit_name", DataTypes.StringType, true)
                  .add("unit_type", DataTypes.StringType, true)
                  .add("completion_pct", DataTypes.DoubleType, true)
                  .add("time_progress_pct", DataTypes.DoubleType, true)
                  .add("ahead_pp", DataTypes.DoubleType, true)
                  .add("status", DataTypes.StringType, false)
                  .add("rank", DataTypes.IntegerType, true)
                  .add("n_ranked", DataTypes.IntegerType, false)
                  .add("badge", DataTypes.StringType, true))
          .withKey("county_code", "indicator", "target_period", "target_type", "unit_code")
          .accepting("indicator", INDICATORS)
          .accepting("target_type", SilverTables.TARGET_TYPES)
          .accepting("status", STATUSES)
          .accepting("badge", "gold", "snail");

  /** 经营异常排查: enterprises whose exports stopped or fell sharply, in yuan. */
  public static final TableContract ENTERPRISE_WATCHLIST =
      TableContract.of(
              TableId.of(DATABASE, "enterprise_watchlist"),
              "one row per enterprise, county and month in which its exports stopped or fell sharply",
              new StructType()
                  .add("period", DataTypes.IntegerType, false)
                  .add("enterprise_id", DataTypes.StringType, false)
                  .add("enterprise_name", DataTypes.StringType, true)
                  .add("county_code", DataTypes.StringType, false)
                  .add("county_name", DataTypes.StringType, true)
                  .add("reason", DataTypes.StringType, false)
                  .add("value_month", AMOUNT, false)
                  .add("value_prev_month", AMOUNT, true)
                  .add("value_month_ly", AMOUNT, true)
                  .add("yoy_month_pct", DataTypes.DoubleType, true)
                  .add("currency", DataTypes.StringType, false))
          .withKey("period", "enterprise_id", "county_code")
          .accepting("reason", "stopped", "sharp_drop")
          .accepting("currency", CURRENCIES);

  /** Rule-based alerts (configuration {@code metrics.alerts}). */
  public static final TableContract ALERTS =
      TableContract.of(
              TableId.of(DATABASE, "alerts"),
              "one row per rule, region, indicator and period that breaks the rule",
              new StructType()
                  .add("rule", DataTypes.StringType, false)
                  .add("region_level", DataTypes.StringType, true)
                  .add("region_code", DataTypes.StringType, false)
                  .add("region_name", DataTypes.StringType, true)
                  .add("indicator", DataTypes.StringType, false)
                  .add("period", DataTypes.IntegerType, false)
                  .add("value", DataTypes.DoubleType, true)
                  .add("threshold", DataTypes.DoubleType, true)
                  .add("message", DataTypes.StringType, true))
          .withKey("rule", "region_code", "indicator", "period")
          .accepting("indicator", INDICATORS);
}
