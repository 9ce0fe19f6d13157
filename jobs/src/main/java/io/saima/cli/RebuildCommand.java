package io.saima.cli;

import io.saima.pipeline.RebuildNightStage;
import io.saima.pipeline.ScoreNightStage;
import io.saima.pipeline.SimulateNightStage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code saima rebuild}: silver and gold recomputed from bronze alone. */
@Command(
    name = "rebuild",
    mixinStandardHelpOptions = true,
    header = "Recomputes silver and gold from bronze, without reading the landing folder.",
    description = {
      "Judges every line of bronze again against the landing contract and the reference files,"
          + " replaces silver.<source>, bronze.<source>_quarantine and silver.delivered_periods,"
          + " then builds every gold table, scores every scheme and runs the simulations. Only"
          + " deliveries that ops.deliveries marks as ingested count; for each month the delivery"
          + " applied last stands, as after the nights that applied them.",
      "",
      "On an unchanged warehouse the tables come out equal to what the nights wrote: gold is a"
          + " function of the landed data. After reference data (regions.csv, units.csv,"
          + " fx_rates.csv, targets.csv) or the rules changed, the tables come out as if every"
          + " night had run with the change. A rebuild stopped part-way is finished by running it"
          + " again. The bulletin is not rewritten: run saima report afterwards."
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {ExitCode.OK_HELP, ExitCode.FAILURE_HELP, ExitCode.USAGE_HELP})
public final class RebuildCommand implements Callable<Integer> {

  @Mixin CommonOptions.RebuildOptions common;

  @Override
  public Integer call() {
    return NightRunner.run(
        common,
        "rebuild",
        null,
        List.of("reference"),
        inputs ->
            List.of(new RebuildNightStage(inputs), new ScoreNightStage(), new SimulateNightStage()),
        System.out);
  }
}
