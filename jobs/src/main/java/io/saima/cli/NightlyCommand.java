package io.saima.cli;

import io.saima.pipeline.Nightly;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code saima nightly}: the whole night, stage after stage; safe to rerun. */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the night: ingest what is new, then the later stages on the months it rewrote.",
      "Safe to rerun: a rerun with nothing new changes no table but ops.job_runs.",
      "Exit 0 ok, 1 failure, 2 bad usage, 3 finished but some deliveries or checks failed."
    })
public final class NightlyCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = "the day to run the night for, YYYY-MM-DD (default: today)")
  String asOf;

  @Override
  public Integer call() {
    LocalDate day = null;
    if (asOf != null) {
      try {
        day = LocalDate.parse(asOf);
      } catch (DateTimeParseException e) {
        throw new ParameterException(
            spec.commandLine(), "--as-of expects YYYY-MM-DD (e.g. 2020-06-30), got '" + asOf + "'");
      }
    }
    return NightRunner.run(common, "nightly", day, Nightly::stages, System.out);
  }
}
