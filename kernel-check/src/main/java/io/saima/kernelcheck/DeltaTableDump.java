package io.saima.kernelcheck;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.BinaryType;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.ByteType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DecimalType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.ShortType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import io.delta.kernel.utils.CloseableIterator;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.apache.hadoop.conf.Configuration;

/**
 * Prints the latest snapshot of a Delta table as text, read with Delta Kernel's default engine and
 * no Spark, so that a test can compare it line by line with what Spark reads from the same path.
 *
 * <pre>
 * java -cp kernel-check/target/classes:$(cat kernel-check/target/classpath.txt) \
 *   io.saima.kernelcheck.DeltaTableDump TABLE_PATH
 * </pre>
 *
 * <p>Standard output, UTF-8, every line ending in {@code \n}:
 *
 * <ol>
 *   <li>{@code version<TAB>N}: the version of the snapshot read;
 *   <li>{@code schema<TAB>name:type<TAB>...}: the columns in schema order, with the type names of
 *       the Delta log ({@code string}, {@code integer}, {@code long}, {@code double}, {@code
 *       decimal(24,2)}, {@code date}, {@code timestamp}, ...);
 *   <li>one line per row: its values in schema order, separated by tabs. The row lines are sorted
 *       ({@link String#compareTo}), so that the output does not depend on file or row order.
 * </ol>
 *
 * <p>Values: null is {@code \N}; a string has backslash, tab, newline and carriage return escaped
 * as {@code \\ \t \n \r}; integers and booleans as Java prints them; float and double as {@link
 * Float#toString} and {@link Double#toString}; a decimal as {@link BigDecimal#toPlainString} with
 * its scale ({@code 300.00}); a date as an ISO date ({@code 2020-03-10}); a timestamp as a UTC
 * {@link Instant} ({@code 2020-03-10T02:00:00Z}); a timestamp_ntz as an ISO local date-time; binary
 * as lowercase hex. Nested types are refused: our tables have none.
 *
 * <p>Nothing is printed to standard output unless the whole table was read. Exit codes: {@code 0}
 * printed; {@code 1} the table could not be read or printed (why, on standard error); {@code 2} bad
 * usage.
 *
 * <p>One class, though long: a program run in a JVM of its own, whose output format (below) is its
 * whole contract.
 */
public final class DeltaTableDump {
  /** How a null value is printed. */
  public static final String NULL = "\\N";

  private DeltaTableDump() {}

