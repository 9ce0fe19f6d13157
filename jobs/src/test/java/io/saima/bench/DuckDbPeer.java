package io.saima.bench;

import io.saima.catalog.Source;
import io.saima.config.ConfigLoader;
import io.saima.config.SaimaConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark's peer: DuckDB computing Saima's gold figures ({@code gold.indicator_monthly} at
 * county, city and province level, and {@code gold.indicator_rank}) from the same landing files
 * ({@code bench/run} calls it). Results are {@code key=value} lines on stdout; logs go to stderr.
 *
 * <ul>
 *   <li>{@code prepare}: landing files to UTF-8 CSV with canonical headers (timed apart);
 *   <li>{@code query}: runs {@code bench/peer/silver.sql}, {@code indicator_monthly.sql} and {@code
 *       indicator_rank.sql} and writes the two tables as CSV;
 *   <li>{@code saima-queries}: the {@code saima sql} queries that extract the same figures from
 *       Saima's gold;
 *   <li>{@code cross-check}: compares both, cell by cell; exits 1 on any difference.
 * </ul>
 */
@Command(
    name = "duckdb-peer",
    mixinStandardHelpOptions = true,
    subcommands = {
      DuckDbPeer.Prepare.class,
      DuckDbPeer.Query.class,
      DuckDbPeer.SaimaQueries.class,
      DuckDbPeer.CrossCheck.class
    })
public final class DuckDbPeer implements Runnable {

  public static void main(String[] args) {
    System.exit(new CommandLine(new DuckDbPeer()).execute(args));
  }

  @Override
  public void run() {
    CommandLine.usage(this, System.err);
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
  }

  /** Converts the landing files for DuckDB, with Saima's encodings and header aliases. */
  @Command(name = "prepare", description = "landing CSV/XLSX to UTF-8 CSV, canonical headers")
  static final class Prepare implements Callable<Integer> {
    @Option(names = "--landing", required = true)
    Path landing;

    @Option(names = "--out", required = true)
    Path out;

    @Option(names = "--conf", description = "a --conf file, as given to saima")
    Path conf;

    @Override
    public Integer call() throws IOException {
      SaimaConfig config = ConfigLoader.forThisProcess().load(conf, Map.of(), List.of());
      LandingConversionPeer converter =
          new LandingConversionPeer(config.headerAliases(), config.stringMap("ingest.encodings"));
      long start = System.nanoTime();
      LandingConversionPeer.Summary summary = converter.convert(landing, out);
      long elapsed = System.nanoTime() - start;
      System.out.println("prepare_seconds=" + seconds(elapsed));
      System.out.println("files=" + summary.files());
      System.out.println("deliveries=" + summary.deliveries());
      System.out.println("rejected_deliveries=" + summary.rejectedDeliveries());
      System.out.println("bytes_read=" + summary.bytesRead());
      System.out.println("bytes_written=" + summary.bytesWritten());
      System.out.println("records=" + summary.totalRecords());
      summary.records().forEach((source, n) -> System.out.println("records." + source + "=" + n));
      return 0;
    }
  }

  /** Runs the peer's SQL scripts on prepared files and writes their results. */
  @Command(name = "query", description = "run the peer SQL scripts, write the gold figures as CSV")
  static final class Query implements Callable<Integer> {
    @Option(names = "--peer", required = true, description = "prepared files")
    Path peer;

    @Option(names = "--reference", required = true)
    Path reference;

    @Option(
        names = "--sql",
        required = true,
        split = ",",
        description = "the scripts, run in this order (silver, indicator_monthly, indicator_rank)")
    List<Path> sql;

    @Option(
        names = "--out",
        required = true,
        description = "folder for indicator_monthly.csv and indicator_rank.csv")
    Path out;

    @Option(names = "--threads", defaultValue = "0", description = "0: DuckDB's default")
    int threads;

