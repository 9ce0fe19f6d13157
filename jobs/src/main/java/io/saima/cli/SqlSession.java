package io.saima.cli;

import io.saima.catalog.Warehouse;
import io.saima.config.ConfigException;
import io.saima.config.SaimaConfig;
import io.saima.pipeline.SparkSessions;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.QueryContext;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;

/**
 * A statistician's session: Spark with the read-only rule on, the warehouse's tables registered as
 * statements name them, and the {@code report} views created when named. Shared by {@code saima
 * sql} (scripts and the interactive shell); {@code saima sql-server} builds its session the same
 * way ({@link #settings}).
 */
final class SqlSession implements AutoCloseable {

  private static final Pattern METASTORE =
      Pattern.compile("thrift://[A-Za-z0-9.-]+:[0-9]{1,5}(,thrift://[A-Za-z0-9.-]+:[0-9]{1,5})*");

  final SparkSession spark;
  final SqlCommand.Catalog catalog;
  private final Set<String> viewsCreated = new HashSet<>();
  private final Map<String, String> viewsMissing = new LinkedHashMap<>();

  private SqlSession(SparkSession spark, SqlCommand.Catalog catalog) {
    this.spark = spark;
    this.catalog = catalog;
  }

  /** Starts Spark for statisticians: {@link #settings} over the configuration, the rule on. */
  static SqlSession open(SaimaConfig config, Map<String, String> extra) {
    Map<String, String> conf = new LinkedHashMap<>(settings(config));
    conf.putAll(extra);
    SparkSession spark = SparkSessions.create(config, conf);
    SqlCommand.Catalog catalog = new SqlCommand.Catalog(new Warehouse(spark, config.warehouse()));
    // Report views of an earlier session of this context (tests share one) read another
    // warehouse: each session makes its own.
    for (ReportViews.View view : ReportViews.ALL) {
      spark.catalog().dropGlobalTempView(view.name());
    }
    ReadOnlySql.enforce(spark.sparkContext());
    return new SqlSession(spark, catalog);
  }

  /**
   * What statisticians' sessions add to the night's: the read-only rule next to Delta's extension,
   * the {@code report} database of global temporary views, and the external metastore when {@code
   * sql.metastore} names one.
   */
  static Map<String, String> settings(SaimaConfig config) {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put(
        "spark.sql.extensions",
        SparkSessions.required().get("spark.sql.extensions") + "," + ReadOnlySql.EXTENSION);
    conf.put("spark.sql.globalTempDatabase", ReportViews.DATABASE);
    String metastore = config.string("sql.metastore");
    if (metastore != null && !metastore.isBlank()) {
      if (!METASTORE.matcher(metastore).matches()) {
        throw new ConfigException(
            config.origin("sql.metastore"),
            "sql.metastore",
            "expects thrift://HOST:PORT (several separated by commas) or \"\", got '"
                + metastore
                + "'");
      }
      conf.put("spark.sql.catalogImplementation", "hive");
      conf.put("spark.hadoop.hive.metastore.uris", metastore);
    }
    return conf;
  }

  /** Ends the rule for this context: the process ends anyway, but tests share their context. */
  @Override
  public void close() {
    ReadOnlySql.lift(spark.sparkContext());
  }

  /** A statement that failed: one line to say why, and the statement marked where it failed. */
  static final class StatementException extends Exception {
    private static final long serialVersionUID = 1L;
    final String detail;

    StatementException(String message, String detail) {
      super(message);
      this.detail = detail;
    }
  }

  /**
   * Runs one statement: a query is analysed (and runs when its rows are read), anything else runs
   * now — and is refused unless it only shows or sets a session option.
   */
  Dataset<Row> run(String statement) throws StatementException {
    LogicalPlan plan;
    try {
      plan = SqlStatements.requireQuery(spark, statement);
    } catch (ParseException e) {
      // Spark's message is the line saying why, then the statement with the position marked.
      String message = e.getMessage().strip();
      int marked = message.indexOf("== SQL ==");
      throw new StatementException(
          "not valid SQL: " + Main.firstLine(message),
          marked < 0 ? null : message.substring(marked).strip());
    } catch (SqlStatements.NotAQueryException e) {
      throw new StatementException(e.getMessage(), null);
    }
    QueryTables.Named named = QueryTables.of(plan);
    ReadOnlySql.trusted(
        () -> {
          if (plan.getClass().getSimpleName().equals("ShowNamespaces")) {
            catalog.createDatabases();
          }
          for (String database : named.databases()) {
            if (database.equalsIgnoreCase(ReportViews.DATABASE)) {
              ReportViews.ALL.forEach(this::createView);
            } else {
              catalog.registerDatabase(database);
            }
          }
          for (List<String> table : named.tables()) {
            register(table);
          }
          return null;
        });
    return analyse(statement);
  }

