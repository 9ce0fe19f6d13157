package io.saima.testing;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base for tests that need Spark: the shared session, with an empty catalog for each class ({@link
 * SparkExtension}); a {@code sql(...)} helper that returns rows to assert on; {@code row(...)}
 * values to compare rows with, as Iceberg's TestBase does; and spark-testing-base's DataFrame
 * assertions.
 */
@ExtendWith(SparkExtension.class)
public abstract class SparkTestBase {

  protected static SparkSession spark() {
    return SharedSpark.session();
  }

  /** Runs a query and collects its rows. Queries here are the test's own text. */
  protected static List<Row> sql(String query) {
    return spark().sql(query).collectAsList();
  }

  /** One expected row: its values as Java gives them (String, Integer, Long, BigDecimal, …). */
  protected static Object[] row(Object... values) {
    return values;
  }

  /** The rows of a frame as values, in the frame's order. */
  protected static List<Object[]> rowsOf(Dataset<Row> frame) {
    return frame.collectAsList().stream().map(SparkTestBase::values).toList();
  }

  /**
   * The rows, value for value and in order: a DECIMAL compares with its scale, a null only with a
   * null. The message names the first row that differs.
   */
  protected static void assertRows(String context, Dataset<Row> actual, Object[]... rows) {
    List<Object[]> expected = java.util.Arrays.asList(rows);
    List<Object[]> found = rowsOf(actual);
    String shown = context + ": expected " + show(expected) + " but was " + show(found);
    org.junit.jupiter.api.Assertions.assertEquals(expected.size(), found.size(), shown);
    for (int i = 0; i < expected.size(); i++) {
      org.junit.jupiter.api.Assertions.assertArrayEquals(
          expected.get(i), found.get(i), shown + " (row " + (i + 1) + ")");
    }
  }

  private static Object[] values(Row row) {
    Object[] values = new Object[row.size()];
    for (int i = 0; i < row.size(); i++) {
      Object value = row.get(i);
      if (value instanceof scala.collection.Seq<?> seq) {
        value = scala.collection.JavaConverters.seqAsJavaList(seq);
      } else if (value instanceof Row nested) {
        value = java.util.Arrays.asList(values(nested));
      }
      values[i] = value;
    }
    return values;
  }

  private static String show(List<Object[]> rows) {
    return rows.stream().map(java.util.Arrays::deepToString).toList().toString();
  }

  /** Same rows in any order, same schema (spark-testing-base). */
  protected static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    DataFrameAssertions.assertSameRowsAnyOrder(expected, actual);
  }
}
