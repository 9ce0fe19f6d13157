package io.saima.cli;

import io.saima.catalog.TableId;
import io.saima.catalog.Warehouse;
import io.saima.config.SaimaConfig;
import io.saima.pipeline.SparkSessions;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code saima sql}: queries over the tables of the warehouse, results on stdout. Read-only: each
 * statement is parsed by Spark and refused unless it is a query. Tables are registered by path in
 * this process's own catalog, so it runs while a night writes to the same warehouse; only the
 * tables the statements name are registered, since each one costs a read of its Delta log.
 */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    header = "Runs read-only SQL over the warehouse and prints the results.",
    description = {
      "Tables are named <database>.<table>: bronze, silver, gold and ops (see docs/tables.md)."
          + " Only SELECT, WITH, VALUES, SHOW, DESCRIBE and EXPLAIN are accepted; anything else"
          + " is refused with exit 2 and changes nothing.",
      "",
      "csv is RFC 4180 with a header row, exact plain decimals (no exponent), empty nulls and"
          + " LF line ends (CRLF with --crlf). json is one object per row and line. table aligns"
          + " the columns for reading, numbers to the right, doubles to 2 decimal places (4 when"
          + " all are below 1).",
      "",
      "With several statements (-f, or -e with ';'), the result sets come in order: csv and"
          + " table separate them by a blank line, and json prints each as one document on one"
          + " line, with the statement's number, its text and its rows."
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {ExitCode.OK_HELP, ExitCode.FAILURE_HELP, ExitCode.USAGE_HELP})
public final class SqlCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(SqlCommand.class);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions.WarehouseOptions common;

  static final class Input {
    @Option(
        names = {"-e", "--execute"},
        paramLabel = "QUERY",
        description = "The query to run; several may be separated by ';'.")
    String query;

    @Option(
        names = {"-f", "--file"},
        paramLabel = "FILE",
        description = "A file of queries separated by ';'.")
    Path file;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException {
    String text;
    if (input.file != null) {
      if (!Files.isRegularFile(input.file)) {
        throw new ParameterException(spec.commandLine(), "no such file: " + input.file);
      }
      text = Files.readString(input.file, StandardCharsets.UTF_8);
    } else {
      text = input.query;
    }
    List<String> statements = SqlStatements.split(text);
    if (statements.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no SQL statement given");
    }
    SaimaConfig config = common.load(List.of());
    long started = System.nanoTime();
    SparkSession spark = SparkSessions.create(config);
    List<LogicalPlan> plans = new ArrayList<>();
    for (String statement : statements) {
      try {
        plans.add(SqlStatements.requireQuery(spark, statement));
      } catch (ParseException e) {
        throw new ParameterException(
            spec.commandLine(), "not valid SQL: " + Main.firstLine(e.getMessage()));
      } catch (SqlStatements.NotAQueryException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    Catalog catalog = new Catalog(new Warehouse(spark, config.warehouse()));
    List<Dataset<Row>> results = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      QueryTables.Named named = QueryTables.of(plans.get(i));
      if (plans.get(i).getClass().getSimpleName().equals("ShowNamespaces")) {
        catalog.createDatabases();
      }
      named.databases().forEach(catalog::registerDatabase);
      named.tables().forEach(catalog::registerIfFound);
      results.add(analyse(spark, catalog, statements.get(i)));
    }
    LOG.info(
        "{} statement(s) over {}; registered {}",
        statements.size(),
        config.warehouse(),
        catalog.registered.isEmpty() ? "no table" : String.join(", ", catalog.registered));
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    SqlOutput printer = output.printer(statements.size() > 1, out);
    for (int i = 0; i < statements.size(); i++) {
      Map<String, Object> caption = new LinkedHashMap<>();
      caption.put("statement", i + 1);
      caption.put("sql", statements.get(i));
      printer.print(caption, results.get(i));
    }
    LOG.info(
        "{} statement(s) answered in {} s",
        statements.size(),
        String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
    return ExitCode.OK;
  }

  /**
   * Analyses a statement. A table Spark cannot find is registered when the warehouse has it (a name
   * the plan walk missed), and is otherwise bad usage naming the tables there are.
   */
  private Dataset<Row> analyse(SparkSession spark, Catalog catalog, String statement) {
    Set<String> tried = new HashSet<>();
    while (true) {
      try {
        return spark.sql(statement);
      } catch (Exception thrown) {
        // Scala declares no checked exceptions: Spark's AnalysisException arrives undeclared.
        if (!(thrown instanceof AnalysisException e)) {
          throw thrown;
        }
        String missing = missingTable(e);
        if (missing != null && tried.add(missing) && catalog.registerIfFound(parts(missing))) {
          continue;
        }
        if (missing != null) {
          throw new ParameterException(spec.commandLine(), catalog.describeMissing(missing));
        }
        throw new ParameterException(spec.commandLine(), Main.firstLine(e.getSimpleMessage()));
      }
    }
  }

  /** The name of the table Spark reports missing, without backquotes; null for other errors. */
  static String missingTable(AnalysisException e) {
    String errorClass = e.getErrorClass();
    if (errorClass == null
        || !(errorClass.startsWith("TABLE_OR_VIEW_NOT_FOUND")
            || errorClass.startsWith("DELTA_TABLE_NOT_FOUND"))) {
      return null;
    }
    Map<String, String> parameters = e.getMessageParameters();
    String name = parameters.getOrDefault("relationName", parameters.get("tableName"));
    return name == null ? null : name.replace("`", "");
  }

  private static List<String> parts(String qualified) {
    return List.of(qualified.split("\\."));
  }

  /** The tables of the warehouse, found by listing folders, registered only when named. */
  static final class Catalog {
    private final Warehouse warehouse;
    private final Map<String, Set<String>> tablesByDatabase = new LinkedHashMap<>();
    final Set<String> registered = new TreeSet<>();

    Catalog(Warehouse warehouse) {
      this.warehouse = warehouse;
      for (TableId id : warehouse.list()) {
        tablesByDatabase.computeIfAbsent(id.database(), d -> new TreeSet<>()).add(id.name());
      }
    }

    /** Registers a named table if the warehouse has it; {@code [db, table]} or longer. */
    boolean registerIfFound(List<String> name) {
      if (name.size() < 2) {
        return false;
      }
      String database = name.get(name.size() - 2);
      String table = name.get(name.size() - 1);
      if (!tablesByDatabase.getOrDefault(database, Set.of()).contains(table)) {
        return false;
      }
      TableId id = TableId.of(database, table);
      if (registered.add(id.qualified())) {
        warehouse.register(id);
      }
      return true;
    }

    /** Names every database of the warehouse, for SHOW DATABASES; registers no table. */
    void createDatabases() {
      for (String database : tablesByDatabase.keySet()) {
        warehouse.spark().sql("CREATE DATABASE IF NOT EXISTS " + database);
      }
    }

    /** Every table of one database, for SHOW TABLES IN it. */
    void registerDatabase(String database) {
      for (String table : tablesByDatabase.getOrDefault(database, Set.of())) {
        registerIfFound(List.of(database, table));
      }
    }

    /** "table gold.nosuch does not exist; the tables of gold are …", closest names first. */
    String describeMissing(String missing) {
      List<String> name = parts(missing);
      Set<String> databases = tablesByDatabase.keySet();
      if (name.size() < 2) {
        return "table "
            + missing
            + " does not exist: name tables as <database>.<table>; the databases are "
            + (databases.isEmpty()
                ? "none (the warehouse is empty)"
                : String.join(", ", databases));
      }
      String database = name.get(name.size() - 2);
      String table = name.get(name.size() - 1);
      Set<String> tables = tablesByDatabase.get(database);
      if (tables == null) {
        return "table "
            + database
            + "."
            + table
            + " does not exist: there is no database "
            + database
            + " in "
            + warehouse.root()
            + "; the databases are "
            + (databases.isEmpty()
                ? "none (the warehouse is empty)"
                : Closest.list(database, databases, 10));
      }
      return "table "
          + database
          + "."
          + table
          + " does not exist; the tables of "
          + database
          + " are "
          + Closest.to(table, tables).stream()
              .map(t -> database + "." + t)
              .collect(Collectors.joining(", "));
    }
  }
}