  /**
   * A table or report view by its name's parts, through the catalog API (for the shell's \\describe
   * and completion: a name typed there is parsed as a name, never run as SQL).
   */
  Dataset<Row> table(List<String> parts) throws StatementException {
    String qualified = String.join(".", parts);
    if (!register(parts)) {
      throw new StatementException(catalog.describeMissing(qualified), null);
    }
    if (parts.size() >= 2 && parts.get(parts.size() - 2).equalsIgnoreCase(ReportViews.DATABASE)) {
      return spark.table(ReportViews.DATABASE + ".`" + parts.get(parts.size() - 1) + "`");
    }
    return spark.table(qualified);
  }

  /** Registers a table, or creates a report view, named by its parts; false when there is none. */
  private boolean register(List<String> table) {
    if (table.size() >= 2
        && table.get(table.size() - 2).equalsIgnoreCase(ReportViews.DATABASE)
        && ReportViews.named(table.get(table.size() - 1)).isPresent()) {
      return createView(ReportViews.named(table.get(table.size() - 1)).orElseThrow());
    }
    return ReadOnlySql.trusted(() -> catalog.registerIfFound(table));
  }

  private synchronized boolean createView(ReportViews.View view) {
    if (viewsCreated.contains(view.name())) {
      return true;
    }
    String whyNot = ReportViews.createOrSayWhyNot(spark, catalog, view);
    if (whyNot == null) {
      viewsCreated.add(view.name());
    } else {
      viewsMissing.put(view.name(), whyNot);
    }
    return whyNot == null;
  }

  private Dataset<Row> analyse(String statement) throws StatementException {
    Set<String> tried = new HashSet<>();
    while (true) {
      try {
        return spark.sql(statement);
      } catch (Exception thrown) {
        // Scala declares no checked exceptions: Spark's AnalysisException arrives undeclared.
        if (!(thrown instanceof AnalysisException e)) {
          throw thrown;
        }
        String missing = SqlCommand.missingTable(e);
        if (missing != null && tried.add(missing) && register(List.of(missing.split("\\.")))) {
          continue;
        }
        String view = missing == null ? null : missing.replaceFirst("^report\\.", "");
        if (missing != null && !view.equals(missing) && viewsMissing.containsKey(view)) {
          throw new StatementException(
              "report." + view + " is not there yet: " + viewsMissing.get(view),
              pointer(statement, e.getQueryContext()));
        }
        if (missing != null) {
          throw new StatementException(
              catalog.describeMissing(missing), pointer(statement, e.getQueryContext()));
        }
        throw new StatementException(
            Main.firstLine(e.getSimpleMessage()), pointer(statement, e.getQueryContext()));
      }
    }
  }

  /** The line of the statement where analysis failed, with carets under the failing part. */
  static String pointer(String statement, QueryContext[] context) {
    if (context == null || context.length == 0 || context[0].startIndex() < 0) {
      return null;
    }
    int start = Math.min(context[0].startIndex(), statement.length());
    int stop = Math.min(Math.max(context[0].stopIndex(), start), statement.length() - 1);
    int lineStart = statement.lastIndexOf('\n', Math.max(start - 1, 0)) + 1;
    if (start == 0) {
      lineStart = 0;
    }
    int lineEnd = statement.indexOf('\n', start);
    if (lineEnd < 0) {
      lineEnd = statement.length();
    }
    int line = (int) statement.substring(0, lineStart).chars().filter(c -> c == '\n').count() + 1;
    String text = statement.substring(lineStart, lineEnd);
    int from = start - lineStart;
    int to = Math.min(stop - lineStart, text.length() - 1);
    return "line "
        + line
        + ", position "
        + from
        + ":\n"
        + text
        + "\n"
        + " ".repeat(Math.max(from, 0))
        + "^".repeat(Math.max(to - from + 1, 1));
  }
}
