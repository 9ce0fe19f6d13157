package io.saima.metrics;

import io.saima.catalog.BuildState;
import io.saima.catalog.GoldTables;
import io.saima.catalog.SilverTables;
import io.saima.catalog.Source;
import io.saima.catalog.Warehouse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics layer's edge: reads the silver tables, runs the definitions of {@link Metrics} and
 * writes the gold tables. Customs enter as their monthly sums, kept in {@code
 * silver.customs_monthly} and brought up to date first: a build reads the lines of the customs
 * months rewritten since the last one, never years of lines. A full build rewrites every table; an
 * incremental build recomputes only the slices the rewritten source months affect ({@link
 * BuildScope}) and replaces them with {@code replaceWhere}, so that it leaves the same tables a
 * full build would. Target attainment, unit ranking and alerts depend on the latest month and on
 * every region, and are small: every build rewrites them whole.
 */
public final class BuildStage {
  private static final Logger LOG = LoggerFactory.getLogger(BuildStage.class);

  private final MetricsSettings settings;

  public BuildStage(MetricsSettings settings) {
    this.settings = settings;
  }

  /** What a build did. */
  public record Result(String mode, SortedSet<Integer> periods, double seconds) {
    public String describe() {
      String what =
          mode.equals("full")
              ? "all periods"
              : periods.isEmpty() ? "nothing new" : periods.size() + " periods " + periods;
      return String.format(java.util.Locale.ROOT, "build %s: %s in %.1f s", mode, what, seconds);
    }
  }

  /** {@code saima build --all}: every gold table from the silver tables. */
  public Result runAll(Warehouse warehouse) {
    return run(warehouse, Optional.empty());
  }

  /**
   * {@code saima build}: the source months applied since the last build that finished ({@code
   * ops.build_state}); a full build when there was none.
   */
  public Result runSinceLastBuild(Warehouse warehouse) {
    return runSinceLastBuild(warehouse, Set.of());
  }

  /**
   * As {@link #runSinceLastBuild(Warehouse)}, with these source months rebuilt too: months whose
   * silver was recomputed without a new delivery ({@code nightly --from … --to …}).
   */
  public Result runSinceLastBuild(Warehouse warehouse, Set<SourcePeriod> alsoRebuild) {
    long start = System.nanoTime();
    if (alsoRebuild.isEmpty() && sawTheLatestDeliveredPeriods(warehouse)) {
      // Nothing applied since the last build: not even the build's record is read.
      Result result = new Result("incremental", new TreeSet<>(), (System.nanoTime() - start) / 1e9);
      LOG.info("silver.delivered_periods is as the last build saw it; {}", result.describe());
      return result;
    }
    Optional<Timestamp> watermark = lastAppliedUntil(warehouse);
    if (watermark.isEmpty()) {
      LOG.info("no earlier build recorded: building everything");
      return run(warehouse, Optional.empty());
    }
    Dataset<Row> delivered = warehouse.readOrEmpty(SilverTables.DELIVERED_PERIODS);
    Set<SourcePeriod> changed = new HashSet<>();
    for (Row row :
        delivered
            .where(functions.col("applied_at").gt(functions.lit(watermark.get())))
            .select("source", "period")
            .collectAsList()) {
      changed.add(new SourcePeriod(row.getString(0), row.getInt(1)));
    }
    LOG.info("{} source months applied since {}", changed.size(), watermark.get());
    changed.addAll(alsoRebuild);
    return run(warehouse, Optional.of(changed));
  }

  /**
   * Builds the gold tables.
   *
   * @param changed the (source, period) months an ingest rewrote; empty for a full build
   */
  public Result run(Warehouse warehouse, Optional<Set<SourcePeriod>> changed) {
    long start = System.nanoTime();
    boolean full =
        changed.isEmpty()
            || !warehouse.exists(SilverTables.CUSTOMS_MONTHLY.id())
            || !warehouse.exists(GoldTables.INDICATOR_MONTHLY.id())
            || !warehouse.exists(GoldTables.INDICATOR_RANK.id())
            || !warehouse.exists(GoldTables.ENTERPRISE_WATCHLIST.id());
    if (!full && changed.get().isEmpty()) {
      // Nothing new: silver is not even read, and no table changes, not even the build's record.
      Result result = new Result("incremental", new TreeSet<>(), (System.nanoTime() - start) / 1e9);
      LOG.info(result.describe());
      return result;
    }
    Optional<Long> deliveredVersion = warehouse.version(SilverTables.DELIVERED_PERIODS.id());
    keepCustomsMonthly(warehouse, full ? Optional.empty() : changed);
    SilverInputs all = read(warehouse);
    Optional<Timestamp> appliedUntil = newestApplied(all.deliveredPeriods());
    SortedSet<Integer> periods = new TreeSet<>();
    if (full) {
      buildAll(warehouse, all);
    } else {
      periods = BuildScope.metricPeriods(changed.get());
      buildSlices(warehouse, all, changed.get(), periods);
    }
    buildSummaries(warehouse, all);
    double seconds = (System.nanoTime() - start) / 1e9;
    String mode = full ? "full" : "incremental";
    recordBuild(
        warehouse,
        mode,
        appliedUntil,
        full ? "all" : periods.toString(),
        seconds,
        deliveredVersion.map(BuildStage::deliveredNote).orElse(null));
    Result result = new Result(mode, periods, seconds);
    LOG.info(result.describe());
    return result;
  }

