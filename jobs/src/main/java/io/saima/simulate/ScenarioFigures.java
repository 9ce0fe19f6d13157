package io.saima.simulate;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.saima.catalog.GoldTables;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Applies a scenario's adjustments to {@code gold.indicator_monthly}: the monthly values of the
 * counties change, their cities and the province change by the sum of their counties, and the year
 * to date, last year's figures (for the next year's growth), growth and shares are recomputed
 * consistently. Rows that no adjustment reaches keep gold's figures untouched, so a scenario that
 * changes nothing gives back the baseline exactly.
 */
public final class ScenarioFigures {
  private ScenarioFigures() {}

  private static final StructType DELTAS =
      new StructType()
          .add("indicator", DataTypes.StringType, false)
          .add("region_code", DataTypes.StringType, false)
          .add("period", DataTypes.IntegerType, false)
          .add("delta", GoldTables.AMOUNT, false);

  /** Gold figures with the scenario applied, in the schema of indicator_monthly. */
  public static Dataset<Row> apply(Scenario scenario, Dataset<Row> monthly, Dataset<Row> regions) {
    if (!scenario.changesFigures()) {
      return monthly;
    }
    Dataset<Row> countyDeltas = countyDeltas(scenario, monthly);
    Dataset<Row> deltas = allLevels(countyDeltas, regions);
    Dataset<Row> cumulative = cumulative(monthly, deltas);

    Dataset<Row> adjusted =
        monthly
            .join(cumulative, keys(), "left")
            .na()
            .fill(0, new String[] {"d_month", "d_ytd", "d_month_ly", "d_ytd_ly"})
            .withColumn(
                "touched", expr("d_month <> 0 OR d_ytd <> 0 OR d_month_ly <> 0 OR d_ytd_ly <> 0"))
            .withColumn("value_month", plus("value_month", "d_month"))
            .withColumn("value_ytd", plus("value_ytd", "d_ytd"))
            .withColumn("value_month_ly", plus("value_month_ly", "d_month_ly"))
            .withColumn("value_ytd_ly", plus("value_ytd_ly", "d_ytd_ly"));

    Dataset<Row> province =
        adjusted
            .filter(col("region_level").equalTo("province"))
            .select(
                col("indicator").as("p_indicator"),
                col("period").as("p_period"),
                col("value_ytd").as("p_ytd"),
                col("value_ytd_ly").as("p_ytd_ly"),
                col("touched").as("p_touched"));
    Dataset<Row> withProvince =
        adjusted.join(
            province,
            col("p_indicator")
                .equalTo(col("indicator"))
                .and(col("p_period").equalTo(col("period"))),
            "left");
    Column own = col("touched");
    Column shareMoves = own.or(coalesce(col("p_touched"), lit(false)));
    Dataset<Row> out =
        withProvince
            .withColumn(
                "yoy_month_pct",
                when(own, growth("value_month", "value_month_ly")).otherwise(col("yoy_month_pct")))
            .withColumn(
                "yoy_ytd_pct",
                when(own, growth("value_ytd", "value_ytd_ly")).otherwise(col("yoy_ytd_pct")))
            .withColumn(
                "share_ytd_pct",
                when(shareMoves, growthShare("value_ytd", "p_ytd")).otherwise(col("share_ytd_pct")))
            .withColumn(
                "share_ytd_ly_pct",
                when(shareMoves, growthShare("value_ytd_ly", "p_ytd_ly"))
                    .otherwise(col("share_ytd_ly_pct")))
            .withColumn(
                "share_change_pp",
                when(shareMoves, expr("share_ytd_pct - share_ytd_ly_pct"))
                    .otherwise(col("share_change_pp")));
    return out.select(
        java.util.Arrays.stream(GoldTables.INDICATOR_MONTHLY.schema().fields())
            .map(StructField::name)
            .map(name -> col(name))
            .toArray(Column[]::new));
  }

  private static Column plus(String value, String delta) {
    // a figure that does not exist stays null; the amount is in the same currency
    return expr("CAST(" + value + " + " + delta + " AS DECIMAL(24,2))");
  }

  /** (this − last year) / last year × 100; null when last year is missing or 0. */
  private static Column growth(String value, String lastYear) {
    return expr(
        "CASE WHEN "
            + lastYear
            + " IS NULL OR "
            + lastYear
            + " = 0 OR "
            + value
            + " IS NULL THEN NULL ELSE (CAST("
            + value
            + " AS DOUBLE) - CAST("
            + lastYear
            + " AS DOUBLE)) / CAST("
            + lastYear
            + " AS DOUBLE) * 100 END");
  }

