package io.saima.catalog;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Contracts of the silver layer: current, typed, validated rows with revisions applied. Money is
 * DECIMAL(20,2) from file to table. Every row keeps its lineage ({@code _delivery}, {@code _file},
 * {@code _line}).
 */
public final class SilverTables {
  private SilverTables() {}

  /** Money: yuan or dollars with cents; 18 integer digits is far beyond any province's total. */
  public static final DataType MONEY = DataTypes.createDecimalType(20, 2);

  public static final String DATABASE = "silver";

  /** GB/T 4754 sections A to T: the industry of an FDI project. */
  static final String[] INDUSTRY_SECTIONS = {
    "A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S",
    "T"
  };

  /** A target is an amount ({@code value}) or a growth in percent ({@code growth_pct}). */
  public static final String[] TARGET_TYPES = {"value", "growth_pct"};

  /** What a unit of a county is. */
  public static final String[] UNIT_TYPES = {"town", "street", "platform"};

  /** The landing sources, by id. */
  static final String[] SOURCE_IDS =
      java.util.Arrays.stream(Source.values()).map(Source::id).toArray(String[]::new);

  /** The indicators of {@code indicators.yaml}, in its order. */
  static final String[] INDICATORS =
      Indicators.all().stream().map(Indicators.Indicator::id).toArray(String[]::new);

  private static StructType lineage(StructType schema) {
    return schema
        .add("_delivery", DataTypes.StringType, false)
        .add("_file", DataTypes.StringType, false)
        .add("_line", DataTypes.LongType, false);
  }

  public static final TableContract CUSTOMS_EXPORTS =
      TableContract.of(
              TableId.of(DATABASE, "customs_exports"),
              "one row per enterprise, commodity, destination, trade mode and month, as customs"
                  + " delivered it",
              lineage(
                  new StructType()
                      .add("period", DataTypes.IntegerType, false)
                      .add("county_code", DataTypes.StringType, false)
                      .add("town_code", DataTypes.StringType, true)
                      .add("enterprise_id", DataTypes.StringType, false)
                      .add("enterprise_name", DataTypes.StringType, true)
                      .add("hs_code", DataTypes.StringType, false)
                      .add("trade_mode", DataTypes.StringType, false)
                      .add("destination", DataTypes.StringType, false)
                      .add("value_usd", MONEY, false)
                      .add("value_cny", MONEY, false)),
              "period")
          .matching("trade_mode", "^[0-9]{4}$")
          .moneyNonNegative();

  public static final TableContract FDI_INFLOWS =
      TableContract.of(
              TableId.of(DATABASE, "fdi_inflows"),
              "one row per project and month: an arrival of actually used foreign capital (USD)",
              lineage(
                  new StructType()
                      .add("period", DataTypes.IntegerType, false)
                      .add("county_code", DataTypes.StringType, false)
                      .add("town_code", DataTypes.StringType, true)
                      .add("project_id", DataTypes.StringType, false)
                      .add("investor_country", DataTypes.StringType, true)
                      .add("industry", DataTypes.StringType, true)
                      .add("contract_usd", MONEY, true)
                      .add("actual_usd", MONEY, false)),
              "period")
          .withKey(Source.FDI_INFLOWS.key().toArray(String[]::new))
          .accepting("industry", INDUSTRY_SECTIONS)
          .moneyNonNegative();

  /**
   * Retail as delivered: {@code basis} says whether the amounts are the month ({@code month}) or
   * January to the month ({@code ytd}); gold derives months from cumulative figures.
   */
  public static final TableContract RETAIL_SALES =
      TableContract.of(
              TableId.of(DATABASE, "retail_sales"),
              "one row per county and month, as the statistics bureau published it",
              lineage(
                  new StructType()
                      .add("period", DataTypes.IntegerType, false)
                      .add("county_code", DataTypes.StringType, false)
                      .add("retail_sales_cny", MONEY, false)
                      .add("online_retail_cny", MONEY, true)
                      .add("basis", DataTypes.StringType, false)),
              "period")
          .withKey(Source.RETAIL_SALES.key().toArray(String[]::new))
          .accepting("basis", "month", "ytd")
          .moneyNonNegative();

