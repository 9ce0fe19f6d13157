package io.saima.cli;

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
 * Reports the Monte Carlo's trials done out of the total while Spark runs them: a line per finished
 * partition on the log, or a progress bar with an estimate of the time left when stderr is a
 * terminal. The trials run as one Spark stage over {@code spark.range(0, trials)}, whose partition
 * {@code i} of {@code n} holds the trials from {@code i·trials/n} to {@code (i+1)·trials/n}; the
 * stage is recognised by its call site in {@code MonteCarlo}.
 */
final class TrialProgress extends SparkListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TrialProgress.class);

  private final SparkContext context;
  private final long trials;
  private final PrintStream terminal;
  private final long started = System.nanoTime();
  private final Map<Integer, Integer> trialStages = new ConcurrentHashMap<>();
  private long done;
  private boolean drawn;

  /**
   * @param terminal where to draw a progress bar, or null to log a line per partition instead
   */
  private TrialProgress(SparkContext context, long trials, PrintStream terminal) {
    this.context = context;
    this.trials = trials;
    this.terminal = terminal;
  }

  static TrialProgress start(SparkContext context, long trials) {
    PrintStream terminal = System.console() != null ? System.err : null;
    TrialProgress progress = new TrialProgress(context, trials, terminal);
    context.addSparkListener(progress);
    return progress;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    if (submitted.stageInfo().name().contains("MonteCarlo")) {
      trialStages.put(submitted.stageInfo().stageId(), submitted.stageInfo().numTasks());
    }
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
    Integer partitions = trialStages.get(end.stageId());
    if (partitions == null || !end.taskInfo().successful()) {
      return;
    }
    int index = end.taskInfo().index();
    done += inPartition(trials, partitions, index);
    report();
  }

  /** The trials partition {@code index} of {@code partitions} holds, as Spark's range splits. */
  static long inPartition(long trials, int partitions, int index) {
    return (index + 1) * trials / partitions - index * trials / partitions;
  }

  private void report() {
    double seconds = (System.nanoTime() - started) / 1e9;
    String left =
        done == 0 || done >= trials
            ? ""
            : String.format(Locale.ROOT, ", about %.0f s left", seconds * (trials - done) / done);
    if (terminal == null) {
      LOG.info("monte carlo: {}/{} trials done ({}%){}", done, trials, done * 100 / trials, left);
      return;
    }
    int width = 30;
    int filled = (int) (width * done / trials);
    terminal.print(
        String.format(
            Locale.ROOT,
            "\rmonte carlo [%s%s] %d/%d trials%s   ",
            "#".repeat(filled),
            " ".repeat(width - filled),
            done,
            trials,
            left));
    terminal.flush();
    drawn = true;
  }

  long done() {
    return done;
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
