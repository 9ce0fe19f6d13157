package io.saima.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * Prints query results, for {@code saima sql} and for every command that prints rows: {@code csv}
 * (RFC 4180: header row, fields quoted when they hold a comma, quote or line break; decimals and
 * doubles exact, in plain notation; null as an empty field; lines end in LF, or CRLF when asked),
 * {@code json} (one object per row and line, nulls kept) and {@code table} (aligned for reading:
 * numbers right-aligned, doubles rounded for the eye).
 *
 * <p>Several result sets in one run are kept apart: in csv and table a blank line separates them;
 * in json each result set is one document on one line, {@code {"statement":1,…,"rows":[…]}}, so
 * that a reader never has to guess where one ends.
 *
 * <p>One class, though long: the three formats share how a value becomes text (exact decimals,
 * nulls, timestamps), which must never differ between them.
 */
final class SqlOutput {

  enum Format {
    TABLE,
    CSV,
    JSON
  }

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private final Format format;
  private final String lineEnd;
  private final boolean several;
  private final PrintWriter out;
  private int printed;

  /**
   * @param several whether more than one result set will be printed (json then wraps each)
   * @param crlf end csv lines in CRLF instead of LF
   */
  SqlOutput(Format format, boolean crlf, boolean several, PrintWriter out) {
    this.format = format;
    this.lineEnd = crlf && format == Format.CSV ? "\r\n" : "\n";
    this.several = several;
    this.out = out;
  }

  /**
   * Prints one result set. {@code caption} names it (the statement's number and text, or the {@code
   * table} it was written to): the leading fields of its json document when there are several; in
   * table format the table's name is a title line; csv prints no caption.
   */
  void print(Map<String, Object> caption, Dataset<Row> result) {
    String zone = result.sparkSession().conf().get("spark.sql.session.timeZone");
    ZoneId zoneId = ZoneId.of(zone);
    StructType schema = result.schema();
    if (printed > 0 && format != Format.JSON) {
      out.print(lineEnd);
    }
    printed++;
    switch (format) {
      case CSV -> {
        List<String> header = new ArrayList<>();
        for (StructField field : schema.fields()) {
          header.add(csvField(field.name()));
        }
        out.print(String.join(",", header) + lineEnd);
        Iterator<Row> rows = result.toLocalIterator();
        while (rows.hasNext()) {
          Row row = rows.next();
          List<String> fields = new ArrayList<>();
          for (int i = 0; i < row.size(); i++) {
            fields.add(row.isNullAt(i) ? "" : csvField(text(row.get(i), zoneId)));
          }
          out.print(String.join(",", fields) + lineEnd);
        }
      }
      case JSON -> {
        Iterator<Row> rows = result.toLocalIterator();
        if (several) {
          StringBuilder line = new StringBuilder("{");
          caption.forEach(
              (key, value) ->
                  line.append(jsonString(key)).append(':').append(json(value, zoneId)).append(','));
          line.append("\"rows\":[");
          boolean first = true;
          while (rows.hasNext()) {
            line.append(first ? "" : ",").append(jsonObject(rows.next(), schema, zoneId));
            first = false;
          }
          out.print(line.append("]}\n"));
        } else {
          while (rows.hasNext()) {
            out.print(jsonObject(rows.next(), schema, zoneId) + "\n");
          }
        }
      }
      case TABLE -> {
        Object title = caption.get("table");
        if (title != null) {
          out.print(title + "\n");
        }
        printTable(result, schema, zoneId, out);
      }
    }
    out.flush();
  }

  private static String jsonObject(Row row, StructType schema, ZoneId zone) {
    StringBuilder line = new StringBuilder("{");
    for (int i = 0; i < row.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(jsonString(schema.fields()[i].name())).append(':');
      line.append(json(row.isNullAt(i) ? null : row.get(i), zone));
    }
    return line.append('}').toString();
  }

  private static boolean numeric(DataType type) {
    return type instanceof NumericType;
  }

  private static boolean floating(DataType type) {
    return type instanceof DoubleType || type instanceof FloatType;
  }

  /**
   * Decimal places a floating-point column is shown with in table format: 2 (scores, percentages,
   * growth), or 4 when every value is below 1 in magnitude (probabilities, shares of one).
   */
  static int decimalsFor(List<Row> rows, int column) {
    for (Row row : rows) {
      if (!row.isNullAt(column)) {
        double d = ((Number) row.get(column)).doubleValue();
        if (Double.isFinite(d) && Math.abs(d) >= 1) {
          return 2;
        }
      }
    }
    return 4;
  }

