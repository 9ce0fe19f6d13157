package io.saima.cli;

import io.saima.catalog.Warehouse;
import io.saima.config.ConfigLoader;
import io.saima.config.SaimaConfig;
import io.saima.pipeline.SparkSessions;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options every subcommand that touches data accepts (DESIGN.md, "Command line"). */
public final class CommonOptions {

  @Option(
      names = "--conf",
      paramLabel = "FILE",
      description = "YAML file merged over conf/application.yaml")
  Path conf;

  @Option(names = "--landing", paramLabel = "DIR", description = "landing folder of deliveries")
  String landing;

  @Option(names = "--warehouse", paramLabel = "DIR", description = "root of the Delta tables")
  String warehouse;

  @Option(names = "--reference", paramLabel = "DIR", description = "reference data folder")
  String reference;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "Spark master (local[2], spark://…, yarn, k8s://…)")
  String master;

  @Option(
      names = {"-v", "--verbose"},
      description = "more logging, and stack traces on errors")
  boolean verbose;

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
    return ConfigLoader.forThisProcess().load(conf, overrides, requiredInputs);
  }

  public boolean verbose() {
    return verbose;
  }

  /** Starts Spark for the configuration and registers every table of its warehouse. */
  static Warehouse openWarehouse(SaimaConfig config) {
    Warehouse warehouse = new Warehouse(SparkSessions.create(config), config.warehouse());
    warehouse.registerAll();
    return warehouse;
  }
}
