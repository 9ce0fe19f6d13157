package io.saima.config;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The installation folder: where {@code conf/} and {@code data-samples/} live. The launcher sets
 * {@code SAIMA_HOME}; otherwise it is found from the jar's location, and failing that it is the
 * working directory.
 */
public final class SaimaHome {
  private SaimaHome() {}

  public static Path locate() {
    String property = System.getProperty("saima.home");
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    String env = System.getenv("SAIMA_HOME");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath().normalize();
    }
    try {
      Path jar =
          Path.of(SaimaHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // jobs/target/saima-jobs.jar or jobs/target/classes -> the checkout two levels up
      Path candidate = jar.getParent() == null ? null : jar.getParent().getParent();
      if (candidate != null && candidate.getParent() != null) {
        Path root = candidate.getParent();
        if (Files.isRegularFile(root.resolve("conf").resolve("application.yaml"))) {
          return root;
        }
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // fall through to the working directory
    }
    return Path.of("").toAbsolutePath();
  }
}