  public static void main(String[] args) {
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
    Writer err =
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  /** Dumps the table named by {@code args}; returns the exit code. */
  static int run(String[] args, Writer out, Writer err) {
    try {
      if (args.length != 1 || args[0].isBlank()) {
        err.write("usage: DeltaTableDump TABLE_PATH (one Delta table: its directory or URI)\n");
        err.flush();
        return 2;
      }
      String path = args[0];
      Dump dump;
      try {
        dump = dump(DefaultEngine.create(new Configuration()), path);
      } catch (IOException | RuntimeException e) {
        err.write("delta-table-dump: cannot read the Delta table at " + path + ": " + e + "\n");
        err.write(stackTrace(e));
        err.flush();
        return 1;
      }
      for (String line : dump.lines()) {
        out.write(line);
        out.write('\n');
      }
      out.flush();
      err.write(
          "delta-table-dump: "
              + dump.rows().size()
              + " rows of version "
              + dump.version()
              + " at "
              + path
              + "\n");
      err.flush();
      return 0;
    } catch (IOException e) {
      // Standard output or error is gone: nothing left to tell anyone.
      return 1;
    }
  }

  /**
   * A snapshot as text.
   *
   * @param version the snapshot's table version
   * @param schema the {@code schema} line
   * @param rows the row lines, sorted
   */
  public record Dump(long version, String schema, List<String> rows) {
    /** Everything printed on standard output, one line each, without line ends. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>(rows.size() + 2);
      lines.add("version\t" + version);
      lines.add(schema);
      lines.addAll(rows);
      return lines;
    }
  }

  /** The latest snapshot of the table at {@code path} (a directory or a URI). */
  public static Dump dump(Engine engine, String path) throws IOException {
    Snapshot snapshot = Table.forPath(engine, path).getLatestSnapshot(engine);
    StructType schema = snapshot.getSchema();
    List<String> rows = new ArrayList<>();
    Scan scan = snapshot.getScanBuilder().build();
    // The same steps as Kernel's own single-threaded reader example: list the files the snapshot
    // holds (log replay applies the remove actions), read each one's Parquet, and let Kernel turn
    // it into logical rows (partition values added, deleted rows filtered out).
    Row scanState = scan.getScanState(engine);
    StructType physicalSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);
    try (CloseableIterator<FilteredColumnarBatch> scanFiles = scan.getScanFiles(engine)) {
      while (scanFiles.hasNext()) {
        try (CloseableIterator<Row> files = scanFiles.next().getRows()) {
          while (files.hasNext()) {
            readFile(engine, scanState, physicalSchema, files.next(), schema, rows);
          }
        }
      }
    }
    Collections.sort(rows);
    return new Dump(snapshot.getVersion(), schemaLine(schema), List.copyOf(rows));
  }

  private static void readFile(
      Engine engine,
      Row scanState,
      StructType physicalSchema,
      Row scanFile,
      StructType schema,
      List<String> rows)
      throws IOException {
    CloseableIterator<ColumnarBatch> physical =
        engine
            .getParquetHandler()
            .readParquetFiles(
                Utils.singletonCloseableIterator(InternalScanFileUtils.getAddFileStatus(scanFile)),
                physicalSchema,
                Optional.empty())
            .map(FileReadResult::getData);
    try (CloseableIterator<FilteredColumnarBatch> logical =
        Scan.transformPhysicalData(engine, scanState, scanFile, physical)) {
      while (logical.hasNext()) {
        try (CloseableIterator<Row> batchRows = logical.next().getRows()) {
          while (batchRows.hasNext()) {
            rows.add(rowLine(batchRows.next(), schema));
          }
        }
      }
    }
  }

  /** {@code schema<TAB>name:type<TAB>...} */
  static String schemaLine(StructType schema) {
    StringJoiner line = new StringJoiner("\t");
    line.add("schema");
    for (StructField field : schema.fields()) {
      line.add(escape(field.getName()) + ":" + typeName(field.getDataType()));
    }
    return line.toString();
  }

  /** One row's values in the order of {@code schema}, separated by tabs. */
  static String rowLine(Row row, StructType schema) {
    StringJoiner line = new StringJoiner("\t");
    for (int i = 0; i < schema.length(); i++) {
      line.add(value(row, i, schema.at(i).getDataType()));
    }
    return line.toString();
  }

  /** The type's name as the Delta log writes it. */
  static String typeName(DataType type) {
    if (type instanceof DecimalType) {
      DecimalType decimal = (DecimalType) type;
      return "decimal(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
    } else if (type instanceof StringType) {
      return "string";
    } else if (type instanceof BooleanType) {
      return "boolean";
    } else if (type instanceof ByteType) {
      return "byte";
    } else if (type instanceof ShortType) {
      return "short";
    } else if (type instanceof IntegerType) {
      return "integer";
    } else if (type instanceof LongType) {
      return "long";
    } else if (type instanceof FloatType) {
      return "float";
    } else if (type instanceof DoubleType) {
      return "double";
    } else if (type instanceof DateType) {
      return "date";
    } else if (type instanceof TimestampType) {
      return "timestamp";
    } else if (type instanceof TimestampNTZType) {
      return "timestamp_ntz";
    } else if (type instanceof BinaryType) {
      return "binary";
    }
    throw new IllegalArgumentException("column type " + type + " is not supported by this dump");
  }

  /** The value at {@code ordinal}, printed as the class comment says. */
  static String value(Row row, int ordinal, DataType type) {
    if (row.isNullAt(ordinal)) {
      return NULL;
    } else if (type instanceof StringType) {
      return escape(row.getString(ordinal));
    } else if (type instanceof DecimalType) {
      return row.getDecimal(ordinal).toPlainString();
    } else if (type instanceof BooleanType) {
      return Boolean.toString(row.getBoolean(ordinal));
    } else if (type instanceof ByteType) {
      return Byte.toString(row.getByte(ordinal));
    } else if (type instanceof ShortType) {
      return Short.toString(row.getShort(ordinal));
    } else if (type instanceof IntegerType) {
      return Integer.toString(row.getInt(ordinal));
    } else if (type instanceof LongType) {
      return Long.toString(row.getLong(ordinal));
    } else if (type instanceof FloatType) {
      return Float.toString(row.getFloat(ordinal));
    } else if (type instanceof DoubleType) {
      return Double.toString(row.getDouble(ordinal));
    } else if (type instanceof DateType) {
      return LocalDate.ofEpochDay(row.getInt(ordinal)).toString();
    } else if (type instanceof TimestampType) {
      return instant(row.getLong(ordinal)).toString();
    } else if (type instanceof TimestampNTZType) {
      return LocalDateTime.ofInstant(instant(row.getLong(ordinal)), ZoneOffset.UTC).toString();
    } else if (type instanceof BinaryType) {
      return HexFormat.of().formatHex(row.getBinary(ordinal));
    }
    throw new IllegalArgumentException("column type " + type + " is not supported by this dump");
  }

  /** Delta stores timestamps as microseconds since the epoch. */
  private static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }

  /** Backslash, tab, newline and carriage return escaped, so that one value stays one field. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case '\t' -> escaped.append("\\t");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static String stackTrace(Throwable e) {
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}
