package io.saima.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Quiet by default: our INFO and Spark's WARN, on stderr (log4j2.properties), without the reports
 * of failed tasks that the command's own one-line error repeats. {@code --verbose} raises ours to
 * DEBUG and Spark's to INFO, task reports included.
 */
public final class LoggingSetup {
  private LoggingSetup() {}

  public static void apply(boolean verbose) {
    if (verbose) {
      Configurator.setLevel("io.saima", Level.DEBUG);
      Configurator.setRootLevel(Level.INFO);
      Configurator.setLevel("org.apache.spark.executor.Executor", Level.INFO);
      Configurator.setLevel("org.apache.spark.scheduler.TaskSetManager", Level.INFO);
    }
  }
}
