package io.saima.pipeline;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer per warehouse at a time: the lease a writing command holds while it runs.
 *
 * <p>The lease lives in {@code <warehouse>/_lease/} as numbered generations, {@code g-<n>.lease},
 * each naming its holder (host, pid, the process's start time, command, run id, start time). The
 * current lease is the highest generation. A writer takes the lease by creating generation n+1 with
 * {@link FileSystem#create(Path, boolean) create(path, overwrite=false)}, the one atomic step: of
 * two writers that both saw generation n free, only one can create n+1, and the other is refused.
 * Generation n is free when its holder released it ({@code g-<n>.released}, written on normal exit,
 * on failure and from a shutdown hook) or when its holder is gone: on the same host, when its pid
 * is no longer running or is now another process (a different process start time, so a reused pid
 * is not mistaken for the holder); on another host, when the lease was not renewed for {@code
 * lock.lease_seconds}. A heartbeat thread renews it ({@code g-<n>.renewed}) every quarter of that
 * time while the run lasts, so only a process that was killed, or a host that is down, leaves a
 * lease to expire. Taking over a stale lease logs a WARN naming its holder.
 *
 * <p>Why files and not a Delta table: the check and the take-over must be one atomic step, and
 * creating a file that must not exist is that step on HDFS, on local and shared POSIX file systems
 * (NFS v4, Lustre) and on ABFS and GCS; it needs no Spark job and no table version, so a refused
 * command reads two small files and writes nothing at all. Older generations are deleted when a
 * newer one is taken, so the folder holds at most three; a writer that listed before that clean-up
 * and created an old generation number sees the higher one when it lists again and backs out.
 *
 * <p>On S3 with hadoop-aws 3.3.4 (the version Spark 3.5 ships with) {@code create(overwrite=false)}
 * is a check followed by a put, not a conditional put, so two writers started within the same
 * fraction of a second could both win. Delta itself needs an external commit coordinator on S3 for
 * the same reason (the DynamoDB log store). A warehouse on S3 should be written by one scheduler
 * that never starts two runs at once; the lease still refuses any run started while another holds
 * it, and shows the holder in {@code saima status}.
 *
 * <p>One class, though long: taking, renewing, releasing and taking over a lease are one protocol
 * whose safety lies in the order of its file operations, which is clearest read in one place.
 */
public final class WarehouseLease implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WarehouseLease.class);

  /** The folder of the lease under the warehouse; Warehouse.list() skips names starting with _. */
  public static final String FOLDER = "_lease";

  /** How long a lease lasts without renewal when {@code lock.lease_seconds} is not set. */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(120);

  private static final Pattern GENERATION = Pattern.compile("g-(\\d{20})\\.lease");

  /** Who holds (or held) a lease, as written in its generation file. */
  public record Holder(
      long generation,
      String host,
      long pid,
      String pidNamespace,
      Optional<Instant> processStartedAt,
      String command,
      String runId,
      Instant startedAt,
      Instant renewedAt,
      boolean released) {

    /** One line naming the holder, for messages and {@code saima status}. */
    public String describe() {
      return command
          + " run "
          + runId
          + " on host "
          + host
          + ", pid "
          + pid
          + ", started "
          + startedAt
          + ", renewed "
          + renewedAt;
    }
  }

  /** A writing command was refused because another run holds the lease. */
  public static final class HeldException extends RuntimeException {
    private final transient Holder holder;

    HeldException(String warehouse, Holder holder) {
      super(
          "the warehouse "
              + warehouse
              + " is being written by another run; nothing was done. Holder: "
              + holder.describe()
              + ". Run again when it has finished (saima status shows it).");
      this.holder = holder;
    }

    public Holder holder() {
      return holder;
    }
  }

  private final FileSystem fs;
  private final Path folder;
  private final long generation;
  private final ScheduledExecutorService heartbeat;
  private final Thread shutdownHook;
  private boolean released;

  private WarehouseLease(FileSystem fs, Path folder, long generation, Duration lease) {
    this.fs = fs;
    this.folder = folder;
    this.generation = generation;
    this.heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "saima-lease-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    long every = Math.max(1, lease.toMillis() / 4);
    heartbeat.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    this.shutdownHook = new Thread(this::release, "saima-lease-release");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Takes the lease of {@code warehouse} for a run, or throws {@link HeldException} naming the live
   * holder; a stale lease is taken over with a WARN naming its holder.
   */
  public static WarehouseLease acquire(
      Configuration hadoop, String warehouse, String command, String runId, Duration lease) {
    try {
      Path folder = new Path(warehouse, FOLDER);
      FileSystem fs = folder.getFileSystem(hadoop);
      Optional<Holder> current = read(fs, folder);
      if (current.isPresent() && !current.get().released()) {
        Holder holder = current.get();
        Optional<String> stale = staleness(holder, lease, Instant.now());
        if (stale.isEmpty()) {
          throw new HeldException(warehouse, holder);
        }
        LOG.warn(
            "taking over the lease of {} from a run that is gone ({}): {}",
            warehouse,
            stale.get(),
            holder.describe());
      }
      long next = current.map(Holder::generation).orElse(0L) + 1;
      Path file = new Path(folder, name(next, "lease"));
      try (FSDataOutputStream out = fs.create(file, false)) {
        write(out, holderProperties(command, runId));
      } catch (FileAlreadyExistsException e) {
        throw new HeldException(warehouse, read(fs, folder).orElseThrow(() -> e));
      } catch (IOException e) {
        if (fs.exists(file)) {
          // Some file systems report a lost create race as a plain IOException.
          throw new HeldException(warehouse, read(fs, folder).orElseThrow(() -> e));
        }
        throw e;
      }
      long highest = highestGeneration(fs, folder);
      if (highest != next) {
        // Listed before an older generation was cleaned up, created that number again: the
        // higher one is the lease.
        fs.delete(file, false);
        throw new HeldException(warehouse, read(fs, folder).orElseThrow());
      }
      cleanUpBefore(fs, folder, next - 1);
      LOG.debug(
          "took the lease of {} (generation {}) for {} run {}", warehouse, next, command, runId);
      return new WarehouseLease(fs, folder, next, lease);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the lease of " + warehouse + ": " + e, e);
    }
  }

  /**
   * The current holder of the lease of {@code warehouse}, if a run holds it now; a released or
   * stale lease is no holder. Reads only.
   */
  public static Optional<Holder> holder(Configuration hadoop, String warehouse, Duration lease) {
    try {
      Path folder = new Path(warehouse, FOLDER);
      FileSystem fs = folder.getFileSystem(hadoop);
      return read(fs, folder)
          .filter(h -> !h.released())
          .filter(h -> staleness(h, lease, Instant.now()).isEmpty());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the lease of " + warehouse + ": " + e, e);
    }
  }

  /**
   * The state of the lease of {@code warehouse} in one line, for {@code saima status}: held (by
   * whom), free, or left by a run that is gone (which the next writer takes over). Reads only.
   */
  public static String describe(Configuration hadoop, String warehouse, Duration lease) {
    try {
      Path folder = new Path(warehouse, FOLDER);
      Optional<Holder> current = read(folder.getFileSystem(hadoop), folder);
      if (current.isEmpty() || current.get().released()) {
        return "free (no run is writing)";
      }
      Optional<String> stale = staleness(current.get(), lease, Instant.now());
      if (stale.isPresent()) {
        return "free: left by a run that is gone ("
            + stale.get()
            + "), the next writer takes it over: "
            + current.get().describe();
      }
      return "held by " + current.get().describe();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the lease of " + warehouse + ": " + e, e);
    }
  }

  /** The generation this lease holds. */
  public long generation() {
    return generation;
  }

  /** Releases the lease (idempotent). */
  @Override
  public void close() {
    release();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or ran: it released the lease
    }
  }

  private synchronized void release() {
    if (released) {
      return;
    }
    released = true;
    heartbeat.shutdownNow();
    try (FSDataOutputStream out = fs.create(new Path(folder, name(generation, "released")), true)) {
      out.write(Instant.now().toString().getBytes(StandardCharsets.UTF_8));
      LOG.debug("released the lease of {} (generation {})", folder.getParent(), generation);
    } catch (IOException e) {
      LOG.warn(
          "could not release the lease {}: {}; the next run takes it over once this process has"
              + " ended",
          folder,
          e.toString());
    }
  }

  private synchronized void renew() {
    if (released) {
      return;
    }
    try {
      try (FSDataOutputStream out =
          fs.create(new Path(folder, name(generation, "renewed")), true)) {
        out.write(Instant.now().toString().getBytes(StandardCharsets.UTF_8));
      }
      long highest = highestGeneration(fs, folder);
      if (highest != generation) {
        LOG.error(
            "the lease of {} was taken over by generation {} while this run (generation {}) still"
                + " writes: this run was thought gone (not renewed for the lease time?)",
            folder.getParent(),
            highest,
            generation);
      }
    } catch (IOException e) {
      LOG.warn("could not renew the lease {}: {}", folder, e.toString());
    }
  }

  /**
   * Why a lease's holder is gone, or empty when it may still be running. On this host the process
   * table says it for sure; from another host only the lease's renewals can.
   */
  static Optional<String> staleness(Holder holder, Duration lease, Instant now) {
    if (holder.host().equals(thisHostName())
        && holder.pidNamespace().equals(pidNamespace())
        && holder.processStartedAt().isPresent()) {
      Optional<ProcessHandle> process = ProcessHandle.of(holder.pid());
      if (process.isEmpty() || !process.get().isAlive()) {
        return Optional.of("pid " + holder.pid() + " is not running on this host");
      }
      Optional<Instant> started = process.get().info().startInstant();
      if (started.isPresent() && !started.equals(holder.processStartedAt())) {
        return Optional.of(
            "pid " + holder.pid() + " is now another process, started " + started.get());
      }
      return Optional.empty();
    }
    Duration silent = Duration.between(holder.renewedAt(), now);
    if (silent.compareTo(lease) > 0) {
      return Optional.of(
          "not renewed for "
              + silent.toSeconds()
              + " s, longer than the lease of "
              + lease.toSeconds()
              + " s");
    }
    return Optional.empty();
  }

  private static Optional<Holder> read(FileSystem fs, Path folder) throws IOException {
    long generation = highestGeneration(fs, folder);
    if (generation == 0) {
      return Optional.empty();
    }
    Path file = new Path(folder, name(generation, "lease"));
    Properties properties = new Properties();
    FileStatus status;
    try (Reader in = new InputStreamReader(fs.open(file), StandardCharsets.UTF_8)) {
      properties.load(in);
      status = fs.getFileStatus(file);
    } catch (java.io.FileNotFoundException e) {
      // cleaned up by a newer generation between the listing and the read
      return read(fs, folder);
    }
    long renewed = status.getModificationTime();
    Path renewal = new Path(folder, name(generation, "renewed"));
    if (fs.exists(renewal)) {
      renewed = Math.max(renewed, fs.getFileStatus(renewal).getModificationTime());
    }
    String processStart = properties.getProperty("process_started_at", "");
    return Optional.of(
        new Holder(
            generation,
            properties.getProperty("host", "?"),
            Long.parseLong(properties.getProperty("pid", "-1")),
            properties.getProperty("pid_namespace", ""),
            processStart.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(processStart)),
            properties.getProperty("command", "?"),
            properties.getProperty("run_id", "?"),
            Instant.parse(
                properties.getProperty(
                    "started_at", Instant.ofEpochMilli(status.getModificationTime()).toString())),
            Instant.ofEpochMilli(renewed),
            fs.exists(new Path(folder, name(generation, "released")))));
  }

  private static long highestGeneration(FileSystem fs, Path folder) throws IOException {
    if (!fs.exists(folder)) {
      return 0;
    }
    long highest = 0;
    for (FileStatus status : fs.listStatus(folder)) {
      Matcher m = GENERATION.matcher(status.getPath().getName());
      if (m.matches()) {
        highest = Math.max(highest, Long.parseLong(m.group(1)));
      }
    }
    return highest;
  }

  /** Deletes the files of generations before {@code keepFrom}. */
  private static void cleanUpBefore(FileSystem fs, Path folder, long keepFrom) throws IOException {
    List<Path> old = new ArrayList<>();
    for (FileStatus status : fs.listStatus(folder)) {
      String fileName = status.getPath().getName();
      if (fileName.startsWith("g-") && fileName.length() > 22) {
        try {
          if (Long.parseLong(fileName.substring(2, 22)) < keepFrom) {
            old.add(status.getPath());
          }
        } catch (NumberFormatException ignored) {
          // not ours
        }
      }
    }
    for (Path path : old) {
      fs.delete(path, false);
    }
  }

  private static String name(long generation, String kind) {
    return String.format(java.util.Locale.ROOT, "g-%020d.%s", generation, kind);
  }

  private static Properties holderProperties(String command, String runId) {
    Properties properties = new Properties();
    ProcessHandle self = ProcessHandle.current();
    properties.setProperty("host", thisHostName());
    properties.setProperty("pid", Long.toString(self.pid()));
    properties.setProperty("pid_namespace", pidNamespace());
    properties.setProperty(
        "process_started_at", self.info().startInstant().map(Instant::toString).orElse(""));
    properties.setProperty("command", command);
    properties.setProperty("run_id", runId);
    properties.setProperty("started_at", Instant.now().toString());
    return properties;
  }

  private static void write(FSDataOutputStream out, Properties properties) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    properties.store(writer, "saima warehouse lease");
    writer.flush();
  }

  private static String cachedHost;

  /**
   * The process-id namespace of this JVM ({@code /proc/self/ns/pid}), or "" where there is none:
   * containers sharing a host name (host networking) each number their processes on their own, so a
   * pid means the same process only within one namespace.
   */
  static String pidNamespace() {
    try {
      return java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/ns/pid"))
          .toString();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return "";
    }
  }

  /** This machine's name, as the lease records it. */
  public static synchronized String thisHostName() {
    if (cachedHost == null) {
      try {
        cachedHost = InetAddress.getLocalHost().getHostName();
      } catch (IOException e) {
        String env = System.getenv("HOSTNAME");
        cachedHost = env == null || env.isBlank() ? "localhost" : env;
      }
    }
    return cachedHost;
  }
}