  /** A double rounded half-up to this many places, in plain notation with its trailing zeros. */
  static String rounded(double d, int decimals) {
    if (!Double.isFinite(d)) {
      return Double.toString(d);
    }
    return BigDecimal.valueOf(d).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  private static void printTable(
      Dataset<Row> result, StructType schema, ZoneId zone, PrintWriter out) {
    List<Row> rows = result.collectAsList();
    StructField[] fields = schema.fields();
    boolean[] right = new boolean[fields.length];
    int[] decimals = new int[fields.length];
    for (int i = 0; i < fields.length; i++) {
      right[i] = numeric(fields[i].dataType());
      decimals[i] = floating(fields[i].dataType()) ? decimalsFor(rows, i) : -1;
    }
    List<String[]> lines = new ArrayList<>();
    String[] header = schema.fieldNames();
    lines.add(header);
    for (Row row : rows) {
      String[] cells = new String[row.size()];
      for (int i = 0; i < row.size(); i++) {
        if (row.isNullAt(i)) {
          cells[i] = "NULL";
        } else if (decimals[i] >= 0) {
          cells[i] = rounded(((Number) row.get(i)).doubleValue(), decimals[i]);
        } else {
          cells[i] = text(row.get(i), zone).replaceAll("[\\r\\n]+", " ");
        }
      }
      lines.add(cells);
    }
    int[] widths = new int[header.length];
    for (String[] cells : lines) {
      for (int i = 0; i < cells.length; i++) {
        widths[i] = Math.max(widths[i], displayWidth(cells[i]));
      }
    }
    for (int n = 0; n < lines.size(); n++) {
      StringBuilder line = new StringBuilder();
      String[] cells = lines.get(n);
      for (int i = 0; i < cells.length; i++) {
        if (i > 0) {
          line.append("  ");
        }
        String padding = " ".repeat(widths[i] - displayWidth(cells[i]));
        if (right[i]) {
          line.append(padding).append(cells[i]);
        } else {
          line.append(cells[i]);
          if (i < cells.length - 1) {
            line.append(padding);
          }
        }
      }
      out.print(line.toString().stripTrailing() + "\n");
      if (n == 0) {
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
          rule.append(i > 0 ? "  " : "").append("-".repeat(Math.max(1, widths[i])));
        }
        out.print(rule + "\n");
      }
    }
    out.print("(" + (lines.size() - 1) + (lines.size() == 2 ? " row)" : " rows)") + "\n");
  }

  /** Chinese characters take two columns in a terminal. */
  private static int displayWidth(String text) {
    int width = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      boolean wide =
          script == Character.UnicodeScript.HAN
              || (cp >= 0x3000 && cp <= 0x303F)
              || (cp >= 0xFF00 && cp <= 0xFF60);
      width += wide ? 2 : 1;
      i += Character.charCount(cp);
    }
    return width;
  }

  static String csvField(String value) {
    if (value.indexOf(',') >= 0
        || value.indexOf('"') >= 0
        || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  /** A value as plain text: decimals and doubles without exponent, times in the session zone. */
  static String text(Object value, ZoneId zone) {
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Double d) {
      return plain(d);
    }
    if (value instanceof Float f) {
      return plain(f.doubleValue());
    }
    if (value instanceof Timestamp timestamp) {
      return time(timestamp.toInstant(), zone);
    }
    if (value instanceof Instant instant) {
      return time(instant, zone);
    }
    if (value instanceof Date date) {
      return date.toLocalDate().toString();
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    if (value instanceof scala.collection.Seq<?>
        || value instanceof scala.collection.Map<?, ?>
        || value instanceof Row) {
      return json(value, zone);
    }
    return String.valueOf(value);
  }

  /** Like Spark's own: seconds, and the fraction only when there is one. */
  private static String time(Instant instant, ZoneId zone) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    String text = TIMESTAMP.format(local);
    int micros = local.getNano() / 1000;
    if (micros == 0) {
      return text;
    }
    String fraction = String.format(Locale.ROOT, "%06d", micros).replaceAll("0+$", "");
    return text + "." + fraction;
  }

  private static String plain(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.toString(d);
    }
    String text = new BigDecimal(Double.toString(d)).toPlainString();
    if (text.contains(".")) {
      text = text.replaceAll("0+$", "");
      if (text.endsWith(".")) {
        text = text.substring(0, text.length() - 1);
      }
    }
    return text;
  }

  static String json(Object value, ZoneId zone) {
    if (value == null) {
      return "null";
    }
    if (value instanceof BigDecimal || value instanceof Number) {
      if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
        return jsonString(d.toString());
      }
      if (value instanceof Float f && (f.isNaN() || f.isInfinite())) {
        return jsonString(f.toString());
      }
      return text(value, zone);
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      StringBuilder out = new StringBuilder("[");
      Iterator<?> items = JavaConverters.asJavaIterable(seq).iterator();
      boolean firstItem = true;
      while (items.hasNext()) {
        out.append(firstItem ? "" : ",").append(json(items.next(), zone));
        firstItem = false;
      }
      return out.append(']').toString();
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      StringBuilder out = new StringBuilder("{");
      boolean firstEntry = true;
      for (Map.Entry<?, ?> entry : JavaConverters.mapAsJavaMap(map).entrySet()) {
        out.append(firstEntry ? "" : ",")
            .append(jsonString(String.valueOf(entry.getKey())))
            .append(':')
            .append(json(entry.getValue(), zone));
        firstEntry = false;
      }
      return out.append('}').toString();
    }
    if (value instanceof Row row) {
      StringBuilder out = new StringBuilder("{");
      String[] names = row.schema() == null ? null : row.schema().fieldNames();
      for (int i = 0; i < row.size(); i++) {
        out.append(i > 0 ? "," : "")
            .append(jsonString(names == null ? "_" + (i + 1) : names[i]))
            .append(':')
            .append(json(row.isNullAt(i) ? null : row.get(i), zone));
      }
      return out.append('}').toString();
    }
    return jsonString(text(value, zone));
  }

  static String jsonString(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
