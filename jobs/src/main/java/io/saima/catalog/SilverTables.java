package io.saima.catalog;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * Contracts of the silver layer: current, typed, validated rows with revisions applied, and the
 * customs lines' kept monthly sums. Money is DECIMAL(20,2) from file to table. Every line keeps its
 * lineage ({@code _delivery}, {@code _file}, {@code _line}).
 *
 * <p>Long because it is a list: one contract a table, each column with its type and its one-line
 * description beside it, read top to bottom like the table reference it generates (docs/tables.md).
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

  private static final String PERIOD = "the month of the figures, YYYYMM (统计月份)";

  private static final String TOWN_CODE =
      "the town, street or platform (units.csv); null when not given or not a unit of the county,"
          + " which is reported as a warning";

  private static final String EXPORTER_COUNTY =
      "the county where the exporter is registered (regions.csv)";

  private static final String ENTERPRISE_ID =
      "unified social credit code (统一社会信用代码), upper case, check character verified (GB"
          + " 32100-2015)";

  private static Columns lineage(Columns columns) {
    return columns
        .add("_delivery", DataTypes.StringType, false, BronzeTables.DELIVERY)
        .add("_file", DataTypes.StringType, false, BronzeTables.FILE)
        .add("_line", DataTypes.LongType, false, BronzeTables.LINE);
  }

  public static final TableContract CUSTOMS_EXPORTS =
      TableContract.of(
              TableId.of(DATABASE, "customs_exports"),
              "one row per enterprise, commodity, destination, trade mode and month, as customs"
                  + " delivered it",
              lineage(
                  new Columns()
                      .add("period", DataTypes.IntegerType, false, PERIOD)
                      .add("county_code", DataTypes.StringType, false, EXPORTER_COUNTY)
                      .add("town_code", DataTypes.StringType, true, TOWN_CODE)
                      .add(
                          "enterprise_id",
                          DataTypes.StringType,
                          false,
                          "the exporter's " + ENTERPRISE_ID)
                      .add(
                          "enterprise_name",
                          DataTypes.StringType,
                          true,
                          "the exporter's name (企业名称) as delivered; null when not given")
                      .add(
                          "hs_code",
                          DataTypes.StringType,
                          false,
                          "commodity code (商品编码), 8 or 10 digits")
                      .add(
                          "trade_mode",
                          DataTypes.StringType,
                          false,
                          "customs trade mode (贸易方式), 4 digits: 0110 general trade,"
                              + " 9610/9710/9810/1210 cross-border e-commerce, 0214/0615"
                              + " processing")
                      .add(
                          "destination",
                          DataTypes.StringType,
                          false,
                          "country of destination (目的国), ISO 3166-1 alpha-2, upper case")
                      .add(
                          "value_usd",
                          MONEY,
                          false,
                          "value in US dollars as customs gave it; when not given, value_cny at the"
                              + " month's rate, rounded half-up to 2 decimals")
                      .add(
                          "value_cny",
                          MONEY,
                          false,
                          "value in yuan as customs gave it; when not given, value_usd at the"
                              + " month's rate, rounded half-up to 2 decimals")),
              "period")
          .matching("trade_mode", "^[0-9]{4}$")
          .moneyNonNegative();

  /** A month's sum of money lines: DECIMAL(30,2), the type Spark gives a SUM of {@link #MONEY}. */
  public static final DataType MONEY_SUM = DataTypes.createDecimalType(30, 2);

  /**
   * The customs lines summed per month, county, town, trade mode and enterprise: what every gold
   * figure from customs is derived from, kept so that a build with one new month reads that month's
   * lines and the other months' sums, not years of lines. A build rewrites the months whose lines
   * were rewritten ({@code replaceWhere} on {@code period}).
   */
  public static final TableContract CUSTOMS_MONTHLY =
      TableContract.of(
              TableId.of(DATABASE, "customs_monthly"),
              "one row per month, county, town, trade mode and enterprise with customs lines in"
                  + " silver.customs_exports",
              new Columns()
                  .add("period", DataTypes.IntegerType, false, PERIOD)
                  .add("county_code", DataTypes.StringType, false, EXPORTER_COUNTY)
                  .add("town_code", DataTypes.StringType, true, TOWN_CODE)
                  .add(
                      "trade_mode",
                      DataTypes.StringType,
                      false,
                      "customs trade mode (贸易方式), 4 digits")
                  .add(
                      "enterprise_id",
                      DataTypes.StringType,
                      false,
                      "the exporter's " + ENTERPRISE_ID)
                  .add(
                      "enterprise_name",
                      DataTypes.StringType,
                      true,
                      "the greatest of the names its lines give (企业名称); null when none does")
                  .add("value_cny", MONEY_SUM, false, "the lines' value_cny summed, exactly")
                  .add("value_usd", MONEY_SUM, false, "the lines' value_usd summed, exactly")
                  .add(
                      "line_count",
                      DataTypes.LongType,
                      false,
                      "how many silver lines the row sums"),
              "period")
          .withKey("period", "county_code", "town_code", "trade_mode", "enterprise_id")
          .moneyNonNegative();

  public static final TableContract FDI_INFLOWS =
      TableContract.of(
              TableId.of(DATABASE, "fdi_inflows"),
              "one row per project and month: an arrival of actually used foreign capital (USD)",
              lineage(
                  new Columns()
                      .add("period", DataTypes.IntegerType, false, PERIOD)
                      .add(
                          "county_code",
                          DataTypes.StringType,
                          false,
                          "the county where the foreign-invested enterprise is registered"
                              + " (regions.csv)")
                      .add("town_code", DataTypes.StringType, true, TOWN_CODE)
                      .add(
                          "project_id",
                          DataTypes.StringType,
                          false,
                          "the investment project's number (项目编号)")
                      .add(
                          "investor_country",
                          DataTypes.StringType,
                          true,
                          "the investor's country (投资方国别), ISO 3166-1 alpha-2, upper case; null"
                              + " when not given")
                      .add(
                          "industry",
                          DataTypes.StringType,
                          true,
                          "the project's industry (行业), GB/T 4754 section letter; null when not"
                              + " given")
                      .add(
                          "contract_usd",
                          MONEY,
                          true,
                          "contracted foreign investment (合同外资), USD; null when not given; never"
                              + " summed into actual_usd")
                      .add(
                          "actual_usd",
                          MONEY,
                          false,
                          "foreign capital actually paid in (实到外资), USD: what fdi_actual sums")),
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
                  new Columns()
                      .add("period", DataTypes.IntegerType, false, PERIOD)
                      .add(
                          "county_code",
                          DataTypes.StringType,
                          false,
                          "the county the figures are published for (regions.csv)")
                      .add(
                          "retail_sales_cny",
                          MONEY,
                          false,
                          "retail sales of consumer goods (社会消费品零售总额), yuan, on the row's"
                              + " basis")
                      .add(
                          "online_retail_cny",
                          MONEY,
                          true,
                          "online retail (网络零售额), yuan, on the row's basis; null when not given;"
                              + " not part of retail sales")
                      .add(
                          "basis",
                          DataTypes.StringType,
                          false,
                          "口径 of the amounts: the month, or January to the month (累计), from"
                              + " which gold derives the month by difference")),
              "period")
          .withKey(Source.RETAIL_SALES.key().toArray(String[]::new))
          .accepting("basis", "month", "ytd")
          .moneyNonNegative();

  public static final TableContract ABOVE_QUOTA_SALES =
      TableContract.of(
              TableId.of(DATABASE, "above_quota_sales"),
              "one row per enterprise, industry and month",
              lineage(
                  new Columns()
                      .add("period", DataTypes.IntegerType, false, PERIOD)
                      .add(
                          "county_code",
                          DataTypes.StringType,
                          false,
                          "the county where the enterprise is registered (regions.csv)")
                      .add("town_code", DataTypes.StringType, true, TOWN_CODE)
                      .add(
                          "enterprise_id",
                          DataTypes.StringType,
                          false,
                          "the enterprise's " + ENTERPRISE_ID)
                      .add(
                          "industry",
                          DataTypes.StringType,
                          false,
                          "the industry of the sales (批零住餐), lower case")
                      .add(
                          "sales_cny",
                          MONEY,
                          false,
                          "the enterprise's sales in that industry in the month (销售额), yuan")),
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
              new Columns()
                  .add("source", DataTypes.StringType, false, "the landing source")
                  .add(
                      "period",
                      DataTypes.IntegerType,
                      false,
                      "a month the source has delivered, YYYYMM")
                  .add(
                      "_delivery",
                      DataTypes.StringType,
                      false,
                      "the delivery whose rows stand for the month: the last by name that brought"
                          + " it")
                  .add(
                      "rows",
                      DataTypes.LongType,
                      false,
                      "silver rows of the month from that delivery; 0 is a real figure (delivered,"
                          + " nothing for anyone)")
                  .add(
                      "applied_at",
                      DataTypes.TimestampType,
                      false,
                      "when that delivery was applied; a build recomputes what was applied after"
                          + " the last one (ops.build_state)"))
          .withKey("source", "period")
          .accepting("source", SOURCE_IDS);

  public static final TableContract REGIONS =
      TableContract.of(
              TableId.of(DATABASE, "regions"),
              "one row per county-level unit",
              new Columns()
                  .add(
                      "county_code",
                      DataTypes.StringType,
                      false,
                      "6-digit GB/T 2260 code of the county-level unit, e.g. 330521")
                  .add("county_name", DataTypes.StringType, false, "its name, e.g. 德清县")
                  .add(
                      "city_code",
                      DataTypes.StringType,
                      false,
                      "code of the city (prefecture) it belongs to, e.g. 330500")
                  .add("city_name", DataTypes.StringType, false, "the city's name, e.g. 湖州市")
                  .add(
                      "province_code",
                      DataTypes.StringType,
                      false,
                      "code of the province, e.g. 330000")
                  .add(
                      "province_name", DataTypes.StringType, false, "the province's name, e.g. 浙江省")
                  .add(
                      "competition_group",
                      DataTypes.StringType,
                      false,
                      "the group the county is ranked in within the province, e.g. mountain26"
                          + " (山区26县)"))
          .withKey("county_code");

  public static final TableContract UNITS =
      TableContract.of(
              TableId.of(DATABASE, "units"),
              "one row per town, street or platform",
              new Columns()
                  .add(
                      "unit_code",
                      DataTypes.StringType,
                      false,
                      "9-digit code of the town, street or platform (乡镇街道代码)")
                  .add("unit_name", DataTypes.StringType, false, "its name, e.g. 武康街道")
                  .add(
                      "unit_type",
                      DataTypes.StringType,
                      false,
                      "town (乡镇), street (街道) or platform (平台, e.g. a development zone)")
                  .add(
                      "county_code",
                      DataTypes.StringType,
                      false,
                      "the county it belongs to (regions.csv)"))
          .withKey("unit_code")
          .accepting("unit_type", UNIT_TYPES);

  public static final TableContract FX_RATES =
      TableContract.of(
              TableId.of(DATABASE, "fx_rates"),
              "one row per month: the average USD/CNY rate",
              new Columns()
                  .add("period", DataTypes.IntegerType, false, "the month, YYYYMM")
                  .add(
                      "usd_cny",
                      DataTypes.createDecimalType(10, 4),
                      false,
                      "yuan per US dollar, the month's average: converts the customs amount not"
                          + " given"))
          .withKey("period");

  public static final TableContract TARGETS =
      TableContract.of(
              TableId.of(DATABASE, "targets"),
              "one row per region (county or unit), indicator and target period",
              new Columns()
                  .add(
                      "region_code",
                      DataTypes.StringType,
                      false,
                      "the county or unit (town, street, platform) the target is set for")
                  .add("indicator", DataTypes.StringType, false, "the indicator (indicators.yaml)")
                  .add(
                      "target_period",
                      DataTypes.IntegerType,
                      false,
                      "YYYYMM ending the target's window January to MM: 202006 the first half"
                          + " (半年红), 202012 the year (全年红)")
                  .add(
                      "target_type",
                      DataTypes.StringType,
                      false,
                      "value: an amount to reach; growth_pct: a year-to-date growth to reach")
                  .add(
                      "target_value",
                      DataTypes.createDecimalType(20, 2),
                      false,
                      "the amount in the indicator's currency (value), or the growth in percent"
                          + " (growth_pct)"))
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
