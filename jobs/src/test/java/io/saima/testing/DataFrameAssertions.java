package io.saima.testing;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * spark-testing-base's DataFrame assertions, callable from JUnit 5. Its suite base is used only for
 * its comparison methods; the session comes from {@link SharedSpark}.
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
}
