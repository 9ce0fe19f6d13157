package io.saima.pipeline;

import io.saima.ingest.IngestInputs;
import io.saima.ingest.SilverRebuild;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    return stages(inputs, Optional.empty());
  }

  /**
   * The stages of {@code saima nightly}; with {@code months}, those months are recomputed from
   * bronze after ingest ({@code --from … --to …}).
   */
  public static List<Stage> stages(IngestInputs inputs, Optional<SilverRebuild.Months> months) {
    List<Stage> stages = new ArrayList<>();
    stages.add(new IngestNightStage(inputs));
    months.ifPresent(range -> stages.add(new RecomputeNightStage(inputs, range)));
    stages.add(new BuildNightStage());
    stages.add(new ScoreNightStage());
    stages.add(new SimulateNightStage());
    stages.add(new ReportNightStage());
    return List.copyOf(stages);
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
