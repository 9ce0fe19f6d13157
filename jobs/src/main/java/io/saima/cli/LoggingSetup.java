package io.saima.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Quiet by default: our INFO and Spark's WARN, on stderr (log4j2.properties). {@code --verbose}
 * raises ours to DEBUG and Spark's to INFO.
 */
public final class LoggingSetup {
  private LoggingSetup() {}

  public static void apply(boolean verbose) {
    if (verbose) {
      Configurator.setLevel("io.saima", Level.DEBUG);
      Configurator.setRootLevel(Level.INFO);
    }
  }
}
