package io.saima.pipeline;

import io.saima.metrics.BuildStage;
import io.saima.metrics.MetricsSettings;
import io.saima.metrics.SourcePeriod;

/**
 * The gold build after ingest: the source months applied since the last finished build (its
 * watermark also catches months of a night whose build failed), or everything on the first night.
 */
public final class BuildNightStage implements Stage {

  @Override
  public String name() {
    return "build";
  }

  @Override
  public void run(NightContext night) {
    BuildStage.Result result =
        new BuildStage(MetricsSettings.from(night.config()))
            .runSinceLastBuild(
                night.warehouse(),
                night.recomputed().stream()
                    .map(p -> new SourcePeriod(p.source().id(), p.period()))
                    .collect(java.util.stream.Collectors.toSet()));
    if ("full".equals(result.mode())) {
      night.markFullBuild();
    }
    night.rebuiltPeriods().addAll(result.periods());
  }
}