  private void buildAll(Warehouse warehouse, SilverInputs all) {
    warnStrayTownCodes(all);
    warehouse.overwrite(GoldTables.INDICATOR_MONTHLY, Metrics.indicatorMonthly(all));
    Dataset<Row> monthly = warehouse.read(GoldTables.INDICATOR_MONTHLY.id());
    warehouse.overwrite(GoldTables.INDICATOR_RANK, Metrics.indicatorRank(monthly, all.regions()));
    Dataset<Row> customsMonths =
        all.deliveredPeriods()
            .where(functions.col("source").equalTo("customs_exports"))
            .select("period");
    warehouse.overwrite(
        GoldTables.ENTERPRISE_WATCHLIST, Metrics.enterpriseWatchlist(all, customsMonths, settings));
  }

  private void buildSlices(
      Warehouse warehouse,
      SilverInputs all,
      Set<SourcePeriod> changed,
      SortedSet<Integer> periods) {
    String inPeriods = BuildScope.periodIn(periods);
    SilverInputs scoped = all.forYears(BuildScope.inputYears(periods));
    warnStrayTownCodes(scoped);
    warehouse.replaceWhere(
        GoldTables.INDICATOR_MONTHLY, Metrics.indicatorMonthly(scoped).where(inPeriods), inPeriods);

    Dataset<Row> monthly =
        warehouse
            .read(GoldTables.INDICATOR_MONTHLY.id())
            .where(BuildScope.periodIn(BuildScope.withPreviousMonths(periods)));
    warehouse.replaceWhere(
        GoldTables.INDICATOR_RANK,
        Metrics.indicatorRank(monthly, all.regions()).where(inPeriods),
        inPeriods);

    SortedSet<Integer> watch = BuildScope.watchPeriods(changed);
    if (!watch.isEmpty()) {
      String inWatch = BuildScope.periodIn(watch);
      Dataset<Row> watchPeriods =
          all.regions()
              .sparkSession()
              .createDataset(new ArrayList<>(watch), Encoders.INT())
              .toDF("period");
      warehouse.replaceWhere(
          GoldTables.ENTERPRISE_WATCHLIST,
          Metrics.enterpriseWatchlist(
                  all.forPeriods(BuildScope.watchInputPeriods(watch)), watchPeriods, settings)
              .where(inWatch),
          inWatch);
    }
  }

  private void buildSummaries(Warehouse warehouse, SilverInputs all) {
    Dataset<Row> monthly = warehouse.read(GoldTables.INDICATOR_MONTHLY.id());
    warehouse.overwrite(GoldTables.TARGET_ATTAINMENT, Metrics.targetAttainment(all, monthly));
    Dataset<Row> attainment = warehouse.read(GoldTables.TARGET_ATTAINMENT.id());
    warehouse.overwrite(GoldTables.UNIT_RANKING, Metrics.unitRanking(attainment, all, settings));
    warehouse.overwrite(
        GoldTables.ALERTS,
        Metrics.alerts(
            monthly, warehouse.read(GoldTables.INDICATOR_RANK.id()), attainment, settings));
  }

  /**
   * Brings {@code silver.customs_monthly} up to date with the customs lines: all of it in a full
   * build, else the customs months among {@code changed}, each summed again from its lines and
   * replaced ({@code replaceWhere}). A month whose lines are all gone loses its sums. A build that
   * stops after this and runs again recomputes the same months, so nothing is counted twice.
   */
  private static void keepCustomsMonthly(Warehouse warehouse, Optional<Set<SourcePeriod>> changed) {
    Dataset<Row> lines = warehouse.readOrEmpty(SilverTables.CUSTOMS_EXPORTS);
    if (changed.isEmpty()) {
      warehouse.overwrite(SilverTables.CUSTOMS_MONTHLY, Metrics.customsMonthly(lines));
      return;
    }
    Set<Integer> months = new TreeSet<>();
    for (SourcePeriod change : changed.get()) {
      if (change.source().equals(Source.CUSTOMS_EXPORTS.id())) {
        months.add(change.period());
      }
    }
    if (months.isEmpty()) {
      return;
    }
    String inMonths = BuildScope.periodIn(months);
    warehouse.replaceWhere(
        SilverTables.CUSTOMS_MONTHLY, Metrics.customsMonthly(lines.where(inMonths)), inMonths);
  }

