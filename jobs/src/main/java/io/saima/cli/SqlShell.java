package io.saima.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jline.reader.Candidate;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interactive {@code saima sql}: a prompt with line editing, history kept across sessions,
 * statements over several lines (a statement ends with {@code ;}), completion of table and column
 * names, and backslash commands. Errors are a line saying why, the statement marked where it
 * failed, and a hint; never a stack trace. Results are limited to {@value #MAX_ROWS} rows on the
 * screen; {@code saima sql -e} or {@code -f} print all.
 *
 * <p>One class, though long: the prompt's loop, its completion and its backslash commands share one
 * session and one terminal.
 */
final class SqlShell {
  private static final Logger LOG = LoggerFactory.getLogger(SqlShell.class);

  static final int MAX_ROWS = 1000;
  private static final String PROMPT = "saima> ";
  private static final String CONTINUATION = "   ...> ";

  private static final List<String> KEYWORDS =
      List.of(
          "SELECT",
          "FROM",
          "WHERE",
          "GROUP BY",
          "ORDER BY",
          "HAVING",
          "LIMIT",
          "JOIN",
          "LEFT JOIN",
          "ON",
          "AND",
          "OR",
          "NOT",
          "AS",
          "WITH",
          "DISTINCT",
          "COUNT",
          "SUM",
          "AVG",
          "MIN",
          "MAX",
          "DESC",
          "ASC",
          "SHOW TABLES",
          "SHOW DATABASES",
          "DESCRIBE",
          "DESCRIBE HISTORY",
          "EXPLAIN",
          "VERSION AS OF",
          "TIMESTAMP AS OF",
          "CREATE TEMPORARY VIEW",
          "SET");

  private final SqlSession session;
  private final String warehouse;
  private SqlOutput.Format format;
  private final Set<String> columns = new ConcurrentSkipListSet<>();
  private final Path history;
  private volatile boolean ended;

  SqlShell(SqlSession session, SqlOutput.Format format, String warehouse, Path history) {
    this.session = session;
    this.format = format;
    this.warehouse = warehouse;
    this.history = history;
  }

  /** The shell on this process's terminal. */
  int run() throws IOException {
    // Ctrl-C is ignored unless a handler is set: the prompt clears its line, a running statement
    // is cancelled (runStatement), and the shell itself never dies of it.
    try (Terminal terminal =
        TerminalBuilder.builder()
            .system(true)
            .signalHandler(Terminal.SignalHandler.SIG_IGN)
            .build()) {
      return run(terminal);
    }
  }

  /** The shell on a terminal: until Ctrl-D or \\q. */
  int run(Terminal terminal) throws IOException {
    LineReader reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("saima-sql")
            .parser(new StatementParser())
            .completer(this::complete)
            .variable(LineReader.HISTORY_FILE, history)
            .variable(LineReader.HISTORY_SIZE, 5000)
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
            .build();
    PrintWriter out = terminal.writer();
    out.println(
        "saima sql over "
            + warehouse
            + " — read-only. End statements with ';'. \\help for help, \\q to quit.");
    out.flush();
    loadColumnsInTheBackground();
    while (true) {
      String text;
      try {
        text = reader.readLine(PROMPT);
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        break;
      }
      String command = text.strip();
      if (command.isEmpty()) {
        continue;
      }
      if (command.startsWith("\\")) {
        if (!backslash(command, out)) {
          break;
        }
      } else {
        for (String statement : SqlStatements.split(command)) {
          runStatement(statement, terminal, out);
        }
      }
      out.flush();
    }
    ended = true;
    reader.getHistory().save();
    return ExitCode.OK;
  }

  /** Where the shell keeps its history: {@code ~/.saima_sql_history}. */
  static Path historyFile() {
    return Path.of(System.getProperty("user.home"), ".saima_sql_history");
  }

  private void runStatement(String statement, Terminal terminal, PrintWriter out) {
    SparkSession spark = session.spark;
    Terminal.SignalHandler previous =
        terminal.handle(Terminal.Signal.INT, signal -> spark.sparkContext().cancelAllJobs());
    long started = System.nanoTime();
    try {
      Dataset<Row> result = session.run(statement);
      List<Row> rows = result.limit(MAX_ROWS + 1).collectAsList();
      boolean more = rows.size() > MAX_ROWS;
      List<Row> shown = more ? rows.subList(0, MAX_ROWS) : rows;
      new SqlOutput(format, false, false, out)
          .print(Map.of(), spark.createDataFrame(shown, result.schema()));
      // The table format counts its rows itself; csv and json do not.
      String count =
          format == SqlOutput.Format.TABLE
              ? ""
              : shown.size() + (shown.size() == 1 ? " row, " : " rows, ");
      out.println(
          "("
              + count
              + (more ? "more not shown: add a LIMIT or use saima sql -e; " : "")
              + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9)
              + " s)");
    } catch (SqlSession.StatementException e) {
      printError(out, e.getMessage(), e.detail, hint(e.getMessage()));
    } catch (Exception e) {
      // A query that failed while running (a cast that overflows, a job cancelled with Ctrl-C);
      // Spark throws its SparkException undeclared.
      String message = Main.firstLine(cause(e));
      printError(
          out,
          message,
          null,
          message.contains("cancelled")
              ? "stopped by Ctrl-C; nothing was changed"
              : "--verbose shows the stack trace in the log");
      LOG.debug("statement failed", e);
    } finally {
      terminal.handle(Terminal.Signal.INT, previous);
    }
  }

  private static String cause(Throwable e) {
    Throwable said = e;
    for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof org.apache.spark.SparkThrowable spark && spark.getErrorClass() != null) {
        said = c;
      }
    }
    return said.getMessage() == null ? said.getClass().getSimpleName() : said.getMessage();
  }

  private static void printError(PrintWriter out, String message, String detail, String hint) {
    out.println("error: " + message);
    if (detail != null) {
      out.println(detail);
    }
    if (hint != null) {
      out.println("hint: " + hint);
    }
  }

  static String hint(String message) {
    if (message.startsWith("read-only")) {
      return "this shell only reads; the night writes the tables (saima nightly)";
    }
    if (message.startsWith("not valid SQL")) {
      return "check the SQL at the marked position; names in Chinese need backquotes,"
          + " report.`各县主要指标`";
    }
    if (message.contains("does not exist")) {
      return "\\tables lists the tables; name them <database>.<table>";
    }
    if (message.contains("UNRESOLVED_COLUMN")) {
      return "\\describe TABLE lists a table's columns";
    }
    return null;
  }

  /** Runs a backslash command; false when the shell is to end. */
  private boolean backslash(String command, PrintWriter out) {
    String[] words = command.split("\\s+", 2);
    String argument = words.length > 1 ? words[1].strip() : "";
    if (argument.endsWith(";")) {
      argument = argument.substring(0, argument.length() - 1).strip();
    }
    switch (words[0]) {
      case "\\q", "\\quit" -> {
        return false;
      }
      case "\\help", "\\h", "\\?" -> help(out);
      case "\\tables" -> tables(out);
      case "\\describe", "\\d" -> describe(argument, out);
      case "\\format" -> {
        try {
          format = SqlOutput.Format.valueOf(argument.toUpperCase(Locale.ROOT));
          out.println("format: " + format.name().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          printError(
              out,
              "\\format expects table, csv or json, got '" + argument + "'",
              null,
              "\\format csv");
        }
      }
      default ->
          printError(
              out,
              "unknown command " + words[0],
              null,
              "the commands are " + Closest.list(words[0], BACKSLASH, 7));
    }
    return true;
  }

  private static final List<String> BACKSLASH =
      List.of("\\help", "\\tables", "\\describe", "\\format", "\\q");

  private static void help(PrintWriter out) {
    out.println(
        String.join(
            "\n",
            "Statements end with ';' and may run over several lines; Up and Down recall earlier",
            "ones (kept in ~/.saima_sql_history), Tab completes table and column names, Ctrl-C",
            "stops a running query, Ctrl-D or \\q leaves.",
            "",
            "  \\tables              the tables and report views",
            "  \\describe TABLE      a table's columns and types (\\d for short)",
            "  \\format table|csv|json   how results are printed",
            "  \\help                this text",
            "  \\q                   quit",
            "",
            "Read-only: queries, SET, SHOW, DESCRIBE, EXPLAIN and CREATE TEMPORARY VIEW.",
            "Time travel: SELECT * FROM gold.indicator_monthly VERSION AS OF 3;",
            "             SELECT * FROM gold.indicator_rank TIMESTAMP AS OF '2020-07-01 00:00:00';",
            "             DESCRIBE HISTORY gold.indicator_monthly;",
            "Names in Chinese need backquotes: SELECT * FROM report.`各县主要指标` LIMIT 10;"));
  }

  private void tables(PrintWriter out) {
    List<Row> rows = new ArrayList<>();
    session.catalog.tables().forEach((db, names) -> names.forEach(t -> rows.add(row(db, t))));
    for (ReportViews.View view : ReportViews.ALL) {
      rows.add(row(ReportViews.DATABASE, view.name()));
    }
    StructType schema =
        new StructType()
            .add("database", DataTypes.StringType, false)
            .add("table", DataTypes.StringType, false);
    new SqlOutput(format, false, false, out)
        .print(Map.of(), session.spark.createDataFrame(rows, schema));
  }

  private static Row row(Object... values) {
    return RowFactory.create(values);
  }

  /** A table's columns, through the catalog API: the name is parsed as a name, never as SQL. */
  private void describe(String name, PrintWriter out) {
    if (name.isEmpty()) {
      printError(out, "\\describe needs a table", null, "\\describe gold.indicator_monthly");
      return;
    }
    try {
      List<String> parts =
          scala.collection.JavaConverters.seqAsJavaList(
              session.spark.sessionState().sqlParser().parseMultipartIdentifier(name));
      Dataset<Row> table = session.table(parts);
      List<Row> rows = new ArrayList<>();
      for (StructField field : table.schema().fields()) {
        rows.add(row(field.name(), field.dataType().simpleString(), field.nullable()));
      }
      StructType schema =
          new StructType()
              .add("column", DataTypes.StringType, false)
              .add("type", DataTypes.StringType, false)
              .add("nullable", DataTypes.BooleanType, false);
      new SqlOutput(format, false, false, out)
          .print(Map.of(), session.spark.createDataFrame(rows, schema));
    } catch (SqlSession.StatementException e) {
      printError(out, e.getMessage(), null, hint(e.getMessage()));
    } catch (org.apache.spark.sql.catalyst.parser.ParseException e) {
      printError(out, "not a table name: " + name, null, "\\describe gold.indicator_monthly");
    }
  }

  /** Column names for completion, from every table's schema, read once in the background. */
  private void loadColumnsInTheBackground() {
    Thread loader =
        new Thread(
            () -> {
              for (Map.Entry<String, Set<String>> db : session.catalog.tables().entrySet()) {
                for (String table : db.getValue()) {
                  if (ended) {
                    return;
                  }
                  try {
                    for (String column :
                        session.table(List.of(db.getKey(), table)).schema().fieldNames()) {
                      columns.add(column);
                    }
                  } catch (Exception e) {
                    // Spark's errors are undeclared; a table that cannot be read completes nothing.
                    LOG.debug("no columns of {}.{} for completion", db.getKey(), table, e);
                  }
                }
              }
            },
            "sql-completion");
    loader.setDaemon(true);
    loader.start();
  }

  private void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    Set<String> words = new TreeSet<>();
    if (line.wordIndex() == 0 && line.word().startsWith("\\")) {
      words.addAll(BACKSLASH);
    } else {
      session.catalog.tables().forEach((db, names) -> names.forEach(t -> words.add(db + "." + t)));
      session.catalog.tables().keySet().forEach(words::add);
      for (ReportViews.View view : ReportViews.ALL) {
        words.add(ReportViews.DATABASE + ".`" + view.name() + "`");
      }
      words.addAll(columns);
      words.addAll(KEYWORDS);
    }
    for (String word : words) {
      candidates.add(new Candidate(word, word, null, null, null, null, !word.endsWith(".")));
    }
  }

  /** Asks for another line until the statement ends with ';' (a backslash command needs none). */
  private static final class StatementParser extends DefaultParser {
    StatementParser() {
      escapeChars(new char[0]);
      quoteChars(new char[] {'\'', '"', '`'});
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
      if (context == ParseContext.ACCEPT_LINE
          && !line.strip().startsWith("\\")
          && !SqlStatements.complete(line)) {
        throw new EOFError(-1, -1, "the statement goes on until ';'", "continue");
      }
      return super.parse(line, cursor, context);
    }
  }
}
