package io.saima.testing;

import io.delta.storage.HDFSLogStore;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * The Delta log store of the tests for local files ({@link SharedSpark} registers it for {@code
 * file:}): Delta's own default there, {@code io.delta.storage.HDFSLogStore}, that can also stop a
 * run right after its k-th commit, as a process killed at that moment would stop. A crash test
 * needs no hook in the code it crashes, and it stops the run where a real crash would leave it:
 * between two Delta commits, with the last one on disk.
 *
 * <p>Delta makes one of these for every table it opens ({@code DeltaLog.store}, through {@code
 * DelegatingLogStore}, which looks up {@code spark.delta.logStore.file.impl}) and keeps it while it
 * caches the table, so the plan is static: one at a time for the whole JVM, armed by a test with
 * {@link #record} or {@link #crashAfter} and disarmed by closing it. It only counts commits under
 * its own root, and with none armed every write is exactly the default's, since every Spark test of
 * the JVM shares the session and so this store.
 */
public final class CrashingLogStore extends HDFSLogStore {
  /**
   * A commit: {@code _delta_log/<version in 20 digits>.json}, written once (no overwrite). The
   * checkpoints and {@code _last_checkpoint} also go through the store; they are not commits.
   */
  private static final Pattern COMMIT = Pattern.compile("\\d{20}\\.json");

  private static final AtomicReference<Plan> ARMED = new AtomicReference<>();

  /** The constructor Delta calls for a Java log store (LogStore.createLogStoreWithClassName). */
  public CrashingLogStore(Configuration hadoopConf) {
    super(hadoopConf);
  }

  @Override
  public void write(
      Path path, Iterator<String> actions, Boolean overwrite, Configuration hadoopConf)
      throws IOException {
    super.write(path, actions, overwrite, hadoopConf);
    // After the write returned: the commit has landed, as it would have before a kill.
    Plan plan = ARMED.get();
    if (plan != null
        && Boolean.FALSE.equals(overwrite)
        && COMMIT.matcher(path.getName()).matches()
        && path.getParent() != null
        && path.getParent().getName().equals("_delta_log")) {
      plan.committed(path.getParent().getParent());
    }
  }

  /** Records the tables committed under {@code root}, in order, until closed. */
  public static Plan record(java.nio.file.Path root) {
    return arm(new Plan(root, 0));
  }

  /**
   * Records like {@link #record} and throws {@link Crash} right after the {@code commits}-th commit
   * under {@code root} has been written.
   */
  public static Plan crashAfter(java.nio.file.Path root, int commits) {
    if (commits < 1) {
      throw new IllegalArgumentException("a crash comes after a commit: " + commits);
    }
    return arm(new Plan(root, commits));
  }

  private static Plan arm(Plan plan) {
    if (!ARMED.compareAndSet(null, plan)) {
      throw new IllegalStateException("a plan is already armed; close it first");
    }
    return plan;
  }

  /** What one test asked of the commits under its root; closing it disarms it. */
  public static final class Plan implements AutoCloseable {
    private final java.nio.file.Path root;
    private final int crashAfter;
    private final List<java.nio.file.Path> tables = new ArrayList<>();

    private Plan(java.nio.file.Path root, int crashAfter) {
      this.root = root.toAbsolutePath().normalize();
      this.crashAfter = crashAfter;
    }

    private synchronized void committed(Path table) {
      URI uri = table.toUri();
      if (!"file".equals(uri.getScheme())) {
        return;
      }
      java.nio.file.Path dir = java.nio.file.Path.of(uri).toAbsolutePath().normalize();
      if (!dir.startsWith(root)) {
        return;
      }
      tables.add(root.relativize(dir));
      if (tables.size() == crashAfter) {
        throw new Crash(crashAfter, root.relativize(dir));
      }
    }

    /**
     * The tables committed under the root so far, one entry a commit, as paths relative to it
     * ({@code bronze/fdi_inflows}). After a crash, more than the crash's count means something
     * still committed after the moment a killed process would have stopped.
     */
    public synchronized List<java.nio.file.Path> commits() {
      return List.copyOf(tables);
    }

    @Override
    public void close() {
      ARMED.compareAndSet(this, null);
    }
  }

  /** The run stopped by a plan, right after a commit that is on disk. */
  public static final class Crash extends RuntimeException {
    private Crash(int commit, java.nio.file.Path table) {
      super("stopped right after commit " + commit + " under the watched root, of " + table);
    }
  }
}
