package io.saima.pipeline;

import io.saima.scoring.ScoreStage;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Scores every scheme for the periods the build rewrote (all of them after a full build). */
public final class ScoreNightStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(ScoreNightStage.class);

  @Override
  public String name() {
    return "score";
  }

  @Override
  public void run(NightContext night) {
    if (!night.fullBuild() && night.rebuiltPeriods().isEmpty()) {
      LOG.info("nothing rebuilt: scores stand as they are");
      return;
    }
    Optional<Set<Integer>> periods =
        night.fullBuild() ? Optional.empty() : Optional.of(new TreeSet<>(night.rebuiltPeriods()));
    ScoreStage.Summary summary = ScoreStage.run(night.warehouse(), night.config(), periods);
    LOG.info(summary.describe().replace('\n', ';'));
  }
}
