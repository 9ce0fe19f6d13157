package io.saima.pipeline;

import io.saima.config.SaimaConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the one Spark session a command runs in. Delta is switched on here; the catalog is
 * in-memory and tables are registered by path (see {@code Warehouse}), so no process holds a
 * metastore lock that another would wait for.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** Settings every Saima session needs, locally and on a cluster. */
  public static Map<String, String> required() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    conf.put("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    conf.put("spark.sql.catalogImplementation", "in-memory");
    conf.put("spark.sql.session.timeZone", "Asia/Shanghai");
    // Money is DECIMAL; an overflow or a bad cast must fail loudly, never turn into null.
    conf.put("spark.sql.ansi.enabled", "true");
    conf.put("spark.sql.decimalOperations.allowPrecisionLoss", "false");
    // Delta re-reads a table's whole file list after every commit to check the commit's checksum
    // whenever the session time zone is not UTC (ours is Asia/Shanghai). It is a guard for tables
    // partitioned by timestamps, which we do not have, and it cost about half of every small
    // write (measured with stack samples of the ingest tests).
    conf.put(
        "spark.databricks.delta.allFilesInCrc.verificationMode.forceOnNonUTC.enabled", "false");
    return conf;
  }

  public static SparkSession create(SaimaConfig config) {
    return create(config, Map.of());
  }

  /** A session with {@code extra} settings over the configuration's (the statisticians' own). */
  public static SparkSession create(SaimaConfig config, Map<String, String> extra) {
    SparkSession.Builder builder = SparkSession.builder().appName(config.sparkAppName());
    config.sparkMaster().ifPresent(builder::master);
    required().forEach(builder::config);
    history(config).forEach(builder::config);
    config.sparkConf().forEach(builder::config);
    extra.forEach(builder::config);
    builder.config("spark.sql.warehouse.dir", config.warehouse());
    return builder.getOrCreate();
  }

  /**
   * How long tables keep their history (sql.history_days): Delta drops log entries older than this
   * at checkpoints, and with them the versions time travel and the revision audit read. Applies to
   * the tables a session creates.
   */
  static Map<String, String> history(SaimaConfig config) {
    Map<String, String> conf = new LinkedHashMap<>();
    config
        .integer("sql.history_days")
        .ifPresent(
            days -> {
              String interval = "interval " + days + " days";
              conf.put("spark.databricks.delta.properties.defaults.logRetentionDuration", interval);
              conf.put(
                  "spark.databricks.delta.properties.defaults.deletedFileRetentionDuration",
                  interval);
            });
    return conf;
  }
}
