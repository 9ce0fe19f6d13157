package io.saima.cli;

import io.saima.pipeline.IngestNightStage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code saima ingest}: new deliveries into bronze, quarantine and silver. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    header = "Ingests new deliveries into bronze, quarantine and silver.",
    description = {
      "Ingests the deliveries of the landing folder not ingested before, in name order. Every"
          + " line goes into bronze.<source>, rejected lines into bronze.<source>_quarantine and"
          + " valid rows into silver.<source>, where a delivery replaces the months it contains."
          + " Each file is recorded in ops.deliveries. Nothing in the landing folder is changed.",
      "",
      "Every file of a delivery folder is read whatever its name, except those the"
          + " ingest.landing_files patterns of the configuration set apart: files that are plainly"
          + " not data (hidden files, ~$ lock files) are skipped, and a copy still in progress"
          + " (*.part, *.tmp, *.crdownload) makes its delivery wait for a later night.",
      "",
      "With --as-of, only the deliveries dated on or before that day are ingested (see"
          + " nightly). A delivery that cannot be read, that changed after it was ingested, or"
          + " that waited longer than ingest.landing_files.waiting_days is refused and the"
          + " command exits 3."
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {
      ExitCode.OK_HELP,
      ExitCode.FAILURE_HELP,
      ExitCode.USAGE_HELP,
      ExitCode.PARTIAL_HELP
    })
public final class IngestCommand implements Callable<Integer> {

  @Mixin CommonOptions.NightOptions common;

  @Mixin AsOfOption asOf;

  @Override
  public Integer call() {
    return NightRunner.run(
        common, "ingest", asOf.day(), inputs -> List.of(new IngestNightStage(inputs)), System.out);
  }
}
