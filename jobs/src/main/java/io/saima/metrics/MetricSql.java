package io.saima.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the metric definitions kept as SQL resources under {@code sql/metrics/}. Each text is ours,
 * read from the jar; inputs are handed over as temporary views and no other text is spliced in. The
 * query is analysed when it runs, so the frame returned keeps the inputs it was given even when a
 * view of the same name is registered again later.
 */
final class MetricSql {
  private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

  private MetricSql() {}

  /** The SQL text of a definition, e.g. {@code indicator_monthly}. */
  static String text(String name) {
    return TEXTS.computeIfAbsent(name, MetricSql::load);
  }

  /** Registers the inputs under their view names and runs the definition. */
  static Dataset<Row> run(SparkSession spark, String name, Map<String, Dataset<Row>> inputs) {
    inputs.forEach((view, frame) -> frame.createOrReplaceTempView(view));
    return spark.sql(text(name));
  }

  private static String load(String name) {
    String resource = "sql/metrics/" + name + ".sql";
    try (InputStream in = MetricSql.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing metric definition " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }
}
