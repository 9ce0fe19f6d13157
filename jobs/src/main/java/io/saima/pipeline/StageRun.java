package io.saima.pipeline;

import java.time.Instant;

/**
 * How one stage of a run went, as {@code ops.job_runs.stages} records it.
 *
 * @param outcome {@code ok}; {@code partial} when the stage added problems that make the night exit
 *     3 (a refused delivery, a failed check); {@code failed} when it threw
 */
public record StageRun(String name, String outcome, Instant startedAt, double seconds) {}
