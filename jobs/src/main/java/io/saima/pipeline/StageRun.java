package io.saima.pipeline;

import java.time.Instant;

/**
 * How one stage of a run went, as {@code ops.job_runs.stages} records it.
 *
 * @param outcome {@code ok}; {@code partial} when the stage added problems that make the night exit
 *     3 (a refused delivery, a failed check); {@code failed} when it threw
 */
public record StageRun(String name, String outcome, Instant startedAt, double seconds) {

  /** A stage that started at {@code startedAt} ({@code startNanos} on the clock that times it). */
  public static StageRun since(String name, String outcome, Instant startedAt, long startNanos) {
    return new StageRun(name, outcome, startedAt, secondsSince(startNanos));
  }

  /** Seconds since {@code startNanos} ({@link System#nanoTime()}), to a tenth. */
  public static double secondsSince(long startNanos) {
    return Math.round((System.nanoTime() - startNanos) / 1e8) / 10.0;
  }
}
