package io.saima.cli;

import io.saima.catalog.Warehouse;
import io.saima.config.ConfigLoader;
import io.saima.config.SaimaConfig;
import io.saima.pipeline.SparkSessions;
import io.saima.pipeline.WarehouseLease;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every command accepts (DESIGN.md, "Command line"): {@code --conf} and {@code
 * --verbose}. The subclasses add the location options a command actually uses, so that its help
 * lists no option it would ignore: {@link WarehouseOptions} for the commands that work on the
 * warehouse, {@link NightOptions} for those that also read the landing folder and reference data,
 * {@link ReferenceOptions} for {@code generate}.
 */
public class CommonOptions {

  @Option(
      names = "--conf",
      paramLabel = "FILE",
      description =
          "A YAML file merged over conf/application.yaml: a local path or an hdfs://, viewfs://"
              + " or s3a:// URI.")
  String conf;

  @Option(
      names = {"-v", "--verbose"},
      description = "More logging, and stack traces on errors.")
  boolean verbose;

  String landing;
  String warehouse;
  String reference;
  String master;

  /** Loads the configuration with these options applied last. */
  public SaimaConfig load(List<String> requiredInputs) {
    LoggingSetup.apply(verbose);
    Map<String, String> overrides = new LinkedHashMap<>();
    if (landing != null) {
      overrides.put("landing", landing);
    }
    if (warehouse != null) {
      overrides.put("warehouse", warehouse);
    }
    if (reference != null) {
      overrides.put("reference", reference);
    }
    if (master != null) {
      overrides.put("spark.master", master);
    }
    return ConfigLoader.forThisProcess().loadFrom(conf, overrides, requiredInputs);
  }

  public boolean verbose() {
    return verbose;
  }

  /**
   * Starts Spark for the configuration. Tables are read and written by path, so nothing is
   * registered up front: each table is named in the catalog when it is written, and {@code saima
   * sql} registers the tables its queries name.
   */
  static Warehouse openWarehouse(SaimaConfig config) {
    return new Warehouse(SparkSessions.create(config), config.warehouse());
  }

  /**
   * Takes the warehouse's lease for a command that writes tables, or throws naming the run that
   * holds it (exit 1, nothing done). Close it when the command ends, however it ends.
   */
  static WarehouseLease lease(
      Warehouse warehouse, SaimaConfig config, String command, String runId) {
    return WarehouseLease.acquire(
        warehouse.spark().sparkContext().hadoopConfiguration(),
        config.warehouse(),
        command,
        runId,
        leaseTime(config));
  }

  /** How long a lease lasts without renewal (lock.lease_seconds). */
  static Duration leaseTime(SaimaConfig config) {
    return config
        .integer("lock.lease_seconds")
        .map(Duration::ofSeconds)
        .orElse(WarehouseLease.DEFAULT_LEASE);
  }

  /** {@code --warehouse} and {@code --master}: for the commands that work on the warehouse. */
  public static class WarehouseOptions extends CommonOptions {
    @Option(
        names = "--warehouse",
        paramLabel = "DIR",
        description =
            "The root folder of the Delta tables (default: the warehouse key of the configuration).")
    void warehouse(String dir) {
      this.warehouse = dir;
    }

    @Option(
        names = "--master",
        paramLabel = "URL",
        description = "The Spark master: local[2], spark://HOST:PORT, yarn or k8s://URL.")
    void master(String url) {
      this.master = url;
    }
  }

  /** Adds {@code --landing} and {@code --reference}: for the commands that ingest. */
  public static class NightOptions extends WarehouseOptions {
    @Option(
        names = "--landing",
        paramLabel = "DIR",
        description =
            "The landing folder of deliveries (default: the landing key of the configuration).")
    void landing(String dir) {
      this.landing = dir;
    }

    @Option(
        names = "--reference",
        paramLabel = "DIR",
        description =
            "The folder of reference data (default: the reference key of the configuration).")
    void reference(String dir) {
      this.reference = dir;
    }
  }

  /**
   * Adds {@code --reference}: for {@code rebuild}, which judges bronze again but reads no landing.
   */
  public static class RebuildOptions extends WarehouseOptions {
    @Option(
        names = "--reference",
        paramLabel = "DIR",
        description =
            "The folder of reference data (default: the reference key of the configuration).")
    void reference(String dir) {
      this.reference = dir;
    }
  }

  /** {@code --reference} alone: {@code generate} reads the regions and units but no table. */
  public static class ReferenceOptions extends CommonOptions {
    @Option(
        names = "--reference",
        paramLabel = "DIR",
        description =
            "The folder of reference data whose counties and units are generated (default: the"
                + " reference key of the configuration).")
    void reference(String dir) {
      this.reference = dir;
    }
  }
}
