package io.saima.catalog;

import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.delta.DeltaConfigs;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * Keeps the warehouse's tables small and fast to open without losing the history audits read:
 * compaction of small files ({@code OPTIMIZE}), removal of the files no version within the
 * retention reads ({@code VACUUM}), and a checkpoint of the log.
 *
 * <p>The retention of each table is the larger of {@code maintain.retention_days} and the table's
 * own {@code delta.deletedFileRetentionDuration} (which the night's sessions set from {@code
 * sql.history_days}): maintenance never shortens the time travel a table promises, so Delta's
 * retention safety check stays on and is never tripped. A version older than the retention can no
 * longer be read once VACUUM ran; every newer one still can.
 */
public final class TableMaintenance {
  private static final Logger LOG = LoggerFactory.getLogger(TableMaintenance.class);

  /** The shortest retention allowed: a week of time travel, whatever the configuration says. */
  public static final int MIN_RETENTION_DAYS = 7;

  /** What maintenance did to one table. */
  public record Report(
      TableId table,
      long filesBefore,
      long filesAfter,
      long storedBytesBefore,
      long storedBytesAfter,
      long retentionDays,
      long version) {

    /** Bytes removed from storage by VACUUM (files compaction or rewrites left behind). */
    public long bytesReclaimed() {
      return Math.max(0, storedBytesBefore - storedBytesAfter);
    }
  }

  private final Warehouse warehouse;
  private final int retentionDays;

  public TableMaintenance(Warehouse warehouse, int retentionDays) {
    if (retentionDays < MIN_RETENTION_DAYS) {
      throw new IllegalArgumentException(
          "retention of " + retentionDays + " days is below " + MIN_RETENTION_DAYS);
    }
    this.warehouse = warehouse;
    this.retentionDays = retentionDays;
  }

  /** Maintains every table of the warehouse, in the order {@link Warehouse#list()} finds them. */
  public List<Report> all() {
    List<Report> reports = new ArrayList<>();
    for (TableId id : warehouse.list()) {
      reports.add(table(id));
    }
    return reports;
  }

  /** OPTIMIZE, VACUUM and a checkpoint of one table. */
  public Report table(TableId id) {
    long started = System.nanoTime();
    String path = warehouse.path(id);
    Snapshot before = snapshot(path);
    long storedBefore = storedBytes(path);
    DeltaTable table = DeltaTable.forPath(warehouse.spark(), path);
    long step = System.nanoTime();
    table.optimize().executeCompaction();
    LOG.debug("{}: OPTIMIZE in {} ms", id, (System.nanoTime() - step) / 1_000_000L);
    long days = Math.max(retentionDays, tableRetentionDays(snapshot(path)));
    step = System.nanoTime();
    vacuum(table, Duration.ofDays(days).toHours());
    LOG.debug("{}: VACUUM in {} ms", id, (System.nanoTime() - step) / 1_000_000L);
    step = System.nanoTime();
    Tuple2<DeltaLog, Snapshot> after = DeltaLog.forTableWithSnapshot(warehouse.spark(), path);
    after._1().checkpointAndCleanUpDeltaLog(after._2(), scala.Option.empty());
    LOG.debug("{}: checkpoint in {} ms", id, (System.nanoTime() - step) / 1_000_000L);
    Report report =
        new Report(
            id,
            before.numOfFiles(),
            after._2().numOfFiles(),
            storedBefore,
            storedBytes(path),
            days,
            after._2().version());
    LOG.info(
        "maintained {}: {} -> {} files, {} bytes reclaimed, retention {} days, in {} s",
        id,
        report.filesBefore(),
        report.filesAfter(),
        report.bytesReclaimed(),
        days,
        (System.nanoTime() - started) / 1_000_000_000L);
    return report;
  }

  /**
   * VACUUM lists the table's folder in as many tasks as {@code
   * spark.sql.sources.parallelPartitionDiscovery.parallelism} says (10,000 by default, sized for
   * tables of millions of files): on a few cores that alone took over a minute per small table. Our
   * tables are partitioned by month at most, so the listing runs in one task per core.
   */
  private void vacuum(DeltaTable table, long retentionHours) {
    var conf = warehouse.spark().conf();
    String key = "spark.sql.sources.parallelPartitionDiscovery.parallelism";
    String before = conf.contains(key) ? conf.get(key) : null;
    conf.set(key, Integer.toString(warehouse.spark().sparkContext().defaultParallelism()));
    // VACUUM prints what it deleted on the console; stdout is for the command's results.
    java.io.PrintStream stdout = System.out;
    System.setOut(System.err);
    try {
      scala.Console.withOut(
          System.err,
          new scala.runtime.AbstractFunction0<Object>() {
            @Override
            public Object apply() {
              return table.vacuum(retentionHours);
            }
          });
    } finally {
      System.setOut(stdout);
      if (before == null) {
        conf.unset(key);
      } else {
        conf.set(key, before);
      }
    }
  }

  private Snapshot snapshot(String path) {
    return DeltaLog.forTableWithSnapshot(warehouse.spark(), path)._2();
  }

  /** The table's delta.deletedFileRetentionDuration in whole days, rounded up. */
  static long tableRetentionDays(Snapshot snapshot) {
    long millis =
        DeltaConfigs.getMilliSeconds(
            DeltaConfigs.TOMBSTONE_RETENTION().fromMetaData(snapshot.metadata()));
    return (millis + Duration.ofDays(1).toMillis() - 1) / Duration.ofDays(1).toMillis();
  }

  /** Bytes of the table's data files in storage, its log not counted. */
  private long storedBytes(String path) {
    try {
      Path given = new Path(path);
      FileSystem fs = given.getFileSystem(warehouse.spark().sparkContext().hadoopConfiguration());
      Path root = fs.makeQualified(given);
      long bytes = 0;
      RemoteIterator<LocatedFileStatus> files = fs.listFiles(root, true);
      while (files.hasNext()) {
        FileStatus file = files.next();
        String relative = root.toUri().relativize(file.getPath().toUri()).getPath();
        if (!relative.startsWith("_delta_log/") && !file.getPath().getName().startsWith(".")) {
          bytes += file.getLen();
        }
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path + ": " + e.getMessage(), e);
    }
  }
}
