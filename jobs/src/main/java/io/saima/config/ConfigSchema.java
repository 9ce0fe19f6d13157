package io.saima.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys a configuration file may hold and the type of each. Everything a file says is checked
 * against this tree, so that a misspelt key or a wrong type is reported instead of ignored.
 */
public final class ConfigSchema {

  /** The kinds of value a key can hold. */
  public enum Type {
    STRING("a string"),
    PATH("a path (a local path or a URI such as hdfs://… or s3a://…)"),
    INTEGER("a whole number"),
    NUMBER("a number"),
    BOOLEAN("true or false"),
    STRING_LIST("a list of strings"),
    /** Free keys, each with a scalar value: Spark settings, encodings per source. */
    SCALAR_MAP("a mapping of names to scalar values"),
    /** Free keys, each with a list of strings: header aliases. */
    LIST_MAP("a mapping of names to lists of strings"),
    /** Free keys, each a mapping validated by {@link Node#element}. */
    MAP_OF_SECTIONS("a mapping of names to sections"),
    SECTION("a mapping");

    private final String description;

    Type(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /** One key of the tree. */
  public static final class Node {
    private final Type type;
    private final String help;
    private final Map<String, Node> children = new LinkedHashMap<>();
    private Node element;

    private Node(Type type, String help) {
      this.type = type;
      this.help = help;
    }

    public Type type() {
      return type;
    }

    public String help() {
      return help;
    }

    public Map<String, Node> children() {
      return Collections.unmodifiableMap(children);
    }

    /** For {@link Type#MAP_OF_SECTIONS}: the shape of each entry. */
    public Node element() {
      return element;
    }

    public Node add(String key, Type type, String help) {
      Node child = new Node(type, help);
      children.put(key, child);
      return child;
    }

    public Node section(String key, String help) {
      return add(key, Type.SECTION, help);
    }

    public Node sections(String key, String help) {
      Node child = add(key, Type.MAP_OF_SECTIONS, help);
      child.element = new Node(Type.SECTION, help);
      return child.element;
    }
  }

  private final Node root = new Node(Type.SECTION, "the configuration");

  private ConfigSchema() {}

  public Node root() {
    return root;
  }

  /** Keys whose values are paths to inputs; they must exist when a command reads them. */
  public static final List<String> INPUT_PATHS = List.of("landing", "reference");

  /** The one schema of Saima's configuration. Later stages add their sections here. */
  public static ConfigSchema saima() {
    ConfigSchema schema = new ConfigSchema();
    Node r = schema.root;
    r.add("landing", Type.PATH, "folder of deliveries: <landing>/<source>/<delivery>/*.csv|*.xlsx");
    r.add("warehouse", Type.PATH, "root of the Delta tables: <warehouse>/<database>/<table>");
    r.add("reference", Type.PATH, "folder of regions.csv, units.csv, fx_rates.csv, targets.csv");
    r.add("reports", Type.PATH, "folder the bulletin is written to");
    r.add("home_region", Type.STRING, "county code whose bulletin the night writes");

    Node spark = r.section("spark", "how the Spark session is built");
    spark.add("master", Type.STRING, "Spark master URL; empty to leave it to spark-submit");
    spark.add("app_name", Type.STRING, "the Spark application name");
    spark.add("conf", Type.SCALAR_MAP, "extra Spark settings, name: value");

    Node ingest = r.section("ingest", "reading deliveries");
    ingest.add(
        "encodings",
        Type.SCALAR_MAP,
        "CSV encoding per source: auto, UTF-8, GBK or GB18030 (auto detects BOM, UTF-8, GB18030)");
    ingest.add(
        "header_aliases", Type.LIST_MAP, "other header names per column, e.g. period: [统计月份]");
    Node landingFiles =
        ingest.section("landing_files", "which files of a delivery folder are not read as data");
    landingFiles.add(
        "skip",
        Type.STRING_LIST,
        "globs of files that are plainly not data, skipped and logged, e.g. '.*', '~$*'");
    landingFiles.add(
        "in_progress",
        Type.STRING_LIST,
        "globs of copies still arriving, e.g. '*.part': their delivery waits for a later night");
    landingFiles.add(
        "waiting_days",
        Type.INTEGER,
        "a delivery still empty or in progress after this many days is refused (exit 3)");

    Node scoring = r.section("scoring", "competition scoring");
    scoring.add("schemes", Type.PATH, "folder of scoring schemes, one <name>.yaml each");

    Node simulate = r.section("simulate", "ranking simulations");
    simulate.add("trials", Type.INTEGER, "Monte Carlo trials per run");
    simulate.add("seed", Type.INTEGER, "Monte Carlo seed: the same seed gives the same results");
    simulate.add(
        "scenarios",
        Type.STRING_LIST,
        "what-if scenario files the night runs for the bulletin (a bare name is in conf/scenarios/)");
    Node metrics = r.section("metrics", "thresholds of the gold metrics (policy, not definitions)");
    Node unitRanking = metrics.section("unit_ranking", "badges of units ranked on their targets");
    unitRanking.add("gold_count", Type.INTEGER, "units at or above this rank get 'gold' (金牌)");
    unitRanking.add("snail_count", Type.INTEGER, "this many bottom units get 'snail' (蜗牛)");
    Node watchlist = metrics.section("watchlist", "exporters whose exports stop or fall (经营异常)");
    watchlist.add("drop_pct", Type.NUMBER, "flag a year-on-year fall of more than this many %");
    watchlist.add("min_base_cny", Type.NUMBER, "ignore bases (yuan) below this");
    Node alerts = metrics.section("alerts", "rule-based alerts written to gold.alerts");
    alerts.add(
        "rules",
        Type.STRING_LIST,
        "rules switched on: negative_growth, rank_fall, behind_time_progress, share_falling");
    alerts.add("rank_fall_places", Type.INTEGER, "rank_fall: places lost in a month");
    alerts.add("rank_fall_measure", Type.STRING, "rank_fall: ytd_value, ytd_yoy or share_change");
    alerts.add("behind_pp", Type.NUMBER, "behind_time_progress: points behind time progress");
    alerts.add("share_fall_pp", Type.NUMBER, "share_falling: points of share lost on last year");
    Node maintain = r.section("maintain", "saima maintain: compaction, vacuum, log checkpoints");
    maintain.add(
        "retention_days",
        Type.INTEGER,
        "days of history VACUUM keeps for time travel and audits (default 30, at least 7; a"
            + " table's longer delta.deletedFileRetentionDuration wins)");
    maintain.add(
        "weekly_on",
        Type.STRING,
        "the day of the week the night also maintains the tables (e.g. sunday); unset: never");
    Node lock = r.section("lock", "one writer per warehouse at a time");
    lock.add(
        "lease_seconds",
        Type.INTEGER,
        "a run on another host that has not renewed its lease for this long is taken as gone");
    Node sql = r.section("sql", "statisticians' access: saima sql and saima sql-server");
    sql.add(
        "metastore",
        Type.STRING,
        "empty: tables are found in the warehouse's folders; thrift://HOST:PORT: an external Hive"
            + " metastore the tables are registered in");
    sql.add(
        "history_days",
        Type.INTEGER,
        "days of Delta history (time travel, the revision audit) kept by the tables' logs");
    Node server = sql.section("server", "the JDBC/ODBC endpoint of saima sql-server");
    server.add("port", Type.INTEGER, "TCP port (default 10000)");
    server.add("bind", Type.STRING, "address listened on (default 127.0.0.1: this machine only)");
    return schema;
  }
}
