package io.saima.pipeline;

import io.saima.ingest.IngestInputs;
import io.saima.ingest.SilverRebuild;

/**
 * {@code nightly --from … --to …}: after ingest, the silver months of the range are judged again
 * from bronze ({@link SilverRebuild}) and handed to the build, which rebuilds them and what depends
 * on them as if they had been delivered again. For a month revised by hand in the reference data (a
 * county's code, an exchange rate) without a new delivery.
 */
public final class RecomputeNightStage implements Stage {
  private final SilverRebuild silver;
  private final SilverRebuild.Months months;

  public RecomputeNightStage(IngestInputs inputs, SilverRebuild.Months months) {
    this.silver = new SilverRebuild(inputs);
    this.months = months;
  }

  @Override
  public String name() {
    return "recompute";
  }

  @Override
  public void run(NightContext night) {
    SilverRebuild.Result result =
        silver.run(night.warehouse(), night.config(), java.util.Optional.of(months));
    night.recomputed().addAll(result.periods());
    night.rows().merge("source_months_recomputed", (long) result.periods().size(), Long::sum);
  }
}
