package io.saima.pipeline;

import io.saima.ingest.IngestInputs;
import io.saima.ingest.SilverRebuild;
import io.saima.metrics.BuildStage;
import io.saima.metrics.MetricsSettings;

/**
 * The first stage of {@code saima rebuild}: silver and quarantine judged again from bronze ({@link
 * SilverRebuild}), then every gold metric table built from them. The score and simulate stages
 * after it see a full build and recompute everything.
 */
public final class RebuildNightStage implements Stage {
  private final SilverRebuild silver;

  public RebuildNightStage(IngestInputs inputs) {
    this.silver = new SilverRebuild(inputs);
  }

  @Override
  public String name() {
    return "rebuild";
  }

  @Override
  public void run(NightContext night) {
    SilverRebuild.Result result = silver.run(night.warehouse(), night.config());
    result.rows().forEach((name, value) -> night.rows().merge(name, value, Long::sum));
    night.rewritten().addAll(result.periods());
    BuildStage.Result build =
        new BuildStage(MetricsSettings.from(night.config())).runAll(night.warehouse());
    night.markFullBuild();
    night.rebuiltPeriods().addAll(build.periods());
  }
}
