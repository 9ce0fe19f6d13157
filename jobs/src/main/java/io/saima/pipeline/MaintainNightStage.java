package io.saima.pipeline;

import io.saima.catalog.OpsTables;
import io.saima.catalog.TableId;
import io.saima.catalog.TableMaintenance;
import io.saima.catalog.Warehouse;
import io.saima.config.ConfigException;
import io.saima.config.SaimaConfig;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The weekly housekeeping of the night ({@code maintain.weekly_on}): on that day of the week, when
 * no maintenance ran in the six days before, the night compacts, vacuums and checkpoints every
 * table as {@code saima maintain} does. Off when the key is not set.
 */
public final class MaintainNightStage implements Stage {
  private static final Logger LOG = LoggerFactory.getLogger(MaintainNightStage.class);

  /** Days of time travel VACUUM keeps when {@code maintain.retention_days} is not set. */
  public static final int DEFAULT_RETENTION_DAYS = 30;

  /** The {@code ops.job_runs} row count a run that maintained the tables records. */
  public static final String MAINTAINED_TABLES = "maintained_tables";

  @Override
  public String name() {
    return "maintain";
  }

  @Override
  public void run(NightContext night) {
    Optional<DayOfWeek> weekly = weeklyOn(night.config());
    if (weekly.isEmpty()) {
      return;
    }
    LocalDate day =
        night
            .asOf()
            .orElse(
                LocalDate.now(
                    java.time.ZoneId.of(
                        night.warehouse().spark().conf().get("spark.sql.session.timeZone"))));
    if (day.getDayOfWeek() != weekly.get()) {
      LOG.info(
          "maintain: not today ({}; maintain.weekly_on: {})", day.getDayOfWeek(), weekly.get());
      return;
    }
    Optional<Instant> last = lastMaintained(night.warehouse());
    if (last.isPresent() && last.get().isAfter(night.startedAt().minus(6, ChronoUnit.DAYS))) {
      LOG.info("maintain: already done this week (at {})", last.get());
      return;
    }
    Map<TableId, Long> versions = new LinkedHashMap<>();
    for (TableId id : night.warehouse().list()) {
      night.warehouse().version(id).ifPresent(v -> versions.put(id, v));
    }
    night.markMaintenance(versions);
    List<TableMaintenance.Report> reports =
        new TableMaintenance(night.warehouse(), retentionDays(night.config())).all();
    night.rows().put(MAINTAINED_TABLES, (long) reports.size());
    night
        .rows()
        .put(
            "bytes_reclaimed",
            reports.stream().mapToLong(TableMaintenance.Report::bytesReclaimed).sum());
  }

  /**
   * Days of history VACUUM keeps (maintain.retention_days, default 30); below a week is a
   * configuration error.
   */
  public static int retentionDays(SaimaConfig config) {
    long days = config.integer("maintain.retention_days").orElse((long) DEFAULT_RETENTION_DAYS);
    if (days < TableMaintenance.MIN_RETENTION_DAYS) {
      throw new ConfigException(
          config.origin("maintain.retention_days"),
          "maintain.retention_days",
          days
              + " days is below the "
              + TableMaintenance.MIN_RETENTION_DAYS
              + " days of history every table keeps for time travel and audits");
    }
    return (int) Math.min(days, 36_500);
  }

  /** The day of the week the night maintains the tables, if it does. */
  public static Optional<DayOfWeek> weeklyOn(SaimaConfig config) {
    String value = config.string("maintain.weekly_on");
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(DayOfWeek.valueOf(value.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          config.origin("maintain.weekly_on"),
          "maintain.weekly_on",
          "expected a day of the week (monday … sunday), got '" + value + "'");
    }
  }

  /** When the tables were last maintained: by saima maintain or by a night's weekly stage. */
  static Optional<Instant> lastMaintained(Warehouse warehouse) {
    if (!warehouse.exists(OpsTables.JOB_RUNS.id())) {
      return Optional.empty();
    }
    List<org.apache.spark.sql.Row> rows =
        warehouse
            .read(OpsTables.JOB_RUNS.id())
            .where(
                "exit_code IN (0, 3) AND (command = 'maintain' OR rows['"
                    + MAINTAINED_TABLES
                    + "'] IS NOT NULL)")
            .selectExpr("max(started_at)")
            .collectAsList();
    return rows.isEmpty() || rows.get(0).isNullAt(0)
        ? Optional.empty()
        : Optional.of(rows.get(0).getTimestamp(0).toInstant());
  }
}
