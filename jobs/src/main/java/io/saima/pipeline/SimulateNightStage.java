package io.saima.pipeline;

import io.saima.simulate.SimulateStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gaps to the next rank and the Monte Carlo projection, when the night changed any figure: the
 * simulations are seeded, so a night with nothing new would only write the same results again.
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
  }
}
