package io.saima.pipeline;

import io.saima.ingest.IngestInputs;
import io.saima.ingest.IngestResult;
import io.saima.ingest.IngestStage;

/** The night's first stage: new deliveries into bronze, quarantine and silver. */
public final class IngestNightStage implements Stage {
  private final IngestStage ingest;

  public IngestNightStage(IngestInputs inputs) {
    this.ingest = new IngestStage(inputs);
  }

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public void run(NightContext night) {
    IngestResult result =
        ingest.run(
            night.warehouse(), night.config(), night.runId(), night.startedAt(), night.asOf());
    night.rewritten().addAll(result.rewritten());
    night.problems().addAll(result.refusals());
    night.problems().addAll(result.failedChecks());
    night.waiting().addAll(result.waiting());
    if (!result.waiting().isEmpty()) {
      night.rows().merge("deliveries_waiting", (long) result.waiting().size(), Long::sum);
    }
    result.rows().forEach((name, value) -> night.rows().merge(name, value, Long::sum));
    night.versions().putAll(result.versions());
  }
}
