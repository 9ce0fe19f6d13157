package io.saima.cli;

import io.saima.pipeline.Nightly;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code saima nightly}: the whole night, stage after stage; safe to rerun. */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    header = "Runs the night: ingest, build, score and simulate what is new, then the bulletin.",
    description = {
      "Ingests the deliveries not ingested before, then rebuilds, scores and simulates the"
          + " months they rewrote, and writes the home county's bulletin (see saima report). Safe to rerun: a rerun with nothing new changes no table but"
          + " ops.job_runs. A backfill replays the nights in order: nightly --as-of 2020-06-30,"
          + " then --as-of 2020-07-31, and so on."
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {
      ExitCode.OK_HELP,
      ExitCode.FAILURE_HELP,
      ExitCode.USAGE_HELP,
      ExitCode.PARTIAL_HELP
    })
public final class NightlyCommand implements Callable<Integer> {

  @Mixin CommonOptions.NightOptions common;

  @Mixin AsOfOption asOf;

  @Override
  public Integer call() {
    return NightRunner.run(common, "nightly", asOf.day(), Nightly::stages, System.out);
  }
}