  public static final TableContract ABOVE_QUOTA_SALES =
      TableContract.of(
              TableId.of(DATABASE, "above_quota_sales"),
              "one row per enterprise, industry and month",
              lineage(
                  new StructType()
                      .add("period", DataTypes.IntegerType, false)
                      .add("county_code", DataTypes.StringType, false)
                      .add("town_code", DataTypes.StringType, true)
                      .add("enterprise_id", DataTypes.StringType, false)
                      .add("industry", DataTypes.StringType, false)
                      .add("sales_cny", MONEY, false)),
              "period")
          .withKey(Source.ABOVE_QUOTA_SALES.key().toArray(String[]::new))
          .accepting("industry", "wholesale", "retail", "accommodation", "catering")
          .moneyNonNegative();

  /**
   * Which periods of which source have been delivered, and by which delivery last. A delivered
   * period with no rows for a county means 0 for it; a period never delivered has no figures.
   */
  public static final TableContract DELIVERED_PERIODS =
      TableContract.of(
              TableId.of(DATABASE, "delivered_periods"),
              "one row per source and period ever delivered",
              new StructType()
                  .add("source", DataTypes.StringType, false)
                  .add("period", DataTypes.IntegerType, false)
                  .add("_delivery", DataTypes.StringType, false)
                  .add("rows", DataTypes.LongType, false)
                  .add("applied_at", DataTypes.TimestampType, false))
          .withKey("source", "period")
          .accepting("source", SOURCE_IDS);

  public static final TableContract REGIONS =
      TableContract.of(
              TableId.of(DATABASE, "regions"),
              "one row per county-level unit",
              new StructType()
                  .add("county_code", DataTypes.StringType, false)
                  .add("county_name", DataTypes.StringType, false)
                  .add("city_code", DataTypes.StringType, false)
                  .add("city_name", DataTypes.StringType, false)
                  .add("province_code", DataTypes.StringType, false)
                  .add("province_name", DataTypes.StringType, false)
                  .add("competition_group", DataTypes.StringType, false))
          .withKey("county_code");

  public static final TableContract UNITS =
      TableContract.of(
              TableId.of(DATABASE, "units"),
              "one row per town, street or platform",
              new StructType()
                  .add("unit_code", DataTypes.StringType, false)
                  .add("unit_name", DataTypes.StringType, false)
                  .add("unit_type", DataTypes.StringType, false)
                  .add("county_code", DataTypes.StringType, false))
          .withKey("unit_code")
          .accepting("unit_type", UNIT_TYPES);

  public static final TableContract FX_RATES =
      TableContract.of(
              TableId.of(DATABASE, "fx_rates"),
              "one row per month: the average USD/CNY rate",
              new StructType()
                  .add("period", DataTypes.IntegerType, false)
                  .add("usd_cny", DataTypes.createDecimalType(10, 4), false))
          .withKey("period");

  public static final TableContract TARGETS =
      TableContract.of(
              TableId.of(DATABASE, "targets"),
              "one row per region (county or unit), indicator and target period",
              new StructType()
                  .add("region_code", DataTypes.StringType, false)
                  .add("indicator", DataTypes.StringType, false)
                  .add("target_period", DataTypes.IntegerType, false)
                  .add("target_type", DataTypes.StringType, false)
                  .add("target_value", DataTypes.createDecimalType(20, 2), false))
          .withKey("region_code", "indicator", "target_period", "target_type")
          .accepting("indicator", INDICATORS)
          .accepting("target_type", TARGET_TYPES);

  /** The silver table of a landing source. */
  public static TableContract of(Source source) {
    return switch (source) {
      case CUSTOMS_EXPORTS -> CUSTOMS_EXPORTS;
      case FDI_INFLOWS -> FDI_INFLOWS;
      case RETAIL_SALES -> RETAIL_SALES;
      case ABOVE_QUOTA_SALES -> ABOVE_QUOTA_SALES;
    };
  }
}
