package io.saima.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The one list of indicators, read from {@code io/saima/catalog/indicators.yaml} in the jar. The
 * metrics count what it defines ({@link #frame}, joined in {@code source_lines.sql}), targets and
 * scoring schemes may name only its ids, and the bulletin and the report views take their Chinese
 * words from it. The file is checked completely when first read; a wrong entry stops everything
 * with the entry and the key, as it is a defect of the build, not of a night's input.
 */
public final class Indicators {
  static final String RESOURCE = "io/saima/catalog/indicators.yaml";

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern TRADE_MODE = Pattern.compile("\\d{4}");
  private static final Set<String> CURRENCIES = Set.of("CNY", "USD");
  private static final List<String> KEYS =
      List.of(
          "id",
          "name",
          "short",
          "currency",
          "source",
          "amount",
          "trade_modes",
          "towns",
          "headline",
          "definition");

  /** The columns of {@link #frame}: what the metric SQL joins the source lines on. */
  public static final StructType SCHEMA =
      new StructType()
          .add("indicator", DataTypes.StringType, false)
          .add("source", DataTypes.StringType, false)
          .add("amount_column", DataTypes.StringType, false)
          .add("trade_modes", DataTypes.createArrayType(DataTypes.StringType, false), true)
          .add("currency", DataTypes.StringType, false)
          .add("has_units", DataTypes.BooleanType, false);

  private static final List<Indicator> ALL = load();
  private static final Map<String, Indicator> BY_ID = byId(ALL);

  private Indicators() {}

  /**
   * One indicator.
   *
   * @param tradeModes the customs trade modes it counts; empty: all of them
   */
  public record Indicator(
      String id,
      String name,
      String shortName,
      String currency,
      String source,
      String amount,
      List<String> tradeModes,
      boolean towns,
      boolean headline,
      String definition) {}

  /** Every indicator, in the file's order. */
  public static List<Indicator> all() {
    return ALL;
  }

  /** Every indicator's id, in the file's order. */
  public static Set<String> ids() {
    return BY_ID.keySet();
  }

  public static Optional<Indicator> find(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /** The indicator of an id the code has already checked; an unknown id is a defect. */
  public static Indicator of(String id) {
    Indicator indicator = BY_ID.get(id);
    if (indicator == null) {
      throw new IllegalArgumentException("no indicator " + id + "; the indicators are " + ids());
    }
    return indicator;
  }

  /** The indicators of the bulletin's headline and main table, in order. */
  public static List<String> headline() {
    return ALL.stream().filter(Indicator::headline).map(Indicator::id).toList();
  }

  /** The list as a frame of {@link #SCHEMA}: the {@code indicators} view of the metric SQL. */
  public static Dataset<Row> frame(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (Indicator i : ALL) {
      rows.add(
          RowFactory.create(
              i.id(),
              i.source(),
              i.amount(),
              i.tradeModes().isEmpty() ? null : i.tradeModes().toArray(new String[0]),
              i.currency(),
              i.towns()));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  /**
   * The list as SQL rows {@code (indicator, indicator_name)} for the report views, e.g. {@code
   * ('export', '出口总额'), …}. The text comes from the jar's own file, whose names were checked to
   * hold no quote or backslash; nothing a user typed goes into it.
   */
  public static String namesAsSqlValues() {
    List<String> rows = new ArrayList<>();
    for (Indicator i : ALL) {
      rows.add("('" + i.id() + "', '" + i.name() + "')");
    }
    return String.join(",\n    ", rows);
  }

  private static Map<String, Indicator> byId(List<Indicator> all) {
    Map<String, Indicator> byId = new LinkedHashMap<>();
    for (Indicator i : all) {
      byId.put(i.id(), i);
    }
    return java.util.Collections.unmodifiableMap(byId);
  }

  private static List<Indicator> load() {
    try (InputStream in = Indicators.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Reads and checks a list in the format of {@code indicators.yaml}. */
  static List<Indicator> parse(String text) {
    Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    if (!(document instanceof List<?> entries) || entries.isEmpty()) {
      throw new IllegalStateException(RESOURCE + ": expected a list of indicators");
    }
    List<Indicator> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Object entry : entries) {
      if (!(entry instanceof Map<?, ?> map)) {
        throw new IllegalStateException(RESOURCE + ": every entry is a mapping, not " + entry);
      }
      String where = RESOURCE + ", entry " + (out.size() + 1);
      for (Object key : map.keySet()) {
        if (!KEYS.contains(String.valueOf(key))) {
          throw new IllegalStateException(where + ": unknown key " + key + "; expected " + KEYS);
        }
      }
      String id = text(map, "id", where, ID);
      where = RESOURCE + ", " + id;
      if (!seen.add(id)) {
        throw new IllegalStateException(where + ": defined twice");
      }
      String currency = text(map, "currency", where, null);
      if (!CURRENCIES.contains(currency)) {
        throw new IllegalStateException(where + ": currency is CNY or USD, not " + currency);
      }
      List<String> tradeModes = new ArrayList<>();
      Object modes = map.get("trade_modes");
      if (modes != null) {
        if (!(modes instanceof List<?> list) || list.isEmpty()) {
          throw new IllegalStateException(where + ": trade_modes is a list of four-digit codes");
        }
        for (Object mode : list) {
          String code = String.valueOf(mode);
          if (!TRADE_MODE.matcher(code).matches()) {
            throw new IllegalStateException(
                where + ": trade mode " + code + " is not four digits (quote it: '0214')");
          }
          tradeModes.add(code);
        }
      }
      out.add(
          new Indicator(
              id,
              text(map, "name", where, null),
              text(map, "short", where, null),
              currency,
              text(map, "source", where, ID),
              text(map, "amount", where, ID),
              List.copyOf(tradeModes),
              flag(map, "towns", where),
              flag(map, "headline", where),
              text(map, "definition", where, null)));
    }
    return List.copyOf(out);
  }

  private static String text(Map<?, ?> map, String key, String where, Pattern pattern) {
    Object value = map.get(key);
    if (!(value instanceof String s) || s.isBlank()) {
      throw new IllegalStateException(where + ": " + key + " is missing or not text");
    }
    if (pattern != null && !pattern.matcher(s).matches()) {
      throw new IllegalStateException(where + ": " + key + " " + s + " is not a lower-case code");
    }
    // The names go into the report views' SQL text (namesAsSqlValues).
    if ((key.equals("name") || key.equals("short")) && (s.contains("'") || s.contains("\\"))) {
      throw new IllegalStateException(where + ": " + key + " holds a quote or a backslash");
    }
    return s;
  }

  private static boolean flag(Map<?, ?> map, String key, String where) {
    if (!(map.get(key) instanceof Boolean b)) {
      throw new IllegalStateException(where + ": " + key + " is true or false");
    }
    return b;
  }
}
