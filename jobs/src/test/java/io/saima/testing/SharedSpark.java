package io.saima.testing;

import io.saima.pipeline.SparkSessions;
import org.apache.spark.sql.SparkSession;

/**
 * One SparkSession for the whole test JVM: starting Spark costs seconds, so every test shares it.
 * Two shuffle partitions, no UI, loopback only, Delta on (STACK.md, "What works on Java 17").
 */
public final class SharedSpark {
  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      SparkSession.Builder builder =
          SparkSession.builder()
              .appName("saima-tests")
              .master("local[2]")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.default.parallelism", "2")
              .config("spark.databricks.delta.snapshotPartitions", "2")
              .config("spark.sql.adaptive.enabled", "false");
      SparkSessions.required().forEach(builder::config);
      // What saima sql and sql-server add, so that they can run in this JVM too: the read-only
      // rule (dormant until a statisticians' session enforces it) and the report database.
      builder.config(
          "spark.sql.extensions",
          SparkSessions.required().get("spark.sql.extensions") + ",io.saima.cli.ReadOnlySql");
      builder.config("spark.sql.globalTempDatabase", "report");
      // Delta's default log store for local files, which a crash test can stop right after a
      // given commit, so the code it crashes carries no test hook. Delta reads the key from the
      // SparkContext's conf when it first opens a table, so it must be set before the session
      // exists; idle, the store writes exactly as the default does.
      builder.config("spark.delta.logStore.file.impl", CrashingLogStore.class.getName());
      session = builder.getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }
}
