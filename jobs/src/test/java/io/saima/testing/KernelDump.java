package io.saima.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * A Delta table as Delta Kernel reads it, next to the same table as Spark reads it, in one text.
 *
 * <p>Kernel runs in a JVM of its own: {@code io.saima.kernelcheck.DeltaTableDump} from the
 * kernel-check module, launched with this JVM's {@code java}. Kernel 4.4 reads Parquet through
 * parquet-mr 1.14 or later and Spark 3.5 pins 1.13.1, so the two cannot share a classpath. The
 * module must have been built first: the reactor builds it before jobs, and jobs/pom.xml tells the
 * tests where it is ({@value #CLASSES}, {@value #CLASSPATH_FILE}).
 *
 * <p>{@link #bySpark} renders Spark's rows in the text that DeltaTableDump documents: {@code
 * version<TAB>N}, {@code schema<TAB>name:type...}, then one sorted line per row, tab-separated,
 * null as {@code \N}, strings with {@code \\ \t \n \r} escaped, decimals in plain notation with
 * their scale. The two renderings are written independently on purpose.
 */
public final class KernelDump {
  /** kernel-check's compiled classes. */
  public static final String CLASSES = "saima.kernelCheck.classes";

  /** The file listing kernel-check's runtime classpath (Kernel, Parquet, Hadoop). */
  public static final String CLASSPATH_FILE = "saima.kernelCheck.classpathFile";

  private static final String MAIN = "io.saima.kernelcheck.DeltaTableDump";
  private static final long TIMEOUT_SECONDS = 120;
  private static final String NULL = "\\N";

  private KernelDump() {}

  /** The table at {@code tablePath} as Delta Kernel reads it, line by line. */
  public static List<String> byKernel(String tablePath) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command =
        List.of(
            java.toString(),
            "-Xmx512m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            readerClasspath(),
            MAIN,
            tablePath);
    Path stdout = Files.createTempFile("kernel-dump", ".out");
    Path stderr = Files.createTempFile("kernel-dump", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      process.getOutputStream().close();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        fail(
            "Delta Kernel did not finish reading "
                + tablePath
                + " within "
                + TIMEOUT_SECONDS
                + " s; its stderr:\n"
                + Files.readString(stderr, StandardCharsets.UTF_8));
      }
      if (process.exitValue() != 0) {
        fail(
            "Delta Kernel could not read "
                + tablePath
                + " (exit "
                + process.exitValue()
                + "); its stderr:\n"
                + Files.readString(stderr, StandardCharsets.UTF_8));
      }
      return Files.readAllLines(stdout, StandardCharsets.UTF_8);
    } finally {
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
    }
  }

  /** Spark's rows of one table version, in DeltaTableDump's text. */
  public static List<String> bySpark(Dataset<Row> table, long version) {
    StructType schema = table.schema();
    StringJoiner schemaLine = new StringJoiner("\t");
    schemaLine.add("schema");
    for (StructField field : schema.fields()) {
      // typeName() is the name the Delta log writes: integer, decimal(24,2), timestamp_ntz.
      schemaLine.add(escape(field.name()) + ":" + field.dataType().typeName());
    }
    List<String> rows = new ArrayList<>();
    for (Row row : table.collectAsList()) {
      StringJoiner line = new StringJoiner("\t");
      for (int i = 0; i < schema.fields().length; i++) {
        line.add(value(row, i, schema.fields()[i].dataType()));
      }
      rows.add(line.toString());
    }
    Collections.sort(rows);
    List<String> lines = new ArrayList<>(rows.size() + 2);
    lines.add("version\t" + version);
    lines.add(schemaLine.toString());
    lines.addAll(rows);
    return lines;
  }

  /**
   * Fails unless both list the same lines, naming the lines only one side has (a few of each)
   * rather than printing two whole tables.
   */
  public static void assertSameLines(List<String> bySpark, List<String> byKernel, String what) {
    Map<String, Integer> balance = new HashMap<>();
    bySpark.forEach(line -> balance.merge(line, 1, Integer::sum));
    byKernel.forEach(line -> balance.merge(line, -1, Integer::sum));
    List<String> onlySpark = new ArrayList<>();
    List<String> onlyKernel = new ArrayList<>();
    for (Map.Entry<String, Integer> entry : balance.entrySet()) {
      for (int i = 0; i < Math.abs(entry.getValue()); i++) {
        (entry.getValue() > 0 ? onlySpark : onlyKernel).add(entry.getKey());
      }
    }
    if (onlySpark.isEmpty() && onlyKernel.isEmpty()) {
      return;
    }
    Collections.sort(onlySpark);
    Collections.sort(onlyKernel);
    fail(
        what
            + ": Spark read "
            + bySpark.size()
            + " lines and Delta Kernel "
            + byKernel.size()
            + "\nonly Spark read ("
            + onlySpark.size()
            + "):\n  "
            + String.join("\n  ", onlySpark.subList(0, Math.min(10, onlySpark.size())))
            + "\nonly Delta Kernel read ("
            + onlyKernel.size()
            + "):\n  "
            + String.join("\n  ", onlyKernel.subList(0, Math.min(10, onlyKernel.size()))));
  }

  /**
   * Fails, saying how to build it, unless kernel-check is built; a test calls it first, so as not
   * to build tables for nothing.
   */
  public static void requireReader() throws IOException {
    readerClasspath();
  }

  private static String readerClasspath() throws IOException {
    String classes = System.getProperty(CLASSES);
    String classpathFile = System.getProperty(CLASSPATH_FILE);
    if (classes == null || classpathFile == null) {
      fail(
          "system properties "
              + CLASSES
              + " and "
              + CLASSPATH_FILE
              + " are not set: run the tests through Maven, whose jobs/pom.xml sets them");
    }
    Path classesDir = Path.of(classes).normalize();
    Path listing = Path.of(classpathFile).normalize();
    if (!Files.isRegularFile(listing)
        || !Files.isRegularFile(classesDir.resolve(MAIN.replace('.', '/') + ".class"))) {
      fail(
          "the kernel-check module is not built ("
              + listing
              + " or "
              + classesDir
              + " is missing): build from the repository root, e.g. `mvn -B verify`, or `mvn -B"
              + " -pl kernel-check package` before running the jobs tests alone");
    }
    return classesDir
        + File.pathSeparator
        + Files.readString(listing, StandardCharsets.UTF_8).trim();
  }

  private static String value(Row row, int i, DataType type) {
    if (row.isNullAt(i)) {
      return NULL;
    } else if (type instanceof StringType) {
      return escape(row.getString(i));
    } else if (type instanceof DecimalType) {
      return row.<BigDecimal>getAs(i).toPlainString();
    } else if (type instanceof IntegerType
        || type instanceof LongType
        || type instanceof ShortType
        || type instanceof ByteType
        || type instanceof BooleanType) {
      return row.get(i).toString();
    } else if (type instanceof DoubleType) {
      return Double.toString(row.getDouble(i));
    } else if (type instanceof FloatType) {
      return Float.toString(row.getFloat(i));
    } else if (type instanceof DateType) {
      Object date = row.get(i);
      return date instanceof LocalDate
          ? date.toString()
          : ((java.sql.Date) date).toLocalDate().toString();
    } else if (type instanceof TimestampType) {
      Object timestamp = row.get(i);
      return timestamp instanceof Instant
          ? timestamp.toString()
          : ((Timestamp) timestamp).toInstant().toString();
    } else if (type instanceof TimestampNTZType) {
      return row.<LocalDateTime>getAs(i).toString();
    } else if (type instanceof BinaryType) {
      return HexFormat.of().formatHex(row.<byte[]>getAs(i));
    }
    throw new IllegalArgumentException("no text for column type " + type);
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r");
  }
}
