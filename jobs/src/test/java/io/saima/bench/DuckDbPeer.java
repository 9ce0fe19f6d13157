package io.saima.bench;

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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The benchmark's peer: DuckDB computing Saima's county export figures from the same landing files
 * ({@code bench/run} calls it). Results are {@code key=value} lines on stdout; logs go to stderr.
 *
 * <ul>
 *   <li>{@code prepare}: landing files to UTF-8 CSV with canonical headers (timed apart);
 *   <li>{@code query}: runs {@code bench/peer/county_export_gold.sql} and writes its result as CSV;
 *   <li>{@code periods}: a few periods of that result worth cross-checking;
 *   <li>{@code cross-check}: compares the result with what Saima's gold tables hold.
 * </ul>
 */
@Command(
    name = "duckdb-peer",
    mixinStandardHelpOptions = true,
    subcommands = {
      DuckDbPeer.Prepare.class,
      DuckDbPeer.Query.class,
      DuckDbPeer.Periods.class,
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

  /** Runs the peer's SQL script on prepared files and writes its result. */
  @Command(name = "query", description = "run the peer SQL script, write its result as CSV")
  static final class Query implements Callable<Integer> {
    @Option(names = "--peer", required = true, description = "prepared files")
    Path peer;

    @Option(names = "--reference", required = true)
    Path reference;

    @Option(names = "--sql", required = true)
    Path sql;

    @Option(names = "--out", required = true, description = "CSV of the result")
    Path out;

    @Option(names = "--threads", defaultValue = "0", description = "0: DuckDB's default")
    int threads;

    @Override
    public Integer call() throws IOException, SQLException {
      long rows;
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
        // Timed from an open connection: loading DuckDB's native library is the JVM's start-up,
        // which the process's wall time (bench/run) still counts.
        long start = System.nanoTime();
        rows = run(connection, peer, reference, readAll(sql), threads);
        long elapsed = System.nanoTime() - start;
        try (Statement statement = connection.createStatement()) {
          statement.execute("COPY county_export TO '" + literal(out) + "' (HEADER, DELIMITER ',')");
          System.out.println("threads=" + setting(statement, "threads"));
        }
        System.out.println("query_seconds=" + seconds(elapsed));
        System.out.println("rows=" + rows);
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

  /**
   * Runs the script on a connection and returns the number of rows of {@code county_export}; the
   * timed work of the peer (reading the files included).
   */
  static long run(Connection connection, Path peer, Path reference, String script, int threads)
      throws SQLException {
    String resolved =
        script.replace("{{peer}}", literal(peer)).replace("{{reference}}", literal(reference));
    try (Statement statement = connection.createStatement()) {
      if (threads > 0) {
        statement.execute("SET threads = " + threads);
      }
      statement.execute(resolved);
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM county_export")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** A path inside a single-quoted SQL literal. */
  static String literal(Path path) {
    return path.toAbsolutePath().normalize().toString().replace("'", "''");
  }

  /**
   * The periods to cross-check: the first and the last delivered, and the last June and December
   * (half-year and full-year, the figures leadership reads).
   */
  @Command(name = "periods", description = "periods of a peer result worth cross-checking")
  static final class Periods implements Callable<Integer> {
    @Option(names = "--result", required = true)
    Path result;

    @Override
    public Integer call() throws SQLException {
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
          Statement statement = connection.createStatement();
          ResultSet rs =
              statement.executeQuery(
                  "WITH p AS (SELECT DISTINCT CAST(period AS INTEGER) AS period FROM read_csv('"
                      + literal(result)
                      + "', header = true, all_varchar = true)) "
                      + "SELECT DISTINCT period FROM ("
                      + " SELECT min(period) AS period FROM p"
                      + " UNION ALL SELECT max(period) FROM p"
                      + " UNION ALL SELECT max(period) FROM p WHERE period % 100 = 6"
                      + " UNION ALL SELECT max(period) FROM p WHERE period % 100 = 12)"
                      + " WHERE period IS NOT NULL ORDER BY period")) {
        List<String> periods = new ArrayList<>();
        while (rs.next()) {
          periods.add(rs.getString(1));
        }
        System.out.println("periods=" + String.join(",", periods));
      }
      return 0;
    }
  }

  /**
   * Compares the peer's figures with Saima's, county by county, for the periods Saima's extract
   * holds: money exactly, percentages within 1e-6 points, ranks exactly.
   */
  @Command(name = "cross-check", description = "compare the peer result with Saima's gold")
  static final class CrossCheck implements Callable<Integer> {
    @Option(names = "--peer-result", required = true)
    Path peerResult;

    @Option(
        names = "--saima-monthly",
        required = true,
        description = "CSV: region_code, period, value_ytd[, value_ytd_ly, yoy_ytd_pct, ...]")
    Path saimaMonthly;

    @Option(names = "--saima-rank", description = "CSV: region_code, period, rank")
    Path saimaRank;

    @Option(names = "--mismatches", required = true, description = "CSV of the differences")
    Path mismatches;

    @Option(
        names = "--periods",
        required = true,
        split = ",",
        description = "the periods Saima was asked for, e.g. 202001,202006")
    List<Integer> periods;

    @Override
    public Integer call() throws SQLException, IOException {
      try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
          Statement statement = connection.createStatement()) {
        List<String> lines = crossCheck(statement, peerResult, saimaMonthly, saimaRank, periods);
        statement.execute(
            "COPY (SELECT * FROM mismatches ORDER BY period, region_code, figure) TO '"
                + literal(mismatches)
                + "' (HEADER, DELIMITER ',')");
        lines.forEach(System.out::println);
      }
      return 0;
    }
  }

  /** The comparison itself; leaves a table {@code mismatches} and returns key=value lines. */
  static List<String> crossCheck(
      Statement statement,
      Path peerResult,
      Path saimaMonthly,
      Path saimaRank,
      List<Integer> periods)
      throws SQLException, IOException {
    String periodList = String.join(",", periods.stream().map(p -> "'" + p + "'").toList());
    String csv = "', header = true, all_varchar = true)";
    statement.execute(
        "CREATE OR REPLACE TABLE peer AS SELECT * FROM read_csv('" + literal(peerResult) + csv);
    statement.execute(
        "CREATE OR REPLACE TABLE saima AS SELECT * FROM read_csv('" + literal(saimaMonthly) + csv);
    List<String> saimaColumns = columns(statement, "saima");
    List<String> figures = new ArrayList<>(List.of("value_ytd"));
    for (String optional : List.of("value_ytd_ly", "yoy_ytd_pct", "share_ytd_pct")) {
      if (saimaColumns.contains(optional)) {
        figures.add(optional);
      }
    }
    if (saimaRank != null && Files.isRegularFile(saimaRank)) {
      statement.execute(
          "CREATE OR REPLACE TABLE saima_rank AS SELECT * FROM read_csv('"
              + literal(saimaRank)
              + csv);
      statement.execute(
          "CREATE OR REPLACE TABLE saima AS SELECT s.*, r.rank AS rank_ytd FROM saima s"
              + " LEFT JOIN saima_rank r USING (region_code, period)");
      figures.add("rank_ytd");
    }
    // The periods Saima was asked for: every county of the peer in them must be in Saima's
    // extract with the same figures, and nothing else may be.
    StringBuilder union = new StringBuilder();
    for (String figure : figures) {
      if (union.length() > 0) {
        union.append(" UNION ALL ");
      }
      union
          .append("SELECT coalesce(p.region_code, s.region_code) AS region_code,")
          .append(" coalesce(p.period, s.period) AS period, '")
          .append(figure)
          .append("' AS figure, p.")
          .append(figure)
          .append(" AS peer_value, s.")
          .append(figure)
          .append(" AS saima_value, ")
          .append(differs(figure, "p." + figure, "s." + figure))
          .append(" AS differs FROM (SELECT * FROM peer WHERE period IN (")
          .append(periodList)
          .append(")) p FULL OUTER JOIN saima s")
          .append(" ON p.region_code = s.region_code AND p.period = s.period");
    }
    statement.execute("CREATE OR REPLACE TABLE compared AS " + union);
    statement.execute("CREATE OR REPLACE TABLE mismatches AS SELECT * FROM compared WHERE differs");
    List<String> lines = new ArrayList<>();
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT string_agg(DISTINCT period, ',' ORDER BY period),"
                + " count(DISTINCT (region_code, period)) FROM compared")) {
      rs.next();
      lines.add("periods=" + rs.getString(1));
      lines.add("rows_compared=" + rs.getLong(2));
    }
    lines.add("figures=" + String.join(",", figures));
    long total = 0;
    for (String figure : figures) {
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT count(*) FROM mismatches WHERE figure = '" + figure + "'")) {
        rs.next();
        long n = rs.getLong(1);
        total += n;
        lines.add("mismatches." + figure + "=" + n);
      }
    }
    lines.add("mismatches=" + total);
    return lines;
  }

  /** SQL for "these two texts are different figures". */
  private static String differs(String figure, String peer, String saima) {
    String both = peer + " IS NULL AND " + saima + " IS NULL";
    String one = peer + " IS NULL OR " + saima + " IS NULL";
    String compare;
    if (figure.endsWith("_pct")) {
      compare = "abs(CAST(" + peer + " AS DOUBLE) - CAST(" + saima + " AS DOUBLE)) > 1e-6";
    } else if (figure.equals("rank_ytd")) {
      compare = "CAST(" + peer + " AS INTEGER) <> TRY_CAST(" + saima + " AS INTEGER)";
    } else {
      compare = "CAST(" + peer + " AS DECIMAL(24, 2)) <> TRY_CAST(" + saima + " AS DECIMAL(24, 2))";
    }
    return "CASE WHEN "
        + both
        + " THEN false WHEN "
        + one
        + " THEN true ELSE coalesce("
        + compare
        + ", true) END";
  }

  private static List<String> columns(Statement statement, String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs =
        statement.executeQuery(
            "SELECT column_name FROM information_schema.columns WHERE table_name = '"
                + table
                + "' ORDER BY ordinal_position")) {
      while (rs.next()) {
        out.add(rs.getString(1).toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  static String readAll(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
