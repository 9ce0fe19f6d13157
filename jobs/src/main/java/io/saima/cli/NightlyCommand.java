package io.saima.cli;

import io.saima.ingest.SilverRebuild;
import io.saima.pipeline.Nightly;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code saima nightly}: the whole night, stage after stage; safe to rerun. */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    header = "Runs the night: ingest, build, score and simulate what is new, then the bulletin.",
    description = {
      "Ingests the deliveries not ingested before, then rebuilds, scores and simulates the"
          + " months they rewrote, and writes the home county's bulletin (see saima report). Safe to rerun: a rerun with nothing new changes no table but"
          + " ops.job_runs. A backfill replays the nights in order: nightly --as-of 2020-06-30,"
          + " then --as-of 2020-07-31, and so on.",
      "",
      "With --from and --to, the months of that range are also recomputed from bronze after"
          + " ingest (see saima rebuild, which recomputes every month): their silver rows, the"
          + " quarantine of the deliveries that brought them, and every gold figure they feed."
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

  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM",
      description = "The first month to recompute from bronze (with --to).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM",
      description = "The last month to recompute from bronze (with --from).")
  String to;

  @Override
  public Integer call() {
    Optional<SilverRebuild.Months> months = months();
    return NightRunner.run(
        common, "nightly", asOf.day(), inputs -> Nightly.stages(inputs, months), System.out);
  }

  private Optional<SilverRebuild.Months> months() {
    if (from == null && to == null) {
      return Optional.empty();
    }
    if (from == null || to == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--from and --to go together: give both, e.g. --from 2020-03 --to 2020-05");
    }
    YearMonth first = month("--from", from);
    YearMonth last = month("--to", to);
    if (last.isBefore(first)) {
      throw new ParameterException(spec.commandLine(), "--to " + to + " is before --from " + from);
    }
    return Optional.of(
        new SilverRebuild.Months(
            first.getYear() * 100 + first.getMonthValue(),
            last.getYear() * 100 + last.getMonthValue()));
  }

  private YearMonth month(String option, String value) {
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(), option + " expects YYYY-MM (e.g. 2020-06), got '" + value + "'");
    }
  }
}
