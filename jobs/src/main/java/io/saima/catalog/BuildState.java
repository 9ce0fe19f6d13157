package io.saima.catalog;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

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
          new StructType()
              .add("built_at", DataTypes.TimestampType, false)
              .add("mode", DataTypes.StringType, false)
              .add("applied_until", DataTypes.TimestampType, true)
              .add("periods", DataTypes.StringType, false)
              .add("seconds", DataTypes.DoubleType, false));
}
