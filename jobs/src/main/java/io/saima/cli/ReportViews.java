package io.saima.cli;

import io.saima.catalog.Indicators;
import io.saima.catalog.OpsTables;
import io.saima.catalog.TableId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code report} views: the gold tables in the bulletin's Chinese words, for statisticians'
 * tools. Each is a {@code .sql} resource under {@code sql/report/}. They are global temporary views
 * ({@code spark.sql.globalTempDatabase} is {@code report} in the statisticians' sessions), which
 * every session of the process sees — every JDBC connection of {@code saima sql-server} — and
 * which, unlike catalog views, may have Chinese names (Spark's catalog accepts only ASCII letters,
 * digits and underscores in table names).
 */
final class ReportViews {
  private static final Logger LOG = LoggerFactory.getLogger(ReportViews.class);

  /** The database the views are in: Spark's global temporary database, renamed. */
  static final String DATABASE = "report";

  /** A view: its name and the resource that defines it. */
  record View(String name, String resource) {}

  static final List<View> ALL =
      List.of(
          new View("各县主要指标", "main_indicators.sql"),
          new View("目标进度", "targets.sql"),
          new View("镇街排名", "towns.sql"),
          new View("企业监测", "watchlist.sql"),
          new View("赛马得分", "competition.sql"),
          new View("数据修订", "revisions.sql"));

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_.]+)}");
  private static final Pattern RUN_ID = Pattern.compile("[0-9A-Za-z-]{1,64}");

  private ReportViews() {}

  static Optional<View> named(String name) {
    return ALL.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  /** The view's SQL as the resource has it, placeholders and all. */
  static String text(View view) {
    String path = "/sql/report/" + view.resource();
    try (InputStream in = ReportViews.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Creates one view, registering the tables it reads first. Returns false, and logs why, when the
   * warehouse lacks what the view needs (a table not written yet; for 数据修订, two runs that wrote the
   * gold figures).
   */
  static boolean create(SparkSession spark, SqlCommand.Catalog catalog, View view) {
    String why = createOrSayWhyNot(spark, catalog, view);
    if (why != null) {
      LOG.info("report.{} is not there yet: {}", view.name(), why);
    }
    return why == null;
  }

  /** Creates one view; null when it was created, else why not. */
  static String createOrSayWhyNot(SparkSession spark, SqlCommand.Catalog catalog, View view) {
    String sql = text(view);
    Map<String, String> values = new java.util.HashMap<>();
    // The indicators' Chinese names, from their one definition (io/saima/catalog/indicators.yaml).
    values.put("indicator_names", Indicators.namesAsSqlValues());
    if (sql.contains("${before.")) {
      Optional<Map<String, String>> runs = revisionRuns(spark, catalog);
      if (runs.isEmpty()) {
        return "ops.job_runs has fewer than two runs that wrote gold.indicator_monthly and"
            + " gold.indicator_rank (a revision shows after the night that applies it; see"
            + " notebooks/06_revision_and_ranking.sql)";
      }
      values.putAll(runs.get());
    }
    if (sql.contains("${")) {
      sql = fill(sql, values);
    }
    String body = sql;
    return ReadOnlySql.trusted(
        () -> {
          try {
            QueryTables.Named named =
                QueryTables.of(spark.sessionState().sqlParser().parsePlan(body));
            for (List<String> table : named.tables()) {
              // A one-part name is one of the view's own steps (WITH … AS), not a table.
              if (table.size() > 1 && !catalog.registerIfFound(table)) {
                return "the warehouse has no " + String.join(".", table) + " yet";
              }
            }
          } catch (ParseException e) {
            throw new IllegalStateException("report." + view.name() + ": " + e.getMessage(), e);
          }
          spark.sql("CREATE OR REPLACE GLOBAL TEMPORARY VIEW `" + view.name() + "` AS\n" + body);
          return null;
        });
  }

  /** Creates every view the warehouse has the tables for; returns the names created. */
  static List<String> createAll(SparkSession spark, SqlCommand.Catalog catalog) {
    List<String> created = new ArrayList<>();
    for (View view : ALL) {
      if (create(spark, catalog, view)) {
        created.add(DATABASE + "." + view.name());
      }
    }
    return created;
  }

  static String fill(String sql, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalStateException("no value for ${" + matcher.group(1) + "}");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /**
   * The last two runs of {@code ops.job_runs} that wrote both gold.indicator_monthly and
   * gold.indicator_rank, as the placeholders of revisions.sql: {@code before.run_id}, {@code
   * before.gold.indicator_monthly}, … Versions are numbers and run ids are checked to be ids before
   * they go into the view's text.
   */
  static Optional<Map<String, String>> revisionRuns(
      SparkSession spark, SqlCommand.Catalog catalog) {
    TableId jobRuns = OpsTables.JOB_RUNS.id();
    boolean found =
        ReadOnlySql.trusted(
            () -> catalog.registerIfFound(List.of(jobRuns.database(), jobRuns.name())));
    if (!found) {
      return Optional.empty();
    }
    List<String> tables = List.of("gold.indicator_monthly", "gold.indicator_rank");
    List<Row> runs =
        spark
            .table(jobRuns.qualified())
            .where(
                "map_contains_key(delta_versions, 'gold.indicator_monthly')"
                    + " AND map_contains_key(delta_versions, 'gold.indicator_rank')")
            .orderBy(
                org.apache.spark.sql.functions.col("finished_at").desc(),
                org.apache.spark.sql.functions.col("run_id").desc())
            .select("run_id", "delta_versions")
            .limit(2)
            .collectAsList();
    if (runs.size() < 2) {
      return Optional.empty();
    }
    Map<String, String> values = new LinkedHashMap<>();
    String[] sides = {"after", "before"};
    for (int i = 0; i < 2; i++) {
      Row run = runs.get(i);
      String runId = run.getString(0);
      if (!RUN_ID.matcher(runId).matches()) {
        throw new IllegalStateException("ops.job_runs holds a run id that is not one: " + runId);
      }
      values.put(sides[i] + ".run_id", runId);
      Map<String, Long> versions = run.getJavaMap(1);
      for (String table : tables) {
        values.put(sides[i] + "." + table, Long.toString(versions.get(table)));
      }
    }
    return Optional.of(values);
  }
}
