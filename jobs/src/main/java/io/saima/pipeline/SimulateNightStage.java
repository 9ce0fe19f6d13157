package io.saima.pipeline;

import io.saima.config.SaimaHome;
import io.saima.scoring.ScoreStage;
import io.saima.simulate.Scenario;
import io.saima.simulate.ScenarioStage;
import io.saima.simulate.SimulateStage;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gaps to the next rank and the Monte Carlo projection, when the night changed any figure: the
 * simulations are seeded, so a night with nothing new would only write the same results again. Then
 * the what-if scenarios of {@code simulate.scenarios}, whose effect the bulletin reports.
 */
public final class SimulateNightStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(SimulateNightStage.class);

  @Override
  public String name() {
    return "simulate";
  }

  @Override
  public void run(NightContext night) {
    if (!night.fullBuild() && night.rebuiltPeriods().isEmpty()) {
      LOG.info("nothing rebuilt: simulations stand as they are");
      return;
    }
    SimulateStage.run(night.warehouse(), night.config());
    Object listed = night.config().get("simulate.scenarios");
    if (listed instanceof List<?> names && !names.isEmpty()) {
      Path folder = SaimaHome.locate().resolve("conf").resolve("scenarios");
      for (Object name : names) {
        Path file = Path.of(String.valueOf(name));
        Scenario scenario = Scenario.load(file.isAbsolute() ? file : folder.resolve(file));
        ScenarioStage.run(night.warehouse(), ScoreStage.schemes(night.config()), scenario);
        LOG.info("scenario {} rescored against the baseline", scenario.name());
      }
    }
  }
}
