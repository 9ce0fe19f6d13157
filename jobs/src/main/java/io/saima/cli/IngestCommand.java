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
    description = {
      "Ingests the deliveries of the landing folder not ingested before, in name order:",
      "every line into bronze.<source>, rejected lines into bronze.<source>_quarantine,",
      "valid rows into silver.<source> (a delivery replaces the months it contains),",
      "and records each file in ops.deliveries. Nothing in the landing folder is changed.",
      "With --as-of, only the deliveries dated on or before that day (see nightly).",
      "Exit 3 when a delivery was refused (unreadable, or changed after it was ingested)."
    })
public final class IngestCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Mixin AsOfOption asOf;

  @Override
  public Integer call() {
    return NightRunner.run(
        common, "ingest", asOf.day(), inputs -> List.of(new IngestNightStage(inputs)), System.out);
  }
}