  private static Column growthShare(String value, String province) {
    return expr(
        "CASE WHEN "
            + province
            + " IS NULL OR "
            + province
            + " = 0 OR "
            + value
            + " IS NULL THEN NULL ELSE CAST("
            + value
            + " AS DOUBLE) / CAST("
            + province
            + " AS DOUBLE) * 100 END");
  }

  private static scala.collection.Seq<String> keys() {
    return scala.collection.JavaConverters.asScalaBuffer(
            List.of("indicator", "region_level", "region_code", "period"))
        .toSeq();
  }

  /** The change of each county's month, per indicator and period. */
  static Dataset<Row> countyDeltas(Scenario scenario, Dataset<Row> monthly) {
    List<Row> amountRows = new ArrayList<>();
    for (Scenario.Amount a : scenario.amounts()) {
      long cents = a.amount().movePointRight(2).longValueExact();
      int n = a.months().size();
      long each = Math.floorDiv(cents, n);
      for (int i = 0; i < n; i++) {
        long share = i == n - 1 ? cents - each * (n - 1) : each;
        amountRows.add(
            RowFactory.create(
                a.indicator(), a.region(), a.months().get(i), BigDecimal.valueOf(share, 2)));
      }
    }
    Dataset<Row> deltas = monthly.sparkSession().createDataFrame(amountRows, DELTAS);
    for (Scenario.GrowthShock s : scenario.shocks()) {
      BigDecimal factor =
          BigDecimal.valueOf(s.pct()).movePointLeft(2).setScale(10, RoundingMode.HALF_UP);
      Column who = col("region_level").equalTo("county");
      if (!s.regions().isEmpty()) {
        who = who.and(col("region_code").isin(s.regions().toArray()));
      }
      Dataset<Row> shock =
          monthly
              .filter(
                  who.and(col("indicator").equalTo(s.indicator()))
                      .and(col("period").isin(s.months().toArray()))
                      .and(col("value_month").isNotNull()))
              .select(
                  col("indicator"),
                  col("region_code"),
                  col("period"),
                  expr("CAST(ROUND(value_month * CAST('"
                          + factor.toPlainString()
                          + "' AS DECIMAL(20,10)), 2) AS DECIMAL(24,2))")
                      .as("delta"));
      deltas = deltas.unionByName(shock);
    }
    return deltas
        .groupBy("indicator", "region_code", "period")
        .agg(sum("delta").cast(GoldTables.AMOUNT).as("delta"));
  }

  /** County changes, and their sums for cities and the province. */
  static Dataset<Row> allLevels(Dataset<Row> countyDeltas, Dataset<Row> regions) {
    Dataset<Row> withRegion =
        countyDeltas.join(
            regions.select(col("county_code"), col("city_code"), col("province_code")),
            col("county_code").equalTo(col("region_code")));
    Dataset<Row> county = countyDeltas.withColumn("region_level", lit("county"));
    Dataset<Row> city =
        withRegion
            .groupBy(col("indicator"), col("city_code").as("region_code"), col("period"))
            .agg(sum("delta").cast(GoldTables.AMOUNT).as("delta"))
            .withColumn("region_level", lit("city"));
    Dataset<Row> province =
        withRegion
            .groupBy(col("indicator"), col("province_code").as("region_code"), col("period"))
            .agg(sum("delta").cast(GoldTables.AMOUNT).as("delta"))
            .withColumn("region_level", lit("province"));
    return county.unionByName(city).unionByName(province);
  }

  /** For every row of gold: the change of its month, its year to date and last year's. */
  static Dataset<Row> cumulative(Dataset<Row> monthly, Dataset<Row> deltas) {
    Dataset<Row> d =
        deltas.select(
            col("indicator").as("d_indicator"),
            col("region_level").as("d_level"),
            col("region_code").as("d_code"),
            col("period").as("d_period"),
            col("delta"));
    Dataset<Row> rows = monthly.select("indicator", "region_level", "region_code", "period");
    Column sameRegion =
        col("d_indicator")
            .equalTo(col("indicator"))
            .and(col("d_level").equalTo(col("region_level")))
            .and(col("d_code").equalTo(col("region_code")));
    Column thisYear = expr("d_period DIV 100 = period DIV 100 AND d_period <= period");
    Column lastYear = expr("d_period DIV 100 = period DIV 100 - 1 AND d_period <= period - 100");
    return rows.join(d, sameRegion.and(thisYear.or(lastYear)))
        .groupBy("indicator", "region_level", "region_code", "period")
        .agg(
            sum(when(expr("d_period = period"), col("delta"))).as("d_month"),
            sum(when(thisYear, col("delta"))).as("d_ytd"),
            sum(when(expr("d_period = period - 100"), col("delta"))).as("d_month_ly"),
            sum(when(lastYear, col("delta"))).as("d_ytd_ly"));
  }
}
