package io.saima.pipeline;

import io.saima.scoring.ScoreStage;
import io.saima.simulate.Scenario;
import io.saima.simulate.ScenarioStage;
import io.saima.simulate.SimulateStage;
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
    for (Scenario scenario : ScenarioStage.configured(night.config())) {
      ScenarioStage.run(night.warehouse(), ScoreStage.schemes(night.config()), scenario);
      LOG.info("scenario {} rescored against the baseline", scenario.name());
    }
  }
}
