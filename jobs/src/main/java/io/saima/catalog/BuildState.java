package io.saima.catalog;

import org.apache.spark.sql.types.DataTypes;

/**
 * {@code ops.build_state}: the builds of the gold metrics that finished. {@code applied_until} is
 * the newest {@code silver.delivered_periods.applied_at} the build saw; the next incremental build
 * recomputes what was applied after it.
 */
public final class BuildState {
  private BuildState() {}

  public static final TableContract CONTRACT =
      TableContract.of(
          TableId.of("ops", "build_state"),
          "one row per gold build that finished",
          new Columns()
              .add("built_at", DataTypes.TimestampType, false, "when the build finished")
              .add("mode", DataTypes.StringType, false, "full (every period) or incremental")
              .add(
                  "applied_until",
                  DataTypes.TimestampType,
                  true,
                  "the newest silver.delivered_periods.applied_at the build saw; null when"
                      + " nothing had been delivered")
              .add(
                  "periods",
                  DataTypes.StringType,
                  false,
                  "the months the build recomputed: all, or their list, e.g. [202005, 202006]")
              .add("seconds", DataTypes.DoubleType, false, "how long the build took"));
}
