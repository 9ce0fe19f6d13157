package io.saima.pipeline;

import io.saima.ingest.IngestInputs;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The night as an ordered list of stages. Each stage reads the tables of the stages before it; to
 * add one, add it to {@link #stages}.
 */
public final class Nightly {
  private static final Logger LOG = LoggerFactory.getLogger(Nightly.class);

  private Nightly() {}

  /** The stages of {@code saima nightly}, in order. */
  public static List<Stage> stages(IngestInputs inputs) {
    return List.of(
        new IngestNightStage(inputs),
        new BuildNightStage(),
        new ScoreNightStage(),
        new SimulateNightStage(),
        new ReportNightStage());
  }

  /** Runs the stages in order; a stage that throws stops the night. */
  public static void run(List<Stage> stages, NightContext night) {
    for (Stage stage : stages) {
      long start = System.nanoTime();
      LOG.info("stage {} starts (run {})", stage.name(), night.runId());
      stage.run(night);
      LOG.info("stage {} done in {} s", stage.name(), (System.nanoTime() - start) / 1_000_000_000L);
    }
  }
}
