package io.saima.testing;

import io.saima.catalog.Warehouse;
import io.saima.cli.Main;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
 * <p>The small night ({@link #smallDir}): the samples' first two months and a revision of the
 * first, for the tests that run a whole night again from it (a rebuild, a night on a cluster) and
 * so pay for every delivery it holds a second time.
 */
public final class SampleNight {
  private static final Path ROOT = Path.of("target", "sample-night");
  private static final Map<String, Path> NIGHTS = new HashMap<>();

  /** The small night's deliveries: those of the samples that arrived by this day... */
  private static final String SMALL_UNTIL = "20190315-99";

  /** ...and customs' revision of 201901, which arrives after them. */
  public static final String SMALL_REVISION = "20190325-01";

  private static final String SMALL = "small";

  private static Path smallLanding;

  private SampleNight() {}

  /** The landing folder of the bundled samples. */
  public static Path landing() {
    return Path.of(System.getProperty("saima.home")).resolve("data-samples/landing");
  }

  /** The folder of the night with every sample delivered (the README's first command). */
  public static Path dir() {
    return night("all", landing());
  }

  /**
   * The landing of the small night: the samples' deliveries of 201901 and 201902 (eight, a workbook
   * and Chinese file names among them), and {@link #SMALL_REVISION}, in which customs deliver
   * 201901 again with the last line of Hangzhou's file gone and its first line repeated at the end,
   * a duplicate_row for quarantine (the sample's Hangzhou file is GBK with CRLF line ends, so lines
   * are cut as bytes). The revision replaces the month: silver keeps the revised lines, quarantine
   * and ops.deliveries keep both deliveries.
   */
  public static synchronized Path smallLanding() {
    if (smallLanding != null) {
      return smallLanding;
    }
    Path landing = ROOT.resolve(SMALL + "-landing").toAbsolutePath();
    deleteRecursively(landing);
    try {
      try (Stream<Path> sources = Files.list(landing())) {
        for (Path source : sources.sorted().toList()) {
          try (Stream<Path> deliveries = Files.list(source)) {
            for (Path delivery : deliveries.sorted().toList()) {
              if (delivery.getFileName().toString().compareTo(SMALL_UNTIL) < 0) {
                copyFolder(delivery, landing.resolve(landing().relativize(delivery).toString()));
              }
            }
          }
        }
      }
      Path revision = landing.resolve("customs_exports").resolve(SMALL_REVISION);
      copyFolder(landing().resolve("customs_exports/20190215-01"), revision);
      Path hangzhou = revision.resolve("customs_exports_201901_330100.csv");
      byte[] bytes = Files.readAllBytes(hangzhou);
      int start = bytes.length - 2; // before the last line's CRLF
      while (bytes[start - 1] != '\n') {
        start--;
      }
      int header = indexAfterNewline(bytes, 0);
      byte[] first = Arrays.copyOfRange(bytes, header, indexAfterNewline(bytes, header));
      byte[] revised = Arrays.copyOf(bytes, start + first.length);
      System.arraycopy(first, 0, revised, start, first.length);
      Files.write(hangzhou, revised);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    smallLanding = landing;
    return landing;
  }

  /** The folder of the night on {@link #smallLanding}. */
  public static Path smallDir() {
    return night(SMALL, smallLanding());
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

  private static synchronized Path night(String key, Path landing) {
    Path known = NIGHTS.get(key);
    if (known != null) {
      return known;
    }
    SharedSpark.session();
    Path dir = ROOT.resolve(key).toAbsolutePath();
    deleteRecursively(dir);
    String[] args = {
      "nightly",
      "--warehouse",
      warehouseDir(dir).toString(),
      "--landing",
      landing.toString(),
      "--conf",
      writeConf(dir).toString()
    };
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

  private static int indexAfterNewline(byte[] bytes, int from) {
    int i = from;
    while (bytes[i] != '\n') {
      i++;
    }
    return i + 1;
  }

  private static void copyFolder(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName().toString()));
      }
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
