package io.saima.pipeline;

import io.saima.catalog.Warehouse;
import io.saima.config.SaimaConfig;
import io.saima.ingest.IngestResult.SourcePeriod;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the stages of one run share: where to read and write, the run's identity, and what earlier
 * stages found — above all which (source, period) pairs ingest rewrote, so later stages recompute
 * only those.
 */
public final class NightContext {
  private final Warehouse warehouse;
  private final SaimaConfig config;
  private final String runId;
  private final Instant startedAt;
  private final LocalDate asOf;
  private final Set<SourcePeriod> rewritten = new TreeSet<>();
  private final List<String> problems = new ArrayList<>();
  private final List<String> waiting = new ArrayList<>();
  private final Map<String, Long> rows = new TreeMap<>();
  private final Map<String, Long> versions = new TreeMap<>();
  private final Set<Integer> rebuiltPeriods = new TreeSet<>();
  private final Set<SourcePeriod> recomputed = new TreeSet<>();
  private final List<StageRun> stages = new ArrayList<>();
  private Map<io.saima.catalog.TableId, Long> versionsBeforeMaintenance;
  private boolean fullBuild;

  public NightContext(
      Warehouse warehouse, SaimaConfig config, String runId, Instant startedAt, LocalDate asOf) {
    this.warehouse = warehouse;
    this.config = config;
    this.runId = runId;
    this.startedAt = startedAt;
    this.asOf = asOf;
  }

  public Warehouse warehouse() {
    return warehouse;
  }

  public SaimaConfig config() {
    return config;
  }

  public String runId() {
    return runId;
  }

  public Instant startedAt() {
    return startedAt;
  }

  /** The day the night is run for ({@code --as-of}); empty means today. */
  public Optional<LocalDate> asOf() {
    return Optional.ofNullable(asOf);
  }

  /** Silver (source, period) pairs rewritten by this run's ingest. */
  public Set<SourcePeriod> rewritten() {
    return rewritten;
  }

  /** Problems that make the night partial (exit 3). */
  public List<String> problems() {
    return problems;
  }

  /** Deliveries still arriving, left for a later night; they do not make the night partial. */
  public List<String> waiting() {
    return waiting;
  }

  /** Row counts to record in {@code ops.job_runs}; stages add to them. */
  public Map<String, Long> rows() {
    return rows;
  }

  /** The Delta version of each table written, by qualified name. */
  public Map<String, Long> versions() {
    return versions;
  }

  /**
   * Silver (source, period) pairs recomputed from bronze without a new delivery ({@code nightly
   * --from … --to …}): the build rebuilds them as if they had been delivered again.
   */
  public Set<SourcePeriod> recomputed() {
    return recomputed;
  }

  /**
   * The version of every table just before the night's maintenance compacted them, when it did:
   * OPTIMIZE commits rewrite files, not data, so the versions a run records as written are these.
   */
  public Optional<Map<io.saima.catalog.TableId, Long>> versionsBeforeMaintenance() {
    return Optional.ofNullable(versionsBeforeMaintenance);
  }

  public void markMaintenance(Map<io.saima.catalog.TableId, Long> versionsBefore) {
    this.versionsBeforeMaintenance = versionsBefore;
  }

  /** The stages run so far, in order, with their outcome and duration. */
  public List<StageRun> stages() {
    return stages;
  }

  /** The gold periods the build stage rewrote; scoring rescores only these. */
  public Set<Integer> rebuiltPeriods() {
    return rebuiltPeriods;
  }

  /** True when the build stage rebuilt every period (first night, or no earlier build). */
  public boolean fullBuild() {
    return fullBuild;
  }

  public void markFullBuild() {
    fullBuild = true;
  }
}
