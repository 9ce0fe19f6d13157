package io.saima.testing;

import io.saima.catalog.Warehouse;
import io.saima.cli.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole night on the bundled samples, run once per test JVM through the real command line
 * ({@code saima nightly}) and shared by every test that only reads what it wrote: the gold, scoring
 * and simulation tables, and whatever later stages leave under the reports folder. A night on the
 * samples costs a couple of minutes on two cores, so no test may write into this warehouse; a test
 * that needs its own writes copies nothing from here and builds a small fixture instead.
 *
 * <p>Nights as of a given day (a backfill that stops mid-year) are kept apart, one warehouse per
 * day, each run once.
 */
public final class SampleNight {
  private static final Path ROOT = Path.of("target", "sample-night");
  private static final Map<String, Path> NIGHTS = new HashMap<>();

  private SampleNight() {}

  /** The landing folder of the bundled samples. */
  public static Path landing() {
    return Path.of(System.getProperty("saima.home")).resolve("data-samples/landing");
  }

  /** The folder of the night with every sample delivered (the README's first command). */
  public static Path dir() {
    return night(null);
  }

  /** The folder of the night that ran with {@code --as-of day} (YYYY-MM-DD). */
  public static Path dirAsOf(String day) {
    return night(day);
  }

  /** The warehouse of the night with every sample delivered, on the shared session. */
  public static Warehouse warehouse() {
    return new Warehouse(SharedSpark.session(), warehouseDir(dir()).toString());
  }

  /** The warehouse folder inside a night's folder. */
  public static Path warehouseDir(Path night) {
    return night.resolve("warehouse");
  }

  /** The reports folder inside a night's folder. */
  public static Path reportsDir(Path night) {
    return night.resolve("reports");
  }

  private static synchronized Path night(String asOf) {
    String key = asOf == null ? "all" : asOf;
    Path known = NIGHTS.get(key);
    if (known != null) {
      return known;
    }
    SharedSpark.session();
    Path dir = ROOT.resolve(key).toAbsolutePath();
    deleteRecursively(dir);
    String[] common = {
      "nightly",
      "--warehouse",
      warehouseDir(dir).toString(),
      "--landing",
      landing().toString(),
      "--conf",
      writeConf(dir).toString()
    };
    String[] args =
        asOf == null
            ? common
            : Stream.concat(Stream.of(common), Stream.of("--as-of", asOf)).toArray(String[]::new);
    int code = Main.run(args);
    if (code != 0) {
      throw new IllegalStateException("the sample night (" + key + ") exited with " + code);
    }
    NIGHTS.put(key, dir);
    return dir;
  }

  /** Points the reports key at the night's own folder, so tests never write under ./reports. */
  private static Path writeConf(Path dir) {
    try {
      Files.createDirectories(dir);
      Path conf = dir.resolve("test.yaml");
      Files.writeString(conf, "reports: " + reportsDir(dir).toString().replace("\\", "/") + "\n");
      return conf;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(SampleNight::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
