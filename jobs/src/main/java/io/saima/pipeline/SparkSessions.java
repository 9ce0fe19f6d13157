package io.saima.pipeline;

import io.saima.config.Redaction;
import io.saima.config.SaimaConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the one Spark session a command runs in. Delta is switched on here; the catalog is
 * in-memory and tables are registered by path (see {@code Warehouse}), so no process holds a
 * metastore lock that another would wait for.
 */
public final class SparkSessions {
  private static final Logger LOG = LoggerFactory.getLogger(SparkSessions.class);

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
    // Local files without a chmod or readlink process per file (LocalFiles).
    conf.putAll(LocalFiles.HADOOP_SETTINGS);
    return conf;
  }

  public static SparkSession create(SaimaConfig config) {
    return create(config, Map.of());
  }

  /** A session with {@code extra} settings over the configuration's (the statisticians' own). */
  public static SparkSession create(SaimaConfig config, Map<String, String> extra) {
    SparkSession.Builder builder = SparkSession.builder();
    Map<String, String> settings = settings(config, extra, submitted());
    settings.forEach(builder::config);
    // At DEBUG (--verbose): a command's stderr opens with its own lines, and saima sql's stderr
    // carries only what went wrong with a statement.
    LOG.debug("Spark settings of the configuration: {}", Redaction.redact(settings));
    return builder.getOrCreate();
  }

  /**
   * What the session is built with: the required settings, the configuration's and {@code extra}.
   * Under spark-submit ({@code submitted} holds what it was given) the master, the application name
   * and any setting spark-submit was given win over the configuration's: its command line names
   * this run's cluster, where the configuration file only holds defaults. What Saima itself needs
   * (Delta, and the statisticians' read-only rule in {@code extra}) is set in either case.
   */
  static Map<String, String> settings(
      SaimaConfig config, Map<String, String> extra, Map<String, String> submitted) {
    Map<String, String> configured = new LinkedHashMap<>();
    configured.put("spark.app.name", config.sparkAppName());
    config.sparkMaster().ifPresent(master -> configured.put("spark.master", master));
    configured.putAll(history(config));
    configured.putAll(config.sparkConf());
    if (submitted.containsKey("spark.submit.deployMode")) {
      configured.keySet().removeAll(submitted.keySet());
    }
    Map<String, String> settings = new LinkedHashMap<>(required());
    settings.putAll(configured);
    settings.putAll(extra);
    settings.put("spark.sql.warehouse.dir", config.warehouse());
    return settings;
  }

  /** The settings spark-submit hands the driver, as system properties. */
  private static Map<String, String> submitted() {
    Map<String, String> submitted = new LinkedHashMap<>();
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("spark.")) {
        submitted.put(name, System.getProperty(name));
      }
    }
    return submitted;
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
