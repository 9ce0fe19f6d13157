package io.saima.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A JDBC client of {@code saima sql-server} for the tests, run in a JVM of its own with the Hive
 * JDBC driver (its standalone jar bundles Hadoop and Jackson, which must not meet the tests'). Runs
 * each argument after the URL as a statement and prints, per statement, {@code #### <statement>}
 * and then {@code ok} with the column names and rows (tab-separated) or {@code error <message>}.
 * Two arguments are not statements: {@code \tables} lists the tables the driver's metadata shows,
 * and {@code \reconnect} starts a new JDBC session.
 */
public final class JdbcClient {
  /** Starts the output of each statement; no result line starts so. */
  static final String STATEMENT = "#### ";

  private JdbcClient() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    String url = args[0];
    Class.forName("org.apache.hive.jdbc.HiveDriver");
    Connection connection = DriverManager.getConnection(url, "statistician", "");
    try {
      for (int i = 1; i < args.length; i++) {
        String statement = args[i];
        out.println(STATEMENT + statement.replace('\n', ' '));
        if (statement.equals("\\reconnect")) {
          connection.close();
          connection = DriverManager.getConnection(url, "statistician", "");
          out.println("ok");
          continue;
        }
        try {
          if (statement.equals("\\tables")) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", null)) {
              out.println("ok");
              print(tables, out);
            }
            continue;
          }
          try (Statement run = connection.createStatement()) {
            if (run.execute(statement)) {
              try (ResultSet rows = run.getResultSet()) {
                out.println("ok");
                print(rows, out);
              }
            } else {
              out.println("ok");
            }
          }
        } catch (SQLException e) {
          // The server sends its stack trace after the first line: the message is enough.
          String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
          out.println("error " + message);
        }
      }
    } finally {
      connection.close();
    }
  }

  private static void print(ResultSet rows, PrintStream out) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    List<String> names = new ArrayList<>();
    for (int c = 1; c <= meta.getColumnCount(); c++) {
      names.add(meta.getColumnLabel(c));
    }
    out.println(String.join("\t", names));
    while (rows.next()) {
      List<String> values = new ArrayList<>();
      for (int c = 1; c <= meta.getColumnCount(); c++) {
        values.add(String.valueOf(rows.getString(c)));
      }
      out.println(String.join("\t", values));
    }
  }
}
