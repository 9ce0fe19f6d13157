package io.saima.catalog;

import java.util.List;
import java.util.Locale;

/**
 * The four landing sources and their columns (DESIGN.md, "Landing zone"). Column names are the
 * canonical English ones; Chinese aliases live in configuration ({@code ingest.header_aliases}).
 * Each column says what the suppliers put in it, which is what {@code bronze.<source>} keeps.
 */
public enum Source {
  CUSTOMS_EXPORTS(
      List.of(
          Field.PERIOD,
          new Field(
              "county_code",
              "6-digit GB/T 2260 code of the county where the exporter is registered (县市区代码)"),
          new Field(
              "enterprise_id",
              "the exporter's unified social credit code (统一社会信用代码): 18 characters, the last a"
                  + " check character (GB 32100-2015)"),
          new Field("hs_code", "commodity code (商品编码), 8 or 10 digits"),
          new Field(
              "trade_mode",
              "customs trade mode (贸易方式), 4 digits: 0110 general trade, 9610/9710/9810/1210"
                  + " cross-border e-commerce, …"),
          new Field("destination", "country of destination (目的国), ISO 3166-1 alpha-2")),
      List.of(
          Field.TOWN_CODE,
          new Field("enterprise_name", "the exporter's name (企业名称)"),
          new Field(
              "value_usd",
              "value in US dollars (美元金额); at least one of value_usd and value_cny is given"),
          new Field(
              "value_cny",
              "value in yuan (人民币金额); at least one of value_usd and value_cny is given")),
      List.of()),
  FDI_INFLOWS(
      List.of(
          Field.PERIOD,
          new Field(
              "county_code",
              "6-digit GB/T 2260 code of the county where the foreign-invested enterprise is"
                  + " registered (县市区代码)"),
          new Field("project_id", "the investment project's number (项目编号)"),
          new Field("actual_usd", "foreign capital actually paid in, US dollars (实到外资美元)")),
      List.of(
          Field.TOWN_CODE,
          new Field("investor_country", "the investor's country (投资方国别), ISO 3166-1 alpha-2"),
          new Field("industry", "the project's industry (行业), a GB/T 4754 section letter A to T"),
          new Field(
              "contract_usd",
              "contracted foreign investment, US dollars (合同外资美元); never summed into"
                  + " actual_usd")),
      List.of("period", "project_id")),
  RETAIL_SALES(
      List.of(
          Field.PERIOD,
          new Field("county_code", "6-digit GB/T 2260 code of the county (县市区代码)"),
          new Field(
              "retail_sales_cny",
              "retail sales of consumer goods (社会消费品零售总额), yuan, on the row's basis")),
      List.of(
          new Field(
              "online_retail_cny",
              "online retail (网络零售额), yuan, on the row's basis; not part of retail sales"),
          new Field(
              "basis",
              "口径: month (the default) or ytd, when the amounts are January to the month"
                  + " cumulative (累计)")),
      List.of("period", "county_code")),
  ABOVE_QUOTA_SALES(
      List.of(
          Field.PERIOD,
          new Field(
              "county_code",
              "6-digit GB/T 2260 code of the county where the enterprise is registered (县市区代码)"),
          new Field(
              "enterprise_id",
              "the enterprise's unified social credit code (统一社会信用代码): 18 characters, the last a"
                  + " check character (GB 32100-2015)"),
          new Field(
              "industry",
              "the enterprise's industry (行业): wholesale, retail, accommodation or catering"
                  + " (批零住餐)"),
          new Field(
              "sales_cny", "the enterprise's sales in the month in that industry (销售额), yuan")),
      List.of(Field.TOWN_CODE),
      List.of("period", "enterprise_id", "industry"));

  /**
   * A column of a landing file and what the suppliers put in it.
   *
   * @param description one line, with the usual Chinese header where suppliers use one
   */
  public record Field(String name, String description) {
    static final Field PERIOD = new Field("period", "the month of the figures, YYYYMM (统计月份)");

    static final Field TOWN_CODE =
        new Field(
            "town_code", "9-digit code of the town, street or platform within the county (乡镇街道代码)");
  }

  private final List<Field> fields;
  private final List<String> required;
  private final List<String> optional;
  private final List<String> columns;
  private final List<String> key;

  // The names are listed once here: the validator asks for them on every line it reads.
  Source(List<Field> required, List<Field> optional, List<String> key) {
    this.fields = java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
    this.required = required.stream().map(Field::name).toList();
    this.optional = optional.stream().map(Field::name).toList();
    this.columns = fields.stream().map(Field::name).toList();
    this.key = key;
  }

  /** The folder name under the landing root and the table name suffix, e.g. customs_exports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Columns a file's header must have (by name or alias). */
  public List<String> requiredColumns() {
    return required;
  }

  public List<String> optionalColumns() {
    return optional;
  }

  /** Every column of the source, required first, in contract order. */
  public List<String> columns() {
    return columns;
  }

  /** Every column of the source with what the suppliers put in it, in {@link #columns()} order. */
  public List<Field> fields() {
    return fields;
  }

  /**
   * The key two rows of a delivery may not share with different values ({@code
   * conflicting_duplicate}); empty for customs lines, which have no natural key.
   */
  public List<String> key() {
    return key;
  }

  /** The source with this id, if there is one. */
  public static java.util.Optional<Source> byId(String id) {
    for (Source source : values()) {
      if (source.id().equals(id)) {
        return java.util.Optional.of(source);
      }
    }
    return java.util.Optional.empty();
  }
}
