package io.saima.pipeline;

/** One step of the night, run in order by {@link Nightly}. */
public interface Stage {
  /** A short name for logs and {@code ops.job_runs}, e.g. {@code ingest}. */
  String name();

  /**
   * Does the step. Problems that leave the night partial (a refused delivery, a failed check) are
   * added to {@link NightContext#problems()}; anything thrown fails the run (exit 1).
   */
  void run(NightContext night);
}
