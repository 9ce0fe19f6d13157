package io.saima.pipeline;

import io.saima.report.BulletinFiles;
import io.saima.report.GoldSnapshot;
import io.saima.report.ReportStage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulletin of the home county (configuration {@code home_region}) for the latest period with
 * county figures, into the {@code reports} folder; written again only when the night changed a
 * figure or the bulletin is not there yet.
 */
public final class ReportNightStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(ReportNightStage.class);

  @Override
  public String name() {
    return "report";
  }

  @Override
  public void run(NightContext night) {
    GoldSnapshot.Choices choices = GoldSnapshot.choices(night.warehouse());
    if (choices.latestPeriod().isEmpty()) {
      LOG.info("no county figures yet: no bulletin");
      return;
    }
    String region = night.config().homeRegion();
    if (!choices.counties().containsKey(region)) {
      night
          .problems()
          .add(
              "report: home_region "
                  + region
                  + " is not a county with figures in gold.indicator_monthly; no bulletin written");
      return;
    }
    int period = choices.latestPeriod().get();
    Path out = Path.of(night.config().reports());
    boolean written =
        Files.isRegularFile(BulletinFiles.folder(out, period, region).resolve(BulletinFiles.HTML));
    if (written && !night.fullBuild() && night.rebuiltPeriods().isEmpty()) {
      LOG.info("nothing rebuilt: the bulletin {} {} stands as it is", region, period);
      return;
    }
    ReportStage.run(
        night.warehouse(),
        period,
        region,
        choices.counties().get(region),
        ReportStage.scenarioLabels(night.config()),
        out);
  }
}
