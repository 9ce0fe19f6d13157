package io.saima.pipeline;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports how much of a long piece of work is done while Spark runs it: a progress bar with an
 * estimate of the time left when stderr is a terminal, else a log line at each tenth. The work is
 * the Spark stages whose name (their call site) contains a marker; each finished task adds the
 * units it did ({@link Units}): trials of the Monte Carlo, files of an ingest.
 */
public final class TaskProgress extends SparkListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TaskProgress.class);

  /** The units of work a finished task did. */
  @FunctionalInterface
  public interface Units {
    long of(SparkListenerTaskEnd end, int tasksInStage);

    /** Each task a partition of a range of {@code total} split evenly, as Spark's range does. */
    static Units evenShareOf(long total) {
      return (end, tasks) -> {
        long index = end.taskInfo().index();
        return (index + 1) * total / tasks - index * total / tasks;
      };
    }

    /** The rows a task read from the shuffle before it: one row per unit (a file to read). */
    static Units shuffleRecordsRead() {
      return (end, tasks) ->
          end.taskMetrics() == null ? 0 : end.taskMetrics().shuffleReadMetrics().recordsRead();
    }
  }

  private final SparkContext context;
  private final String marker;
  private final String label;
  private final String unit;
  private final long total;
  private final Units unitsOf;
  private final PrintStream terminal;
  private final long started = System.nanoTime();
  private final Map<Integer, Integer> stages = new ConcurrentHashMap<>();
  private long done;
  private long lastTenth;
  private boolean drawn;

  private TaskProgress(
      SparkContext context,
      String marker,
      String label,
      String unit,
      long total,
      Units unitsOf,
      PrintStream terminal) {
    this.context = context;
    this.marker = marker;
    this.label = label;
    this.unit = unit;
    this.total = total;
    this.unitsOf = unitsOf;
    this.terminal = terminal;
  }

  /** Starts reporting the stages whose call site contains {@code marker}. */
  public static TaskProgress start(
      SparkContext context, String marker, String label, String unit, long total, Units unitsOf) {
    PrintStream terminal = System.console() != null ? System.err : null;
    TaskProgress progress =
        new TaskProgress(context, marker, label, unit, total, unitsOf, terminal);
    context.addSparkListener(progress);
    return progress;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    if (submitted.stageInfo().name().contains(marker)) {
      stages.put(submitted.stageInfo().stageId(), submitted.stageInfo().numTasks());
    }
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
    Integer partitions = stages.get(end.stageId());
    if (partitions == null || !end.taskInfo().successful()) {
      return;
    }
    long units = unitsOf.of(end, partitions);
    if (units == 0) {
      return;
    }
    done = Math.min(total, done + units);
    report();
  }

  public synchronized long done() {
    return done;
  }

  private void report() {
    double seconds = (System.nanoTime() - started) / 1e9;
    String left =
        done == 0 || done >= total
            ? ""
            : String.format(Locale.ROOT, ", about %.0f s left", seconds * (total - done) / done);
    if (terminal == null) {
      long tenth = total == 0 ? 10 : done * 10 / total;
      if (tenth > lastTenth) {
        lastTenth = tenth;
        LOG.info(
            "{}: {}/{} {} done ({}%){}",
            label, done, total, unit, total == 0 ? 100 : done * 100 / total, left);
      }
      return;
    }
    int width = 30;
    int filled = total == 0 ? width : (int) (width * done / total);
    terminal.print(
        String.format(
            Locale.ROOT,
            "\r%s [%s%s] %d/%d %s%s   ",
            label,
            "#".repeat(filled),
            " ".repeat(width - filled),
            done,
            total,
            unit,
            left));
    terminal.flush();
    drawn = true;
  }

  @Override
  public void close() {
    try {
      // Task ends reach listeners asynchronously: let the last ones arrive before reporting done.
      context.listenerBus().waitUntilEmpty(10_000L);
    } catch (Exception e) {
      LOG.debug("listener bus not drained: {}", e.toString());
    }
    context.removeSparkListener(this);
    finish();
  }

  private synchronized void finish() {
    if (drawn) {
      terminal.println();
    }
  }
}
