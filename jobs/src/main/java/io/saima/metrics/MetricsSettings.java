package io.saima.metrics;

import io.saima.config.ConfigException;
import io.saima.config.SaimaConfig;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Thresholds of the metrics that are policy, not definition (configuration {@code metrics.*}).
 *
 * @param goldCount units ranked at or above this rank get the gold badge (金牌)
 * @param snailCount the bottom units that get the snail badge (蜗牛)
 * @param dropPct a year-on-year fall of more than this many percent puts an exporter on the
 *     watchlist
 * @param minBaseCny the smallest base (yuan) for which the watchlist flags a stop or a fall
 * @param alertRules the alert rules switched on
 * @param rankFallPlaces rank_fall fires from this many places lost in a month
 * @param rankFallMeasure the indicator_rank measure rank_fall watches
 * @param behindPp behind_time_progress fires when completion trails time progress by more
 * @param shareFallPp share_falling fires when the share falls by more than this many points
 */
public record MetricsSettings(
    int goldCount,
    int snailCount,
    double dropPct,
    BigDecimal minBaseCny,
    Set<String> alertRules,
    int rankFallPlaces,
    String rankFallMeasure,
    double behindPp,
    double shareFallPp) {

  public static final List<String> RULES =
      List.of("negative_growth", "rank_fall", "behind_time_progress", "share_falling");
  public static final List<String> RANK_MEASURES = List.of("ytd_value", "ytd_yoy", "share_change");

  public MetricsSettings {
    alertRules = Set.copyOf(alertRules);
    for (String rule : alertRules) {
      if (!RULES.contains(rule)) {
        throw new ConfigException(
            "configuration",
            "metrics.alerts.rules",
            "unknown rule '" + rule + "', known: " + RULES);
      }
    }
    if (!RANK_MEASURES.contains(rankFallMeasure)) {
      throw new ConfigException(
          "configuration",
          "metrics.alerts.rank_fall_measure",
          "expected one of " + RANK_MEASURES + ", got '" + rankFallMeasure + "'");
    }
    if (goldCount < 0 || snailCount < 0 || rankFallPlaces < 1) {
      throw new ConfigException(
          "configuration",
          "metrics",
          "gold_count and snail_count must be 0 or more, rank_fall_places 1 or more");
    }
  }

  /** The defaults of conf/application.yaml, for code that runs without a configuration. */
  public static MetricsSettings defaults() {
    return new MetricsSettings(
        3, 3, 30.0, BigDecimal.ZERO, Set.copyOf(RULES), 3, "ytd_value", 5.0, 0.0);
  }

  public static MetricsSettings from(SaimaConfig config) {
    MetricsSettings d = defaults();
    Object rules = config.get("metrics.alerts.rules");
    Set<String> ruleSet = d.alertRules();
    if (rules instanceof List<?> list) {
      ruleSet = Set.copyOf(list.stream().map(String::valueOf).toList());
    }
    return new MetricsSettings(
        config.integer("metrics.unit_ranking.gold_count").map(Long::intValue).orElse(d.goldCount()),
        config
            .integer("metrics.unit_ranking.snail_count")
            .map(Long::intValue)
            .orElse(d.snailCount()),
        config
            .number("metrics.watchlist.drop_pct")
            .map(BigDecimal::doubleValue)
            .orElse(d.dropPct()),
        config.number("metrics.watchlist.min_base_cny").orElse(d.minBaseCny()),
        ruleSet,
        config
            .integer("metrics.alerts.rank_fall_places")
            .map(Long::intValue)
            .orElse(d.rankFallPlaces()),
        java.util.Optional.ofNullable(config.string("metrics.alerts.rank_fall_measure"))
            .orElse(d.rankFallMeasure()),
        config.number("metrics.alerts.behind_pp").map(BigDecimal::doubleValue).orElse(d.behindPp()),
        config
            .number("metrics.alerts.share_fall_pp")
            .map(BigDecimal::doubleValue)
            .orElse(d.shareFallPp()));
  }

  private static final StructType SCHEMA =
      new StructType()
          .add("gold_count", DataTypes.IntegerType, false)
          .add("snail_count", DataTypes.IntegerType, false)
          .add("drop_pct", DataTypes.DoubleType, false)
          .add("min_base_cny", DataTypes.createDecimalType(24, 2), false)
          .add("negative_growth_on", DataTypes.BooleanType, false)
          .add("rank_fall_on", DataTypes.BooleanType, false)
          .add("rank_fall_places", DataTypes.IntegerType, false)
          .add("rank_fall_measure", DataTypes.StringType, false)
          .add("behind_time_progress_on", DataTypes.BooleanType, false)
          .add("behind_pp", DataTypes.DoubleType, false)
          .add("share_falling_on", DataTypes.BooleanType, false)
          .add("share_fall_pp", DataTypes.DoubleType, false);

  /** One row holding these settings, the {@code settings} view of the SQL definitions. */
  Dataset<Row> asFrame(SparkSession spark) {
    Row row =
        RowFactory.create(
            goldCount,
            snailCount,
            dropPct,
            minBaseCny.setScale(2, java.math.RoundingMode.HALF_UP),
            alertRules.contains("negative_growth"),
            alertRules.contains("rank_fall"),
            rankFallPlaces,
            rankFallMeasure,
            alertRules.contains("behind_time_progress"),
            behindPp,
            alertRules.contains("share_falling"),
            shareFallPp);
    return spark.createDataFrame(List.of(row), SCHEMA);
  }
}
