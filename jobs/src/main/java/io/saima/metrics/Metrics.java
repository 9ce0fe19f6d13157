package io.saima.metrics;

import io.saima.catalog.Indicators;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The gold metrics as functions from frames to frames. Each definition is a SQL resource under
 * {@code sql/metrics/} that opens with its grain; here the inputs are named and handed over. No
 * function reads or writes a table: {@link BuildStage} does that at the edge.
 */
public final class Metrics {
  private Metrics() {}

  /**
   * The indicators ({@link Indicators}) with their source, the column and trade modes they count,
   * their currency and whether towns carry them.
   */
  public static Dataset<Row> indicators(SparkSession spark) {
    return Indicators.frame(spark);
  }

  /**
   * {@code silver.customs_monthly}: customs lines summed per month, county, town, trade mode and
   * enterprise (see {@code customs_monthly.sql}); the customs input of every other definition.
   */
  public static Dataset<Row> customsMonthly(Dataset<Row> customsLines) {
    return MetricSql.run(
        customsLines.sparkSession(), "customs_monthly", Map.of("customs_exports", customsLines));
  }

  /**
   * {@code gold.indicator_monthly}: every indicator at province, city, county and unit level for
   * every delivered month of the inputs (see {@code indicator_monthly.sql}).
   */
  public static Dataset<Row> indicatorMonthly(SilverInputs in) {
    SparkSession spark = in.regions().sparkSession();
    Map<String, Dataset<Row>> views = sourceViews(in);
    views.put("source_lines", materialised(MetricSql.run(spark, "source_lines", views)));
    Dataset<Row> countyMonths = materialised(MetricSql.run(spark, "county_months", views));
    Dataset<Row> unitMonths = materialised(MetricSql.run(spark, "unit_months", views));
    return MetricSql.run(
        spark,
        "indicator_monthly",
        Map.of(
            "county_months",
            countyMonths,
            "unit_months",
            unitMonths,
            "regions",
            in.regions(),
            "units",
            in.units()));
  }

  /**
   * Town codes that are no unit of their line's county: the lines count for the county only (see
   * {@code stray_town_codes.sql}).
   */
  public static Dataset<Row> strayTownCodes(SilverInputs in) {
    SparkSession spark = in.regions().sparkSession();
    Map<String, Dataset<Row>> views = sourceViews(in);
    views.put("source_lines", MetricSql.run(spark, "source_lines", views));
    return MetricSql.run(spark, "stray_town_codes", views);
  }

  /**
   * {@code gold.indicator_rank} for the periods of {@code monthly}; rank_change needs the month
   * before each period in it too.
   */
  public static Dataset<Row> indicatorRank(Dataset<Row> monthly, Dataset<Row> regions) {
    return MetricSql.run(
        monthly.sparkSession(),
        "indicator_rank",
        Map.of("indicator_monthly", monthly, "regions", regions));
  }

  /** {@code gold.target_attainment}: every target as of the latest month delivered. */
  public static Dataset<Row> targetAttainment(SilverInputs in, Dataset<Row> monthly) {
    SparkSession spark = monthly.sparkSession();
    return MetricSql.run(
        spark,
        "target_attainment",
        Map.of(
            "targets", in.targets(),
            "indicators", indicators(spark),
            "delivered_periods", in.deliveredPeriods(),
            "indicator_monthly", monthly,
            "regions", in.regions(),
            "units", in.units()));
  }

  /** {@code gold.unit_ranking}: units ranked on completion of their targets, with badges. */
  public static Dataset<Row> unitRanking(
      Dataset<Row> attainment, SilverInputs in, MetricsSettings settings) {
    SparkSession spark = attainment.sparkSession();
    return MetricSql.run(
        spark,
        "unit_ranking",
        Map.of(
            "target_attainment", attainment,
            "units", in.units(),
            "regions", in.regions(),
            "settings", settings.asFrame(spark)));
  }

  /**
   * {@code gold.enterprise_watchlist} for the months in {@code watchPeriods} (one column {@code
   * period}); the customs sums must hold those months, the month before each and the same month
   * last year.
   */
  public static Dataset<Row> enterpriseWatchlist(
      SilverInputs in, Dataset<Row> watchPeriods, MetricsSettings settings) {
    SparkSession spark = in.regions().sparkSession();
    Dataset<Row> enterpriseMonths =
        materialised(
            MetricSql.run(
                spark, "enterprise_months", Map.of("customs_monthly", in.customsMonthly())));
    return MetricSql.run(
        spark,
        "enterprise_watchlist",
        Map.of(
            "enterprise_months", enterpriseMonths,
            "delivered_periods", in.deliveredPeriods(),
            "watch_periods", watchPeriods,
            "regions", in.regions(),
            "settings", settings.asFrame(spark)));
  }

  /** {@code gold.alerts}: the configured rules over the gold figures. */
  public static Dataset<Row> alerts(
      Dataset<Row> monthly, Dataset<Row> rank, Dataset<Row> attainment, MetricsSettings settings) {
    SparkSession spark = monthly.sparkSession();
    return MetricSql.run(
        spark,
        "alerts",
        Map.of(
            "indicator_monthly", monthly,
            "indicator_rank", rank,
            "target_attainment", attainment,
            "settings", settings.asFrame(spark)));
  }

  /**
   * Computes a small intermediate frame once. The definitions refer to these frames many times
   * (each level, last year, the province); without this Spark would re-read and re-aggregate the
   * source tables for every reference and plan an ever larger query.
   */
  private static Dataset<Row> materialised(Dataset<Row> frame) {
    return frame.localCheckpoint(true);
  }

  private static Map<String, Dataset<Row>> sourceViews(SilverInputs in) {
    Map<String, Dataset<Row>> views = new LinkedHashMap<>();
    views.put("customs_monthly", in.customsMonthly());
    views.put("fdi_inflows", in.fdiInflows());
    views.put("retail_sales", in.retailSales());
    views.put("above_quota_sales", in.aboveQuotaSales());
    views.put("delivered_periods", in.deliveredPeriods());
    views.put("regions", in.regions());
    views.put("units", in.units());
    views.put("indicators", indicators(in.regions().sparkSession()));
    return views;
  }
}
