package io.saima.cli;

import io.saima.pipeline.Nightly;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code saima nightly}: the whole night, stage after stage; safe to rerun. */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the night: ingest what is new, then the later stages on the months it rewrote.",
      "Safe to rerun: a rerun with nothing new changes no table but ops.job_runs.",
      "A backfill replays the nights in order: nightly --as-of 2020-06-30, then 2020-07-31, ...",
      "Exit 0 ok, 1 failure, 2 bad usage, 3 finished but some deliveries or checks failed."
    })
public final class NightlyCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Mixin AsOfOption asOf;

  @Override
  public Integer call() {
    return NightRunner.run(common, "nightly", asOf.day(), Nightly::stages, System.out);
  }
}
