package io.saima.cli;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;

/** Splitting a SQL script into statements, and telling queries from everything else. */
final class SqlStatements {
  private SqlStatements() {}

  /** A statement that would change something. */
  static final class NotAQueryException extends Exception {
    private static final long serialVersionUID = 1L;

    NotAQueryException(String message) {
      super(message);
    }
  }

  /**
   * Returns the parsed plan of a statement, refusing at once what the read-only rule ({@link
   * ReadOnlySql}) would refuse on the analysed plan, so that a write is refused before any table is
   * registered for it. The rule on the analysed plan stays the guard: it also sees what only
   * analysis reveals (a call of {@code reflect}, a view's own plan).
   */
  static LogicalPlan requireQuery(SparkSession spark, String statement)
      throws ParseException, NotAQueryException {
    LogicalPlan plan;
    try {
      plan = spark.sessionState().sqlParser().parsePlan(statement);
    } catch (ParseException e) {
      throw e;
    } catch (Exception e) {
      // The read-only parser refuses a write as it parses it; Scala throws it undeclared.
      if (e instanceof ReadOnlySql.RefusedException refused) {
        throw new NotAQueryException(refused.getMessage() + ": " + abbreviate(statement));
      }
      throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
    String refused = ReadOnlySql.refusal(plan);
    if (refused != null) {
      throw new NotAQueryException(ReadOnlySql.message(refused) + ": " + abbreviate(statement));
    }
    return plan;
  }

  static String abbreviate(String statement) {
    String flat = statement.strip().replaceAll("\\s+", " ");
    return flat.length() > 80 ? flat.substring(0, 80) + "…" : flat;
  }

  /** The first line of a notebook in Databricks source format. */
  static final String NOTEBOOK_HEADER = "-- Databricks notebook source";

  /**
   * The statements of a script. A notebook in Databricks source format ({@value #NOTEBOOK_HEADER}
   * on its first line) is split into cells at its {@code -- COMMAND ----------} lines, its markdown
   * cells ({@code -- MAGIC %md}) are skipped, and each cell may hold one statement without a
   * closing semicolon, or several separated by semicolons; any other text is split at semicolons.
   */
  static List<String> script(String text) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (!body.stripLeading().startsWith(NOTEBOOK_HEADER)) {
      return split(body);
    }
    List<String> out = new ArrayList<>();
    for (String cell : body.split("(?m)^-- COMMAND -+[ \t]*$")) {
      boolean magic =
          cell.lines()
              .map(String::strip)
              .filter(line -> !line.isEmpty() && !line.startsWith(NOTEBOOK_HEADER))
              .allMatch(line -> line.startsWith("-- MAGIC"));
      if (!magic) {
        out.addAll(split(cell));
      }
    }
    return out;
  }

  /**
   * Whether a text typed at the prompt is complete: its last character outside comments is a
   * semicolon outside quotes, or it holds nothing but comments and blanks.
   */
  static boolean complete(String text) {
    char quote = 0;
    char last = 0;
    boolean lineComment = false;
    boolean blockComment = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
      if (lineComment) {
        lineComment = c != '\n';
      } else if (blockComment) {
        if (c == '*' && next == '/') {
          blockComment = false;
          i++;
        }
      } else if (quote != 0) {
        if (c == '\\' && quote != '`') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
        last = c;
      } else if (c == '-' && next == '-') {
        lineComment = true;
        i++;
      } else if (c == '/' && next == '*') {
        blockComment = true;
        i++;
      } else if (c == '\'' || c == '"' || c == '`') {
        quote = c;
        last = c;
      } else if (!Character.isWhitespace(c)) {
        last = c;
      }
    }
    return quote == 0 && !blockComment && (last == 0 || last == ';');
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
