package io.saima.catalog;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Contracts of the gold metric tables (DESIGN.md, "Tables"). Values are DECIMAL in the indicator's
 * currency; growth, shares and their changes are DOUBLE percentages or points.
 *
 * <p>Long because it is a list: one contract a table, each column with its type and its one-line
 * description beside it, read top to bottom like the table reference it generates (docs/tables.md).
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

  // What the columns that recur across gold, scoring and simulation tables hold.

  static final String INDICATOR = "the indicator, as indicators.yaml defines it";

  static final String PERIOD = "the month, YYYYMM";

  static final String YEAR = "the period's year";

  static final String COUNTY = "the county's GB/T 2260 code (regions.csv)";

  static final String COUNTY_NAME = "the county's name (regions.csv)";

  static final String GROUP = "the county's competition group (regions.csv), e.g. mountain26";

  static final String SCHEME = "the scoring scheme, by its name (conf/scoring)";

  static final String CURRENCY = "the currency of the amounts, the indicator's: CNY (yuan) or USD";

  static final String TARGET_PERIOD =
      "YYYYMM ending the target's window January to MM: 202006 the first half (半年红), 202012"
          + " the year (全年红)";

  static final String TARGET_TYPE =
      "value: an amount to reach; growth_pct: a year-to-date growth to reach, in percent";

  static final String TARGET_VALUE =
      "the target as set: an amount in the indicator's currency (value), or a growth in percent"
          + " (growth_pct)";

  static final String AS_OF_PERIOD =
      "the latest month delivered for the indicator's source within the target's window; null"
          + " when there is none";

  static final String COMPLETION_PCT = "actual so far / the target amount × 100, percent";

  static final String TIME_PROGRESS_PCT =
      "序时进度: the as-of month / the window's months × 100, percent";

  static final String AHEAD_PP =
      "completion_pct − time_progress_pct, percentage points; below 0 is behind time progress";

  static final String STATUS =
      "met, on_track, behind or no_data (the rules in sql/metrics/target_attainment.sql)";

  public static final TableContract INDICATOR_MONTHLY =
      TableContract.of(
              TableId.of(DATABASE, "indicator_monthly"),
              "one row per indicator, region and period",
              new Columns()
                  .add("indicator", DataTypes.StringType, false, INDICATOR)
                  .add(
                      "region_level",
                      DataTypes.StringType,
                      false,
                      "province, city, county, or unit (town, street, platform) for indicators"
                          + " whose lines carry town codes")
                  .add(
                      "region_code",
                      DataTypes.StringType,
                      false,
                      "GB/T 2260 code of the province, city or county (regions.csv), or the unit's"
                          + " code (units.csv)")
                  .add(
                      "region_name",
                      DataTypes.StringType,
                      true,
                      "the region's name (regions.csv, units.csv)")
                  .add("period", DataTypes.IntegerType, false, PERIOD)
                  .add("year", DataTypes.IntegerType, false, YEAR)
                  .add("month", DataTypes.IntegerType, false, "the period's month, 1 to 12")
                  .add(
                      "value_month",
                      AMOUNT,
                      true,
                      "the month's value (本月) in the currency; 0 for a delivered month without"
                          + " lines, null when unknown")
                  .add(
                      "value_ytd",
                      AMOUNT,
                      true,
                      "year-to-date value (累计): January to this month of the same year; null when"
                          + " a month of it is unknown")
                  .add(
                      "value_month_ly",
                      AMOUNT,
                      true,
                      "value_month of the same month last year; null when that month was never"
                          + " delivered")
                  .add(
                      "value_ytd_ly",
                      AMOUNT,
                      true,
                      "value_ytd of the same month last year, on the latest revised base (可比口径);"
                          + " null when unknown")
                  .add(
                      "yoy_month_pct",
                      DataTypes.DoubleType,
                      true,
                      "year-on-year growth of the month (同比), percent: (value_month −"
                          + " value_month_ly) / value_month_ly × 100; null when last year is"
                          + " zero or missing")
                  .add(
                      "yoy_ytd_pct",
                      DataTypes.DoubleType,
                      true,
                      "year-on-year growth of the year to date (累计同比), percent; null when last"
                          + " year is zero or missing")
                  .add(
                      "share_ytd_pct",
                      DataTypes.DoubleType,
                      true,
                      "share of the province (占全省份额): value_ytd / the province's value_ytd ×"
                          + " 100, percent; null when the province's is zero or missing")
                  .add(
                      "share_ytd_ly_pct",
                      DataTypes.DoubleType,
                      true,
                      "the same share last year: value_ytd_ly / the province's value_ytd_ly × 100,"
                          + " percent")
                  .add(
                      "share_change_pp",
                      DataTypes.DoubleType,
                      true,
                      "share_ytd_pct − share_ytd_ly_pct, in percentage points")
                  .add("currency", DataTypes.StringType, false, CURRENCY),
              "year")
          .withKey("indicator", "region_level", "region_code", "period")
          .accepting("indicator", INDICATORS)
          .accepting("region_level", "province", "city", "county", "unit")
          .accepting("currency", CURRENCIES);

  public static final TableContract INDICATOR_RANK =
      TableContract.of(
              TableId.of(DATABASE, "indicator_rank"),
              "one row per indicator, period, measure and county",
              new Columns()
                  .add("indicator", DataTypes.StringType, false, INDICATOR)
                  .add("period", DataTypes.IntegerType, false, PERIOD)
                  .add(
                      "measure",
                      DataTypes.StringType,
                      false,
                      "what is ranked: ytd_value (value_ytd), ytd_yoy (yoy_ytd_pct) or"
                          + " share_change (share_change_pp) of indicator_monthly")
                  .add("region_code", DataTypes.StringType, false, COUNTY)
                  .add("region_name", DataTypes.StringType, true, COUNTY_NAME)
                  .add("competition_group", DataTypes.StringType, true, GROUP)
                  .add(
                      "value",
                      DataTypes.DoubleType,
                      true,
                      "the measure's value: an amount, a percent or percentage points; null when"
                          + " unknown, and then not ranked")
                  .add(
                      "rank",
                      DataTypes.IntegerType,
                      true,
                      "rank in the province, SQL RANK() descending: ties share a rank (1, 2, 2,"
                          + " 4); null when value is null")
                  .add(
                      "rank_in_group",
                      DataTypes.IntegerType,
                      true,
                      "the same within the county's competition group")
                  .add(
                      "n_ranked",
                      DataTypes.IntegerType,
                      false,
                      "how many counties of the province have a value and so a rank")
                  .add(
                      "n_ranked_in_group",
                      DataTypes.IntegerType,
                      false,
                      "how many counties of the county's group have a value")
                  .add(
                      "rank_change",
                      DataTypes.IntegerType,
                      true,
                      "the previous month's rank minus this one: positive means climbed; null in"
                          + " January or when either rank is null"),
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
              new Columns()
                  .add("scheme", DataTypes.StringType, false, SCHEME)
                  .add("period", DataTypes.IntegerType, false, PERIOD)
                  .add("year", DataTypes.IntegerType, false, YEAR)
                  .add("region_code", DataTypes.StringType, false, COUNTY)
                  .add("region_name", DataTypes.StringType, true, COUNTY_NAME)
                  .add("competition_group", DataTypes.StringType, true, GROUP)
                  .add("indicator", DataTypes.StringType, false, INDICATOR)
                  .add(
                      "indicator_weight",
                      DataTypes.DoubleType,
                      false,
                      "the indicator's weight in the total, as the scheme sets it (e.g. 0.4)")
                  .add(
                      "value_month",
                      AMOUNT,
                      true,
                      "the month's value in the indicator's currency, as in indicator_monthly")
                  .add(
                      "value_ytd",
                      AMOUNT,
                      true,
                      "year-to-date value (累计) in the indicator's currency, as in"
                          + " indicator_monthly")
                  .add(
                      "yoy_month_pct",
                      DataTypes.DoubleType,
                      true,
                      "year-on-year growth of the month, percent, as in indicator_monthly")
                  .add(
                      "yoy_ytd_pct",
                      DataTypes.DoubleType,
                      true,
                      "year-on-year growth of the year to date (累计增速), percent, as in"
                          + " indicator_monthly")
                  .add(
                      "share_ytd_pct",
                      DataTypes.DoubleType,
                      true,
                      "share of the province, percent, as in indicator_monthly")
                  .add(
                      "share_change_pp",
                      DataTypes.DoubleType,
                      true,
                      "change in the share on last year, percentage points, as in"
                          + " indicator_monthly")
                  .add("value_month_score", DataTypes.DoubleType, true, subScore("value_month"))
                  .add("value_ytd_score", DataTypes.DoubleType, true, subScore("value_ytd"))
                  .add("yoy_month_pct_score", DataTypes.DoubleType, true, subScore("yoy_month_pct"))
                  .add("yoy_ytd_pct_score", DataTypes.DoubleType, true, subScore("yoy_ytd_pct"))
                  .add("share_ytd_pct_score", DataTypes.DoubleType, true, subScore("share_ytd_pct"))
                  .add(
                      "share_change_pp_score",
                      DataTypes.DoubleType,
                      true,
                      subScore("share_change_pp"))
                  .add(
                      "indicator_score",
                      DataTypes.DoubleType,
                      false,
                      "the sub-scores weighted by their measure weights (60 to 100 under the"
                          + " efficacy coefficient, 功效系数法)")
                  .add(
                      "indicator_points",
                      DataTypes.DoubleType,
                      false,
                      "indicator_weight × indicator_score: what the indicator adds to the base"
                          + " score")
                  .add(
                      "indicator_rank",
                      DataTypes.IntegerType,
                      false,
                      "rank on indicator_score among the counties scored together, RANK()"
                          + " descending"),
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
              new Columns()
                  .add("scheme", DataTypes.StringType, false, SCHEME)
                  .add("period", DataTypes.IntegerType, false, PERIOD)
                  .add("year", DataTypes.IntegerType, false, YEAR)
                  .add("region_code", DataTypes.StringType, false, COUNTY)
                  .add("region_name", DataTypes.StringType, true, COUNTY_NAME)
                  .add("competition_group", DataTypes.StringType, true, GROUP)
                  .add(
                      "base_score",
                      DataTypes.DoubleType,
                      false,
                      "Σ indicator weight × indicator score: the indicator_points of"
                          + " competition_scores, summed")
                  .add(
                      "progress_bonus",
                      DataTypes.DoubleType,
                      false,
                      "进位: points for places climbed on the base score since the previous month"
                          + " of the year, capped (negative for places lost, where the scheme"
                          + " deducts); 0 when the scheme has no bonus")
                  .add("total_score", DataTypes.DoubleType, false, "base_score + progress_bonus")
                  .add(
                      "rank",
                      DataTypes.IntegerType,
                      false,
                      "rank on total_score among the counties scored together (the province, or"
                          + " the group for a scheme scored within groups), RANK() descending")
                  .add(
                      "rank_in_group",
                      DataTypes.IntegerType,
                      false,
                      "rank on total_score within the county's competition group")
                  .add(
                      "n_ranked",
                      DataTypes.IntegerType,
                      false,
                      "how many counties are scored and ranked together with it")
                  .add(
                      "rank_change",
                      DataTypes.IntegerType,
                      true,
                      "the previous month's rank minus this one: positive means climbed; null in"
                          + " January or when the previous month was not scored"),
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
              new Columns()
                  .add(
                      "region_code",
                      DataTypes.StringType,
                      false,
                      "the county or unit (town, street, platform) the target is set for")
                  .add(
                      "region_level",
                      DataTypes.StringType,
                      true,
                      "county or unit; null when the code is in neither regions.csv nor"
                          + " units.csv")
                  .add(
                      "region_name",
                      DataTypes.StringType,
                      true,
                      "the region's name (regions.csv, units.csv)")
                  .add("indicator", DataTypes.StringType, false, INDICATOR)
                  .add("target_period", DataTypes.IntegerType, false, TARGET_PERIOD)
                  .add("target_type", DataTypes.StringType, false, TARGET_TYPE)
                  .add("target_value", DataTypes.createDecimalType(20, 2), false, TARGET_VALUE)
                  .add("as_of_period", DataTypes.IntegerType, true, AS_OF_PERIOD)
                  .add(
                      "target_amount",
                      AMOUNT,
                      true,
                      "the amount the target means: target_value, or for growth_pct last year's"
                          + " January-to-MM total × (1 + target_value / 100)")
                  .add("actual_value", AMOUNT, true, "the amount so far: value_ytd at as_of_period")
                  .add(
                      "actual_growth_pct",
                      DataTypes.DoubleType,
                      true,
                      "the growth so far: yoy_ytd_pct at as_of_period, percent")
                  .add(
                      "completion_pct",
                      DataTypes.DoubleType,
                      true,
                      "actual_value / target_amount × 100, percent")
                  .add("time_progress_pct", DataTypes.DoubleType, true, TIME_PROGRESS_PCT)
                  .add("ahead_pp", DataTypes.DoubleType, true, AHEAD_PP)
                  .add("status", DataTypes.StringType, false, STATUS)
                  .add(
                      "gap_value",
                      AMOUNT,
                      true,
                      "target_amount − actual_value still to close; 0 once the target is reached")
                  .add(
                      "required_growth_pct",
                      DataTypes.DoubleType,
                      true,
                      "the growth on the same months last year the remaining months need, percent;"
                          + " null when no month remains or last year's rest is zero or missing")
                  .add("currency", DataTypes.StringType, false, CURRENCY))
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
              new Columns()
                  .add(
                      "county_code",
                      DataTypes.StringType,
                      false,
                      "the county whose units are ranked (regions.csv)")
                  .add("county_name", DataTypes.StringType, true, COUNTY_NAME)
                  .add("indicator", DataTypes.StringType, false, INDICATOR)
                  .add("target_period", DataTypes.IntegerType, false, TARGET_PERIOD)
                  .add("target_type", DataTypes.StringType, false, TARGET_TYPE)
                  .add("as_of_period", DataTypes.IntegerType, true, AS_OF_PERIOD)
                  .add(
                      "unit_code",
                      DataTypes.StringType,
                      false,
                      "the town, street or platform (units.csv)")
                  .add("unit_name", DataTypes.StringType, true, "the unit's name (units.csv)")
                  .add(
                      "unit_type",
                      DataTypes.StringType,
                      true,
                      "town (乡镇), street (街道) or platform (平台)")
                  .add(
                      "completion_pct",
                      DataTypes.DoubleType,
                      true,
                      "completion of the unit's target, percent, as in target_attainment")
                  .add("time_progress_pct", DataTypes.DoubleType, true, TIME_PROGRESS_PCT)
                  .add("ahead_pp", DataTypes.DoubleType, true, AHEAD_PP)
                  .add("status", DataTypes.StringType, false, STATUS)
                  .add(
                      "rank",
                      DataTypes.IntegerType,
                      true,
                      "rank on completion_pct among the county's units with the same target,"
                          + " RANK() descending; null without a completion")
                  .add(
                      "n_ranked",
                      DataTypes.IntegerType,
                      false,
                      "how many of the county's units are ranked on the target")
                  .add(
                      "badge",
                      DataTypes.StringType,
                      true,
                      "gold (金牌) for the best (metrics.unit_ranking.gold_count, 3), otherwise"
                          + " snail (蜗牛, red card) for the bottom (snail_count, 3); null for the"
                          + " rest"))
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
              new Columns()
                  .add("period", DataTypes.IntegerType, false, "the month checked, YYYYMM")
                  .add(
                      "enterprise_id",
                      DataTypes.StringType,
                      false,
                      "the exporter's unified social credit code (统一社会信用代码)")
                  .add(
                      "enterprise_name",
                      DataTypes.StringType,
                      true,
                      "the exporter's name as customs gave it; null when never given")
                  .add(
                      "county_code",
                      DataTypes.StringType,
                      false,
                      "the county where the exporter is registered (regions.csv)")
                  .add("county_name", DataTypes.StringType, true, COUNTY_NAME)
                  .add(
                      "reason",
                      DataTypes.StringType,
                      false,
                      "stopped: no exports this month after some in the previous month or the same"
                          + " month last year; sharp_drop: down more than"
                          + " metrics.watchlist.drop_pct percent on the same month last year")
                  .add(
                      "value_month",
                      AMOUNT,
                      false,
                      "the enterprise's exports this month, yuan; 0 when stopped")
                  .add(
                      "value_prev_month",
                      AMOUNT,
                      true,
                      "its exports the month before, yuan; null when that month was never"
                          + " delivered")
                  .add(
                      "value_month_ly",
                      AMOUNT,
                      true,
                      "its exports in the same month last year, yuan; null when that month was"
                          + " never delivered")
                  .add(
                      "yoy_month_pct",
                      DataTypes.DoubleType,
                      true,
                      "(value_month − value_month_ly) / value_month_ly × 100, percent; null when"
                          + " last year is zero or missing")
                  .add(
                      "currency",
                      DataTypes.StringType,
                      false,
                      "CNY: the watch is kept on amounts in yuan"))
          .withKey("period", "enterprise_id", "county_code")
          .accepting("reason", "stopped", "sharp_drop")
          .accepting("currency", CURRENCIES);

  /** Rule-based alerts (configuration {@code metrics.alerts}). */
  public static final TableContract ALERTS =
      TableContract.of(
              TableId.of(DATABASE, "alerts"),
              "one row per rule, region, indicator and period that breaks the rule",
              new Columns()
                  .add(
                      "rule",
                      DataTypes.StringType,
                      false,
                      "the rule broken (metrics.alerts): negative_growth, rank_fall,"
                          + " behind_time_progress or share_falling")
                  .add("region_level", DataTypes.StringType, true, "county or unit")
                  .add(
                      "region_code",
                      DataTypes.StringType,
                      false,
                      "the county's or unit's code (regions.csv, units.csv)")
                  .add(
                      "region_name",
                      DataTypes.StringType,
                      true,
                      "the region's name (regions.csv, units.csv)")
                  .add("indicator", DataTypes.StringType, false, INDICATOR)
                  .add(
                      "period",
                      DataTypes.IntegerType,
                      false,
                      "the month, YYYYMM; for behind_time_progress the target's as-of month")
                  .add(
                      "value",
                      DataTypes.DoubleType,
                      true,
                      "the figure that broke the rule: yoy_ytd_pct, rank_change, ahead_pp or"
                          + " share_change_pp, by rule")
                  .add(
                      "threshold",
                      DataTypes.DoubleType,
                      true,
                      "the limit it crossed, in the same unit: 0, −rank_fall_places, −behind_pp or"
                          + " −share_fall_pp")
                  .add(
                      "message",
                      DataTypes.StringType,
                      true,
                      "the alert in words, e.g. \"year-to-date growth -3.2%\""))
          .withKey("rule", "region_code", "indicator", "period")
          .accepting("indicator", INDICATORS);

  /** A sub-score's description: the scheme scores a measure, or leaves it out. */
  private static String subScore(String measure) {
    return "sub-score on "
        + measure
        + " by the scheme's scoring function (60 to 100 under 功效系数法); null when the scheme"
        + " does not score it";
  }
}