  /**
   * The silver tables, customs as their kept monthly sums; a table never written reads as empty.
   */
  static SilverInputs read(Warehouse warehouse) {
    return new SilverInputs(
        warehouse.readOrEmpty(SilverTables.CUSTOMS_MONTHLY),
        warehouse.readOrEmpty(SilverTables.FDI_INFLOWS),
        warehouse.readOrEmpty(SilverTables.RETAIL_SALES),
        warehouse.readOrEmpty(SilverTables.ABOVE_QUOTA_SALES),
        once(warehouse.readOrEmpty(SilverTables.DELIVERED_PERIODS)),
        once(warehouse.readOrEmpty(SilverTables.REGIONS)),
        once(warehouse.readOrEmpty(SilverTables.UNITS)),
        once(warehouse.readOrEmpty(SilverTables.TARGETS)));
  }

  /**
   * The reference tables and the delivered months: a few hundred rows that nearly every definition
   * joins. Read from Delta once per build, rather than once per query: each Delta scan lists the
   * table's files with a Spark job of its own while the query is planned, and those jobs were about
   * a third of a build on small data (stack samples of BuildStageTest).
   */
  private static Dataset<Row> once(Dataset<Row> small) {
    return small.localCheckpoint(true);
  }

  private static void warnStrayTownCodes(SilverInputs in) {
    List<Row> stray =
        Metrics.strayTownCodes(in).orderBy("indicator", "county_code").collectAsList();
    for (Row row : stray) {
      LOG.warn(
          "{}: town code {} is no unit of county {} in silver.units; its {} lines count for the"
              + " county only",
          row.getString(0),
          row.getString(2),
          row.getString(1),
          row.getLong(3));
    }
  }

  private static Optional<Timestamp> newestApplied(Dataset<Row> delivered) {
    Row row = delivered.agg(functions.max("applied_at")).first();
    return row.isNullAt(0) ? Optional.empty() : Optional.of(row.getTimestamp(0));
  }

  /**
   * Whether the last build that finished saw {@code silver.delivered_periods} at its present
   * version: then no month was applied since, which a quiet night finds from two listings of {@code
   * _delta_log} and one commit file, without a Spark job. Every build records that version as the
   * {@code userMetadata} of its {@code ops.build_state} row ({@link #deliveredNote}); anything else
   * (no record, a record without it, a version moved by a write or by maintenance) is answered by
   * reading the tables.
   */
  private static boolean sawTheLatestDeliveredPeriods(Warehouse warehouse) {
    Optional<Long> delivered = warehouse.version(SilverTables.DELIVERED_PERIODS.id());
    if (delivered.isEmpty()
        || !warehouse.exists(BuildState.CONTRACT.id())
        || !warehouse.exists(SilverTables.CUSTOMS_MONTHLY.id())
        || !warehouse.exists(GoldTables.INDICATOR_MONTHLY.id())
        || !warehouse.exists(GoldTables.INDICATOR_RANK.id())
        || !warehouse.exists(GoldTables.ENTERPRISE_WATCHLIST.id())) {
      return false;
    }
    return warehouse
        .contentNote(BuildState.CONTRACT.id())
        .equals(Optional.of(deliveredNote(delivered.get())));
  }

  /** The note of a build that read {@code silver.delivered_periods} at this version. */
  static String deliveredNote(long deliveredVersion) {
    return "saima build: silver.delivered_periods version " + deliveredVersion;
  }

  private static Optional<Timestamp> lastAppliedUntil(Warehouse warehouse) {
    if (!warehouse.exists(BuildState.CONTRACT.id())
        || !warehouse.exists(GoldTables.INDICATOR_MONTHLY.id())) {
      return Optional.empty();
    }
    Row row =
        warehouse
            .read(BuildState.CONTRACT.id())
            .where(functions.col("applied_until").isNotNull())
            .agg(functions.max("applied_until"))
            .first();
    return row.isNullAt(0) ? Optional.empty() : Optional.of(row.getTimestamp(0));
  }

  private static void recordBuild(
      Warehouse warehouse,
      String mode,
      Optional<Timestamp> appliedUntil,
      String periods,
      double seconds,
      String note) {
    Row row =
        RowFactory.create(
            Timestamp.from(Instant.now()), mode, appliedUntil.orElse(null), periods, seconds);
    warehouse.append(
        BuildState.CONTRACT,
        warehouse.spark().createDataFrame(List.of(row), BuildState.CONTRACT.schema()),
        note);
  }
}
