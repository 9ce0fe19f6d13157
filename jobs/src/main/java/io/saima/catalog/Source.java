package io.saima.catalog;

import java.util.List;
import java.util.Locale;

/**
 * The four landing sources and their columns (DESIGN.md, "Landing zone"). Column names are the
 * canonical English ones; Chinese aliases live in configuration ({@code ingest.header_aliases}).
 */
public enum Source {
  CUSTOMS_EXPORTS(
      List.of("period", "county_code", "enterprise_id", "hs_code", "trade_mode", "destination"),
      List.of("town_code", "enterprise_name", "value_usd", "value_cny"),
      List.of()),
  FDI_INFLOWS(
      List.of("period", "county_code", "project_id", "actual_usd"),
      List.of("town_code", "investor_country", "industry", "contract_usd"),
      List.of("period", "project_id")),
  RETAIL_SALES(
      List.of("period", "county_code", "retail_sales_cny"),
      List.of("online_retail_cny", "basis"),
      List.of("period", "county_code")),
  ABOVE_QUOTA_SALES(
      List.of("period", "county_code", "enterprise_id", "industry", "sales_cny"),
      List.of("town_code"),
      List.of("period", "enterprise_id", "industry"));

  private final List<String> required;
  private final List<String> optional;
  private final List<String> key;

  Source(List<String> required, List<String> optional, List<String> key) {
    this.required = required;
    this.optional = optional;
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
    return java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
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
