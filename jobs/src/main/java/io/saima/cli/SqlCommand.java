package io.saima.cli;

import io.saima.catalog.TableId;
import io.saima.catalog.Warehouse;
import io.saima.config.SaimaConfig;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
      "Tables are named <database>.<table>: bronze, silver, gold and ops (see docs/tables.md),"
          + " and the views of report in the bulletin's words (report.`各县主要指标`, …; see the"
          + " README). Read-only: queries, SET, SHOW, DESCRIBE (DESCRIBE HISTORY too), EXPLAIN and"
          + " temporary views are accepted; anything else is refused with exit 2 and changes"
          + " nothing. Time travel: SELECT … FROM t VERSION AS OF n, or TIMESTAMP AS OF '…'.",
      "",
      "Without -e or -f, on a terminal, it opens an interactive shell (\\help there lists its"
          + " commands); with stdin piped, it runs the script read from stdin. -f also runs SQL"
          + " notebooks in Databricks source format, skipping their markdown cells.",
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
        description = "A file of queries separated by ';', or a SQL notebook (notebooks/).")
    Path file;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Input input;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException {
    List<String> statements;
    if (input != null && input.file != null) {
      if (!Files.isRegularFile(input.file)) {
        throw new ParameterException(spec.commandLine(), "no such file: " + input.file);
      }
      statements = SqlStatements.script(Files.readString(input.file, StandardCharsets.UTF_8));
    } else if (input != null) {
      statements = SqlStatements.split(input.query);
    } else if (System.console() != null) {
      SaimaConfig config = common.load(List.of());
      try (SqlSession session = SqlSession.open(config, Map.of())) {
        return new SqlShell(session, output.format, config.warehouse(), SqlShell.historyFile())
            .run();
      }
    } else {
      // Piped: the script comes on stdin, the results go to stdout as with -f.
      statements =
          SqlStatements.script(new String(System.in.readAllBytes(), StandardCharsets.UTF_8));
    }
    if (statements.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "no SQL statement given");
    }
    SaimaConfig config = common.load(List.of());
    long started = System.nanoTime();
    List<Dataset<Row>> results = new ArrayList<>();
    try (SqlSession session = SqlSession.open(config, Map.of())) {
      for (String statement : statements) {
        try {
          results.add(session.run(statement));
        } catch (SqlSession.StatementException e) {
          throw new ParameterException(spec.commandLine(), e.getMessage());
        }
      }
      LOG.info(
          "{} statement(s) over {}; registered {}",
          statements.size(),
          config.warehouse(),
          session.catalog.registered.isEmpty()
              ? "no table"
              : String.join(", ", session.catalog.registered));
      PrintWriter out =
          new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
      SqlOutput printer = output.printer(statements.size() > 1, out);
      for (int i = 0; i < statements.size(); i++) {
        Map<String, Object> caption = new LinkedHashMap<>();
        caption.put("statement", i + 1);
        caption.put("sql", statements.get(i));
        printer.print(caption, results.get(i));
      }
    }
    LOG.info(
        "{} statement(s) answered in {} s",
        statements.size(),
        String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
    return ExitCode.OK;
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

    /** The tables of the warehouse by database, as found when the session started. */
    Map<String, Set<String>> tables() {
      return tablesByDatabase;
    }

    Warehouse warehouse() {
      return warehouse;
    }

    /** Registers a named table if the warehouse has it; {@code [db, table]} or longer. */
    synchronized boolean registerIfFound(List<String> name) {
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
        forgetIfElsewhere(id);
        warehouse.register(id);
      }
      return true;
    }

    /**
     * Drops the name when the catalog has it for a table of another warehouse, so that the name is
     * this warehouse's table. A process has one warehouse, but the tests' one session serves
     * several; only the name goes (the tables are external), never a file.
     */
    private void forgetIfElsewhere(TableId id) {
      org.apache.spark.sql.SparkSession spark = warehouse.spark();
      if (!spark.catalog().tableExists(id.database(), id.name())) {
        return;
      }
      org.apache.spark.sql.catalyst.TableIdentifier name =
          new org.apache.spark.sql.catalyst.TableIdentifier(
              id.name(), scala.Option.apply(id.database()));
      try {
        java.net.URI location = spark.sessionState().catalog().getTableMetadata(name).location();
        String here = new org.apache.hadoop.fs.Path(warehouse.path(id)).toUri().getPath();
        if (!here.equals(location.getPath())) {
          spark.sessionState().catalog().dropTable(name, true, false);
        }
      } catch (AnalysisException e) {
        // gone meanwhile: nothing to forget
      }
    }

    /** Names every database of the warehouse, for SHOW DATABASES; registers no table. */
    synchronized void createDatabases() {
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
