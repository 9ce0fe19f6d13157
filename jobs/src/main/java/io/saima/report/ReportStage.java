package io.saima.report;

import io.saima.catalog.Warehouse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report layer's entry: reads gold once ({@link GoldSnapshot}), builds the one {@link Bulletin}
 * model and writes its four files ({@link BulletinFiles}).
 */
public final class ReportStage {
  private static final Logger LOG = LoggerFactory.getLogger(ReportStage.class);

  private ReportStage() {}

  /** The scenarios' descriptions by name, as the bulletin names them. */
  public static Map<String, String> scenarioLabels(io.saima.config.SaimaConfig config) {
    Map<String, String> out = new LinkedHashMap<>();
    for (io.saima.simulate.Scenario s : io.saima.simulate.ScenarioStage.configured(config)) {
      out.put(
          s.name(),
          s.description() == null || s.description().isBlank() ? s.name() : s.description());
    }
    return out;
  }

  /**
   * Writes the bulletin of {@code region} for {@code period}; both must be among {@link
   * GoldSnapshot#choices}, which the caller checks.
   *
   * @return the folder holding the four files
   */
  public static Path run(
      Warehouse warehouse,
      int period,
      String region,
      String regionName,
      Map<String, String> scenarioLabels,
      Path out) {
    long started = System.nanoTime();
    LOG.info("bulletin {} {}: reading gold", region, period);
    GoldSnapshot gold = GoldSnapshot.read(warehouse, period, region);
    Bulletin bulletin = BulletinBuilder.build(gold, regionName, scenarioLabels);
    try {
      Path folder = BulletinFiles.write(bulletin, out);
      LOG.info(
          "bulletin {} {}: {} figures, written to {} in {} s",
          region,
          period,
          bulletin.figures().size(),
          folder,
          String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the bulletin: " + e.getMessage(), e);
    }
  }
}
