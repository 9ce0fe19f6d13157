package io.saima.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * spark-testing-base's DataFrame assertions, callable from JUnit 5. Its suite base is used only for
 * its comparison methods; the session comes from {@link SharedSpark}. And {@link #assertSameTable},
 * for the tests that compare whole warehouses table by table.
 */
public final class DataFrameAssertions {
  private static final JavaDataFrameSuiteBase ASSERTIONS = new JavaDataFrameSuiteBase();

  private DataFrameAssertions() {}

  /** Same schema and the same rows, in any order. */
  public static void assertSameRowsAnyOrder(Dataset<Row> expected, Dataset<Row> actual) {
    ASSERTIONS.assertDataFrameNoOrderEquals(expected, actual);
  }

  /** Same schema and the same rows in the same order. */
  public static void assertSameRowsInOrder(Dataset<Row> expected, Dataset<Row> actual) {
    ASSERTIONS.assertDataFrameEquals(
        expected, actual, ASSERTIONS.assertDataFrameEquals$default$3());
  }

  /** Same rows; doubles may differ by {@code tolerance}. */
  public static void assertApproximatelyEqual(
      Dataset<Row> expected, Dataset<Row> actual, double tolerance) {
    ASSERTIONS.assertDataFrameApproximateEquals(expected, actual, tolerance);
  }

  /**
   * Two tables with the same columns (names and types, in order) and the same rows, each as many
   * times, in any order: what {@code EXCEPT ALL} both ways checks. Meant for the small tables of a
   * test's night, compared table by table: each side is read once and the rows are matched in the
   * JVM, where two {@code EXCEPT ALL} queries would plan and run a join of both sides twice.
   */
  public static void assertSameTable(Dataset<Row> first, Dataset<Row> second, String what) {
    assertEquals(first.schema().simpleString(), second.schema().simpleString(), what + ": columns");
    Map<Row, Long> onlyFirst = new HashMap<>();
    for (Row row : first.collectAsList()) {
      onlyFirst.merge(row, 1L, Long::sum);
    }
    List<Row> onlySecond = new ArrayList<>();
    for (Row row : second.collectAsList()) {
      Long left = onlyFirst.get(row);
      if (left == null) {
        onlySecond.add(row);
      } else if (left == 1) {
        onlyFirst.remove(row);
      } else {
        onlyFirst.put(row, left - 1);
      }
    }
    if (!onlyFirst.isEmpty() || !onlySecond.isEmpty()) {
      fail(
          what
              + ": "
              + onlyFirst.values().stream().mapToLong(Long::longValue).sum()
              + " rows only in the first, e.g. "
              + onlyFirst.keySet().stream().limit(3).toList()
              + "; "
              + onlySecond.size()
              + " only in the second, e.g. "
              + onlySecond.stream().limit(3).toList());
    }
  }
}
