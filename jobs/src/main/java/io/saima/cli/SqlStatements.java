package io.saima.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;

/** Splitting a SQL script into statements, and telling queries from everything else. */
final class SqlStatements {
  private SqlStatements() {}

  /** Statements that only show: allowed although Spark models them as commands. */
  private static final Set<String> SHOWING =
      Set.of("ExplainCommand", "SetCatalogAndNamespace", "DescribeQueryCommand");

  /** A statement that would change something. */
  static final class NotAQueryException extends Exception {
    private static final long serialVersionUID = 1L;

    NotAQueryException(String message) {
      super(message);
    }
  }

  /**
   * Returns the parsed plan of a query, and refuses anything but a query, judged on the plan
   * Spark's own parser (with the Delta extension) makes of it, not on the text.
   */
  static LogicalPlan requireQuery(SparkSession spark, String statement)
      throws ParseException, NotAQueryException {
    LogicalPlan plan = spark.sessionState().sqlParser().parsePlan(statement);
    String root = plan.getClass().getSimpleName();
    if (root.startsWith("Show") || root.startsWith("Describe") || SHOWING.contains(root)) {
      return plan;
    }
    boolean changes =
        plan.find(node -> node instanceof Command || node instanceof ParsedStatement).isDefined();
    if (changes) {
      throw new NotAQueryException(
          "sql is read-only: only SELECT, WITH, VALUES, SHOW, DESCRIBE and EXPLAIN are allowed,"
              + " not this "
              + root
              + " statement: "
              + abbreviate(statement));
    }
    return plan;
  }

  static String abbreviate(String statement) {
    String flat = statement.strip().replaceAll("\\s+", " ");
    return flat.length() > 80 ? flat.substring(0, 80) + "…" : flat;
  }

  /** Splits at semicolons outside quotes, backquotes and comments; blank statements are dropped. */
  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    boolean lineComment = false;
    boolean blockComment = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (lineComment) {
        if (c == '\n') {
          lineComment = false;
          current.append(c);
        }
        continue;
      }
      if (blockComment) {
        if (c == '*' && next == '/') {
          blockComment = false;
          i++;
        }
        continue;
      }
      if (quote != 0) {
        current.append(c);
        if (c == '\\' && quote != '`' && next != 0) {
          current.append(next);
          i++;
        } else if (c == quote) {
          quote = 0;
        }
        continue;
      }
      if (c == '-' && next == '-') {
        lineComment = true;
        i++;
      } else if (c == '/' && next == '*') {
        blockComment = true;
        i++;
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        current.append(c);
      } else if (c == ';') {
        add(out, current);
      } else {
        current.append(c);
      }
    }
    add(out, current);
    return out;
  }

  private static void add(List<String> out, StringBuilder current) {
    String statement = current.toString().strip();
    if (!statement.isEmpty()) {
      out.add(statement);
    }
    current.setLength(0);
  }
}
