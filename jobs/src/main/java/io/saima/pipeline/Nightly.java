package io.saima.pipeline;

import io.saima.ingest.IngestInputs;
import io.saima.ingest.SilverRebuild;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    stages.add(new MaintainNightStage());
    return List.copyOf(stages);
  }

  /**
   * Runs the stages in order; a stage that throws stops the night. Each stage's start and end are a
   * progress line on stderr (the log), and its outcome and duration go to {@link
   * NightContext#stages()} for {@code ops.job_runs}.
   */
  public static void run(List<Stage> stages, NightContext night) {
    int number = 0;
    for (Stage stage : stages) {
      number++;
      String label = "stage " + number + "/" + stages.size() + " " + stage.name();
      Instant startedAt = Instant.now();
      long start = System.nanoTime();
      int problemsBefore = night.problems().size();
      LOG.info("{}: starts (run {})", label, night.runId());
      try {
        stage.run(night);
      } catch (RuntimeException e) {
        double seconds = StageRun.secondsSince(start);
        night.stages().add(new StageRun(stage.name(), JobRuns.FAILED, startedAt, seconds));
        LOG.error("{}: failed after {} s", label, format(seconds));
        throw e;
      }
      double seconds = StageRun.secondsSince(start);
      String outcome = night.problems().size() > problemsBefore ? JobRuns.PARTIAL : JobRuns.OK;
      night.stages().add(new StageRun(stage.name(), outcome, startedAt, seconds));
      LOG.info("{}: {} in {} s", label, outcome, format(seconds));
    }
  }

  private static String format(double seconds) {
    return String.format(Locale.ROOT, "%.1f", seconds);
  }
}