    @Override
    public Integer call() throws IOException, SQLException {
      List<String> scripts = new ArrayList<>();
      for (Path script : sql) {
        scripts.add(readAll(script));
      }
      Files.createDirectories(out);
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
        // Timed from an open connection: loading DuckDB's native library is the JVM's start-up,
        // which the process's wall time (bench/run) still counts.
        long start = System.nanoTime();
        Rows rows = run(connection, peer, reference, scripts, threads);
        long elapsed = System.nanoTime() - start;
        try (Statement statement = connection.createStatement()) {
          for (String table : List.of("indicator_monthly", "indicator_rank")) {
            statement.execute(
                "COPY (SELECT * FROM "
                    + table
                    + " ORDER BY ALL) TO '"
                    + literal(out.resolve(table + ".csv"))
                    + "' (HEADER, DELIMITER ',')");
          }
          System.out.println("threads=" + setting(statement, "threads"));
        }
        System.out.println("query_seconds=" + seconds(elapsed));
        System.out.println("rows=" + rows.monthly());
        System.out.println("rows.indicator_monthly=" + rows.monthly());
        System.out.println("rows.indicator_rank=" + rows.rank());
      }
      return 0;
    }

    private static String setting(Statement statement, String name) throws SQLException {
      try (ResultSet rs = statement.executeQuery("SELECT current_setting('" + name + "')")) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** How many rows the peer's two gold tables have. */
  record Rows(long monthly, long rank) {}

  /**
   * Runs the scripts in order on a connection and returns the row counts of {@code
   * indicator_monthly} and {@code indicator_rank}; the timed work of the peer (reading the files
   * included). In the scripts, {@code {{peer}}} and {@code {{reference}}} are the folders, and
   * {@code {{<source>}}} (e.g. {@code {{fdi_inflows}}}) the source's prepared files as a path
   * literal for {@code read_csv}; a source without files is a header-only file, so that a landing
   * folder without a source still gives its months (none).
   */
  static Rows run(
      Connection connection, Path peer, Path reference, List<String> scripts, int threads)
      throws SQLException, IOException {
    Map<String, String> files = new LinkedHashMap<>();
    for (Source source : Source.values()) {
      files.put("{{" + source.id() + "}}", "'" + sourceFiles(peer, source) + "'");
    }
    try (Statement statement = connection.createStatement()) {
      if (threads > 0) {
        statement.execute("SET threads = " + threads);
      }
      for (String script : scripts) {
        String resolved =
            script.replace("{{peer}}", literal(peer)).replace("{{reference}}", literal(reference));
        for (Map.Entry<String, String> entry : files.entrySet()) {
          resolved = resolved.replace(entry.getKey(), entry.getValue());
        }
        statement.execute(resolved);
      }
      return new Rows(count(statement, "indicator_monthly"), count(statement, "indicator_rank"));
    }
  }

  /** The glob of a source's prepared files, or a header-only file when it has none. */
  private static String sourceFiles(Path peer, Source source) throws IOException {
    Path dir = peer.resolve(source.id());
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.walk(dir, 2)) {
        boolean any =
            files.anyMatch(
                f ->
                    Files.isRegularFile(f)
                        && dir.relativize(f).getNameCount() == 2
                        && f.getFileName().toString().endsWith(".csv"));
        if (any) {
          return literal(dir) + "/*/*.csv";
        }
      }
    }
    Path empty = peer.resolve(".no-files").resolve(source.id() + ".csv");
    Files.createDirectories(empty.getParent());
    Files.writeString(
        empty,
        String.join(",", LandingConversionPeer.columns(source)) + "\n",
        StandardCharsets.UTF_8);
    return literal(empty);
  }

  private static long count(Statement statement, String table) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** A path inside a single-quoted SQL literal. */
  static String literal(Path path) {
    return path.toAbsolutePath().normalize().toString().replace("'", "''");
  }

  /** The indicators the peer computes, each at county, city and province level. */
  static final List<String> INDICATORS =
      List.of(
          "export",
          "export_usd",
          "cbec_export",
          "fdi_actual",
          "retail_sales",
          "online_retail",
          "above_quota_sales");

  /** What a figure is, for comparing it. */
  enum Kind {
    /** DECIMAL money: equal to the cent. */
    MONEY,
    /** DOUBLE percentages: equal within {@link #TOLERANCE}, relative or absolute. */
    PERCENT,
    /** whole numbers (ranks, counts): equal. */
    WHOLE
  }

  /**
   * Two percentages (or a DOUBLE value) agree when they differ by at most this much relative to the
   * larger, or by at most this many points: far below any printed precision, far above the last
   * place of a double, which is all two engines computing the same DECIMAL figures can differ by.
   */
  static final double TOLERANCE = 1e-9;

  /** A gold table as both sides write it: its key and its figures. */
  record Table(String name, List<String> key, Map<String, Kind> figures) {}

  static final Table MONTHLY =
      new Table(
          "indicator_monthly",
          List.of("indicator", "region_level", "region_code", "period"),
          figures(
              Kind.MONEY,
              List.of("value_month", "value_ytd", "value_month_ly", "value_ytd_ly"),
              Kind.PERCENT,
              List.of(
                  "yoy_month_pct",
                  "yoy_ytd_pct",
                  "share_ytd_pct",
                  "share_ytd_ly_pct",
                  "share_change_pp")));

  static final Table RANK =
      new Table(
          "indicator_rank",
          List.of("indicator", "period", "measure", "region_code"),
          figures(
              Kind.PERCENT,
              List.of("value"),
              Kind.WHOLE,
              List.of("rank", "rank_in_group", "n_ranked", "n_ranked_in_group", "rank_change")));

  private static Map<String, Kind> figures(
      Kind first, List<String> firstNames, Kind second, List<String> secondNames) {
    Map<String, Kind> out = new LinkedHashMap<>();
    firstNames.forEach(n -> out.put(n, first));
    secondNames.forEach(n -> out.put(n, second));
    return out;
  }

  /** The columns of Saima's extract of a table, for {@code saima sql}. */
  static String saimaQuery(Table table) {
    String columns =
        String.join(", ", table.key()) + ", " + String.join(", ", table.figures().keySet());
    String levels = table == MONTHLY ? " AND region_level IN ('county', 'city', 'province')" : "";
    return "SELECT "
        + columns
        + " FROM gold."
        + table.name()
        + " WHERE indicator IN ("
        + String.join(", ", INDICATORS.stream().map(i -> "'" + i + "'").toList())
        + ")"
        + levels
        + " ORDER BY "
        + String.join(", ", table.key());
  }

  /** Prints the queries that extract from Saima's gold what the peer computes. */
  @Command(name = "saima-queries", description = "the SQL that extracts Saima's side")
  static final class SaimaQueries implements Callable<Integer> {
    @Override
    public Integer call() {
      System.out.println(MONTHLY.name() + "=" + saimaQuery(MONTHLY));
      System.out.println(RANK.name() + "=" + saimaQuery(RANK));
      return 0;
    }
  }

  /**
   * Compares the peer's gold figures with Saima's, cell by cell: every row of both sides for the
   * peer's indicators (region levels county, city and province; the county ranks), money exactly,
   * percentages within {@link #TOLERANCE}, ranks and counts exactly; a row on one side only is a
   * mismatch. Exits 1 when anything differs.
   */
  @Command(name = "cross-check", description = "compare the peer's gold with Saima's, cell by cell")
  static final class CrossCheck implements Callable<Integer> {
    @Option(names = "--peer-monthly", required = true)
    Path peerMonthly;

    @Option(names = "--peer-rank", required = true)
    Path peerRank;

    @Option(names = "--saima-monthly", required = true, description = "saima sql --format csv")
    Path saimaMonthly;

    @Option(names = "--saima-rank", required = true, description = "saima sql --format csv")
    Path saimaRank;

    @Option(names = "--mismatches", required = true, description = "CSV of the differences")
    Path mismatches;

    @Override
    public Integer call() throws SQLException, IOException {
      long total;
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
          Statement statement = connection.createStatement()) {
        List<String> lines = crossCheck(statement, peerMonthly, peerRank, saimaMonthly, saimaRank);
        statement.execute(
            "COPY (SELECT * FROM mismatches ORDER BY ALL) TO '"
                + literal(mismatches)
                + "' (HEADER, DELIMITER ',')");
        lines.forEach(System.out::println);
        total = count(statement, "mismatches");
      }
      if (total > 0) {
        System.err.println(
            "cross-check: "
                + total
                + " mismatch(es) between the peer's and Saima's gold figures; see "
                + mismatches);
        return 1;
      }
      return 0;
    }
  }

  /**
   * The comparison itself; leaves a table {@code mismatches} (table, row key, figure, both values)
   * and returns key=value lines.
   */
  static List<String> crossCheck(
      Statement statement, Path peerMonthly, Path peerRank, Path saimaMonthly, Path saimaRank)
      throws SQLException {
    statement.execute(
        "CREATE OR REPLACE TABLE mismatches (\"table\" VARCHAR, row_key VARCHAR, figure VARCHAR,"
            + " peer_value VARCHAR, saima_value VARCHAR)");
    List<String> lines = new ArrayList<>();
    for (Table table : List.of(MONTHLY, RANK)) {
      Path peerFile = table == MONTHLY ? peerMonthly : peerRank;
      Path saimaFile = table == MONTHLY ? saimaMonthly : saimaRank;
      String scope =
          " WHERE indicator IN ("
              + String.join(", ", INDICATORS.stream().map(i -> "'" + i + "'").toList())
              + ")"
              + (table == MONTHLY ? " AND region_level IN ('county', 'city', 'province')" : "");
      for (String side : List.of("peer", "saima")) {
        statement.execute(
            "CREATE OR REPLACE TABLE "
                + side
                + " AS SELECT * FROM read_csv('"
                + literal(side.equals("peer") ? peerFile : saimaFile)
                + "', header = true, all_varchar = true)"
                + scope);
      }
      String on =
          String.join(" AND ", table.key().stream().map(k -> "p." + k + " = s." + k).toList());
      String rowKey =
          "concat_ws(' ', "
              + String.join(
                  ", ",
                  table.key().stream().map(k -> "coalesce(p." + k + ", s." + k + ")").toList())
              + ")";
      statement.execute(
          "CREATE OR REPLACE TABLE compared AS SELECT p.indicator IS NOT NULL AS in_peer,"
              + " s.indicator IS NOT NULL AS in_saima, "
              + rowKey
              + " AS row_key FROM peer p FULL OUTER JOIN saima s ON "
              + on);
      lines.add("rows." + table.name() + ".peer=" + count(statement, "peer"));
      lines.add("rows." + table.name() + ".saima=" + count(statement, "saima"));
      lines.add("rows_compared." + table.name() + "=" + count(statement, "compared"));
      // A row on one side only is one mismatch, not one per figure.
      statement.execute(
          "INSERT INTO mismatches SELECT '"
              + table.name()
              + "', row_key, 'row', CASE WHEN in_peer THEN 'present' ELSE 'absent' END,"
              + " CASE WHEN in_saima THEN 'present' ELSE 'absent' END FROM compared"
              + " WHERE in_peer <> in_saima");
      lines.add(mismatchCount(statement, table, "row"));
      for (Map.Entry<String, Kind> figure : table.figures().entrySet()) {
        String name = figure.getKey();
        statement.execute(
            "INSERT INTO mismatches SELECT '"
                + table.name()
                + "', "
                + rowKey
                + ", '"
                + name
                + "', p."
                + name
                + ", s."
                + name
                + " FROM peer p JOIN saima s ON "
                + on
                + " WHERE "
                + differs(figure.getValue(), "p." + name, "s." + name));
        lines.add(mismatchCount(statement, table, name));
      }
    }
    long total = count(statement, "mismatches");
    lines.add("tables=" + MONTHLY.name() + "," + RANK.name());
    lines.add("tolerance=" + TOLERANCE);
    lines.add("mismatches=" + total);
    return lines;
  }

  private static String mismatchCount(Statement statement, Table table, String figure)
      throws SQLException {
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT count(*) FROM mismatches WHERE \"table\" = '"
                + table.name()
                + "' AND figure = '"
                + figure
                + "'")) {
      rs.next();
      return "mismatches." + table.name() + "." + figure + "=" + rs.getLong(1);
    }
  }

  /** SQL for "these two texts are different figures". */
  static String differs(Kind kind, String peer, String saima) {
    String both = peer + " IS NULL AND " + saima + " IS NULL";
    String one = peer + " IS NULL OR " + saima + " IS NULL";
    String compare =
        switch (kind) {
          case PERCENT -> {
            String p = "TRY_CAST(" + peer + " AS DOUBLE)";
            String s = "TRY_CAST(" + saima + " AS DOUBLE)";
            yield "NOT (abs("
                + p
                + " - "
                + s
                + ") <= "
                + TOLERANCE
                + " * greatest(abs("
                + p
                + "), abs("
                + s
                + ")) OR abs("
                + p
                + " - "
                + s
                + ") <= "
                + TOLERANCE
                + ")";
          }
          case WHOLE -> "TRY_CAST(" + peer + " AS BIGINT) <> TRY_CAST(" + saima + " AS BIGINT)";
          case MONEY ->
              "TRY_CAST("
                  + peer
                  + " AS DECIMAL(38, 2)) <> TRY_CAST("
                  + saima
                  + " AS DECIMAL(38, 2))";
        };
    return "CASE WHEN "
        + both
        + " THEN false WHEN "
        + one
        + " THEN true ELSE coalesce("
        + compare
        + ", true) END";
  }

  static String readAll(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
