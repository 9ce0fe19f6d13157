package io.saima.testing;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base for tests that need Spark: the shared session, a {@code sql(...)} helper that returns rows
 * to assert on, and spark-testing-base's DataFrame assertions.
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

  /** Same rows in any order, same schema (spark-testing-base). */
  protected static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual) {
    DataFrameAssertions.assertSameRowsAnyOrder(expected, actual);
  }
}
