package io.saima.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.saima.catalog.BronzeTables;
import io.saima.catalog.ContractChecks;
import io.saima.catalog.OpsTables;
import io.saima.catalog.SilverTables;
import io.saima.catalog.Source;
import io.saima.catalog.TableContract;
import io.saima.catalog.TableId;
import io.saima.catalog.Warehouse;
import io.saima.config.SaimaConfig;
import io.saima.ingest.IngestInputs.LandedDelivery;
import io.saima.ingest.IngestInputs.LandedFile;
import io.saima.ingest.IngestInputs.ReferenceFilesException;
import io.saima.ingest.IngestInputs.ReferenceSnapshot;
import io.saima.ingest.IngestResult.SourcePeriod;
import io.saima.pipeline.TaskProgress;
import java.io.IOException;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lands new deliveries in bronze, quarantine and silver (DESIGN.md, "Landing zone", "Bad input").
 *
 * <p>The order of writes is what makes a run safe to kill: reference tables (only when changed),
 * then per source bronze and quarantine (replaced by delivery) and silver (replaced by period), and
 * then once for the whole night the delivered periods (replaced by source and period), the
 * data-quality rows, and last the {@code ops.deliveries} rows that mark the deliveries as ingested.
 * Every write before the marker replaces a slice that a rerun computes again from the same files,
 * so a run stopped anywhere and run again ends where an uninterrupted run would.
 *
 * <p>Long because the order of its writes is the restart guarantee and is read top to bottom here;
 * the work on lines is in CheckedRows and IngestTransforms.
 */
public final class IngestStage {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

  private final IngestInputs inputs;

  public IngestStage(IngestInputs inputs) {
    this.inputs = inputs;
  }

  public IngestResult run(Warehouse warehouse, SaimaConfig config, String runId, Instant now) {
    return run(warehouse, config, runId, now, Optional.empty());
  }

  /**
   * Ingests what is new; with {@code asOf}, only the deliveries that had arrived by the end of that
   * day ({@link ArrivalCut}), so a backfill replays the nights in order.
   */
  public IngestResult run(
      Warehouse warehouse,
      SaimaConfig config,
      String runId,
      Instant now,
      Optional<LocalDate> asOf) {
    SparkSession spark = warehouse.spark();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Timestamp at = Timestamp.from(now);
    Run run = new Run(warehouse, runId, at);

    ReferenceSnapshot reference;
    try {
      reference = inputs.reference(config.reference(), hadoop);
    } catch (ReferenceFilesException e) {
      throw new IngestException("reference data: " + e.getMessage(), e);
    }
    for (TableId written : writeReference(warehouse, reference)) {
      run.written(written);
    }

    Map<String, Map<String, Row>> ingested = run.ingestedFiles();
    LandingScanner.Listing listing;
    try {
      listing = inputs.scan(config.landing(), hadoop, now, known(ingested));
    } catch (IOException e) {
      throw new IngestException(
          "cannot list the landing folder " + config.landing() + ": " + e.getMessage(), e);
    }
    List<LandedDelivery> landed = listing.ready();
    List<LandingScanner.Waiting> waiting = listing.waiting();
    List<LandingScanner.Refused> unreadable = listing.refused();
    if (asOf.isPresent()) {
      ArrivalCut.Split split = ArrivalCut.at(landed, asOf.get());
      if (!split.leftForLater().isEmpty()) {
        List<String> later = split.leftForLater();
        LOG.info(
            "as of {}: {} deliveries left for a later night{}",
            asOf.get(),
            later.size(),
            later.size() <= 5
                ? ": " + later
                : ", the first: " + later.subList(0, 5) + " (all of them at DEBUG)");
        LOG.debug("as of {}: left for a later night: {}", asOf.get(), later);
      }
      landed = split.arrived();
      LocalDate day = asOf.get();
      waiting = waiting.stream().filter(w -> ArrivalCut.arrivedBy(w.delivery(), day)).toList();
      unreadable =
          unreadable.stream().filter(r -> ArrivalCut.arrivedBy(r.delivery(), day)).toList();
    }
    for (LandingScanner.Waiting held : waiting) {
      run.waiting.add(held.source().id() + "/" + held.delivery() + ": " + held.reason());
    }
    for (String stray : listing.strays()) {
      run.refuse(stray);
    }
    Map<Source, List<Row>> refusedRows = new TreeMap<>();
    for (LandingScanner.Refused refused : unreadable) {
      String message =
          refused.source().id()
              + "/"
              + refused.delivery()
              + " refused: "
              + refused.reason()
              + ". Nothing of this delivery is applied; it is tried again the next night.";
      run.refuse(message);
      List<Row> rows = refusedRows.computeIfAbsent(refused.source(), s -> new ArrayList<>());
      LandedDelivery delivery =
          new LandedDelivery(refused.source(), refused.delivery(), refused.files());
      List<LandedFile> files =
          refused.files().isEmpty() ? List.of(new LandedFile("", "", 0, 0, null)) : refused.files();
      for (LandedFile file : files) {
        rows.add(run.deliveryRow(delivery, file, null, OpsTables.REFUSED, message));
      }
    }
    Map<Source, List<LandedDelivery>> fresh = new TreeMap<>();
    for (LandedDelivery delivery : landed) {
      Map<String, Row> before = ingested.get(key(delivery.source(), delivery.delivery()));
      if (before == null) {
        fresh.computeIfAbsent(delivery.source(), s -> new ArrayList<>()).add(delivery);
        continue;
      }
      List<String> changes = changes(delivery, before);
      if (!changes.isEmpty()) {
        String message =
            delivery.source().id()
                + "/"
                + delivery.delivery()
                + " was ingested before and has changed since: "
                + String.join("; ", changes)
                + ". Nothing of it is applied; deliver the change as a new delivery folder.";
        run.refuse(message);
        List<Row> rows = refusedRows.computeIfAbsent(delivery.source(), s -> new ArrayList<>());
        for (LandedFile file : delivery.files()) {
          rows.add(run.deliveryRow(delivery, file, null, OpsTables.REFUSED, message));
        }
      }
    }

    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Serializable> lookup = context.broadcast(reference.lookup());
    Broadcast<SerializableConfiguration> hadoopConf =
        context.broadcast(new SerializableConfiguration(hadoop));
    List<Row> opsRows = new ArrayList<>();
    for (Source source : Source.values()) {
      List<LandedDelivery> deliveries = fresh.getOrDefault(source, List.of());
      opsRows.addAll(refusedRows.getOrDefault(source, List.of()));
      if (!deliveries.isEmpty()) {
        opsRows.addAll(run.applySource(source, deliveries, lookup, hadoopConf));
      }
    }
    lookup.destroy();
    hadoopConf.destroy();
    run.finish(opsRows);
    return new IngestResult(
        run.rewritten, run.refusals, run.waiting, run.failedChecks, run.rows, run.versions);
  }

  /**
   * Writes the reference tables of silver from the reference files; small, so each is rewritten
   * only when its content changed. Returns the tables written.
   */
  static List<TableId> writeReference(Warehouse warehouse, ReferenceSnapshot reference) {
    List<TableId> written = new ArrayList<>();
    writeReference(warehouse, SilverTables.REGIONS, reference.regions()).ifPresent(written::add);
    writeReference(warehouse, SilverTables.UNITS, reference.units()).ifPresent(written::add);
    writeReference(warehouse, SilverTables.FX_RATES, reference.fxRates()).ifPresent(written::add);
    writeReference(warehouse, SilverTables.TARGETS, reference.targets()).ifPresent(written::add);
    return written;
  }

  /**
   * Each write records the content it wrote as a fingerprint in its commit ({@link
   * #referenceNote}). A night whose files give the fingerprint of the table's latest change of
   * content reads nothing more, so a quiet night runs no Spark job here; a change without it (an
   * older warehouse, an edit by hand) has the table's rows compared instead.
   */
  private static Optional<TableId> writeReference(
      Warehouse warehouse, TableContract contract, List<Object[]> values) {
    SparkSession spark = warehouse.spark();
    StructType schema = contract.schema();
    List<Row> list = new ArrayList<>();
    for (Object[] value : values) {
      Object[] typed = new Object[value.length];
      for (int i = 0; i < value.length; i++) {
        typed[i] = CheckedRows.coerce(value[i], schema.fields()[i].dataType());
      }
      list.add(RowFactory.create(typed));
    }
    List<String> after = list.stream().map(Row::toString).sorted().toList();
    String note = referenceNote(schema, after);
    Optional<String> latest = warehouse.contentNote(contract.id());
    if (latest.isPresent() && latest.get().equals(note)) {
      return Optional.empty();
    }
    if (warehouse.exists(contract.id())) {
      // Small tables: compared on the driver, as multisets of rows.
      List<String> before =
          warehouse.read(contract.id()).select(columns(schema)).collectAsList().stream()
              .map(Row::toString)
              .sorted()
              .toList();
      if (before.equals(after)) {
        return Optional.empty();
      }
    }
    warehouse.overwrite(contract, spark.createDataFrame(list, schema), note);
    LOG.info("{}: {} rows from the reference files", contract.id(), list.size());
    return Optional.of(contract.id());
  }

  /**
   * The fingerprint of a reference table's content: SHA-256 of its columns and types and of its
   * rows in sorted order, so the same rows in another order give the same fingerprint.
   */
  static String referenceNote(StructType schema, List<String> sortedRows) {
    try {
      java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
      digest.update(schema.json().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      for (String row : sortedRows) {
        digest.update((byte) '\n');
        digest.update(row.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      return "saima reference sha256:" + java.util.HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static org.apache.spark.sql.Column[] columns(StructType schema) {
    return java.util.Arrays.stream(schema.fieldNames())
        .map(org.apache.spark.sql.functions::col)
        .toArray(org.apache.spark.sql.Column[]::new);
  }

  /**
   * The files of the deliveries ingested so far, by {@code source/delivery} and file name: size,
   * SHA-256 and modification time as recorded in ops.deliveries.
   */
  private static Map<String, Map<String, Row>> ingestedFiles(Warehouse warehouse) {
    Map<String, Map<String, Row>> out = new LinkedHashMap<>();
    if (!warehouse.exists(OpsTables.DELIVERIES.id())) {
      return out;
    }
    Dataset<Row> deliveries = warehouse.read(OpsTables.DELIVERIES.id());
    // Rows of warehouses written before the modification time was recorded have none.
    org.apache.spark.sql.Column modified =
        java.util.Arrays.asList(deliveries.columns()).contains("modified")
            ? col("modified")
            : org.apache.spark.sql.functions.lit(null).cast(DataTypes.TimestampType);
    for (Row row :
        deliveries
            .where(col("status").equalTo(OpsTables.INGESTED))
            .select(
                col("source"), col("delivery"), col("file"), col("bytes"), col("sha256"), modified)
            .collectAsList()) {
      out.computeIfAbsent(row.getString(0) + "/" + row.getString(1), k -> new TreeMap<>())
          .put(
              row.getString(2),
              RowFactory.create(row.getLong(3), row.getString(4), row.getTimestamp(5)));
    }
    return out;
  }

  /**
   * What the next ingest would find in the landing folder, without reading a line or writing
   * anything: the same listing and the same comparison with ops.deliveries as {@link #run}, for
   * {@code saima status}.
   */
  public record Pending(
      List<String> ready,
      List<String> changed,
      List<String> waiting,
      List<String> refused,
      List<String> strays) {}

  /** The landing folder as the next ingest would see it as of {@code now}. */
  public Pending pending(Warehouse warehouse, SaimaConfig config, Instant now) throws IOException {
    Configuration hadoop = warehouse.spark().sparkContext().hadoopConfiguration();
    Map<String, Map<String, Row>> ingested = ingestedFiles(warehouse);
    LandingScanner.Listing listing = inputs.scan(config.landing(), hadoop, now, known(ingested));
    List<String> ready = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (LandedDelivery delivery : listing.ready()) {
      String name = key(delivery.source(), delivery.delivery());
      Map<String, Row> before = ingested.get(name);
      if (before == null) {
        ready.add(name + " (" + delivery.files().size() + " files)");
      } else {
        List<String> changes = changes(delivery, before);
        if (!changes.isEmpty()) {
          changed.add(name + ": " + String.join("; ", changes));
        }
      }
    }
    List<String> waiting = new ArrayList<>();
    for (LandingScanner.Waiting held : listing.waiting()) {
      waiting.add(key(held.source(), held.delivery()) + ": " + held.reason());
    }
    List<String> refused = new ArrayList<>();
    for (LandingScanner.Refused bad : listing.refused()) {
      refused.add(key(bad.source(), bad.delivery()) + ": " + bad.reason());
    }
    return new Pending(ready, changed, waiting, refused, listing.strays());
  }

  private static String key(Source source, String delivery) {
    return source.id() + "/" + delivery;
  }

  /**
   * The hashes of ingested files listed again with the size and modification time they had when
   * read; any other file is hashed. A change that keeps both (rare: a tool that restores the time)
   * goes unseen, as it would by rsync or make.
   */
  static LandingScanner.KnownHashes known(Map<String, Map<String, Row>> ingested) {
    return (source, delivery, file) -> {
      Map<String, Row> files = ingested.get(key(source, delivery));
      Row before = files == null ? null : files.get(file.fileName());
      if (before == null
          || before.isNullAt(2)
          || file.modified() <= 0
          || before.getLong(0) != file.bytes()
          || before.getTimestamp(2).getTime() != file.modified()) {
        return Optional.empty();
      }
      return Optional.of(before.getString(1));
    };
  }

  /** What changed in an ingested delivery, file by file; empty when nothing did. */
  static List<String> changes(LandedDelivery delivery, Map<String, Row> before) {
    List<String> out = new ArrayList<>();
    Set<String> now = new TreeSet<>();
    for (LandedFile file : delivery.files()) {
      now.add(file.fileName());
      Row old = before.get(file.fileName());
      if (old == null) {
        out.add("file " + file.fileName() + " was added");
      } else if (old.getLong(0) != file.bytes() || !old.getString(1).equals(file.sha256())) {
        out.add(
            "file "
                + file.fileName()
                + " changed ("
                + old.getLong(0)
                + " -> "
                + file.bytes()
                + " bytes, sha256 "
                + abbreviate(old.getString(1))
                + " -> "
                + abbreviate(file.sha256())
                + ")");
      }
    }
    for (String name : new TreeSet<>(before.keySet())) {
      if (!now.contains(name)) {
        out.add("file " + name + " was removed");
      }
    }
    return out;
  }

  private static String abbreviate(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
  }

  /**
   * Every line of these deliveries' files, read on the executors, one file per task, as rows of
   * {@link CheckedRows#landed(Source)}, with one row naming the problem in {@code _refused} for a
   * file that cannot be read at all. Nothing is judged and nothing is written.
   */
  static Dataset<Row> landLines(
      SparkSession spark,
      Source source,
      List<LandedDelivery> deliveries,
      IngestInputs.FileRecords records,
      Broadcast<SerializableConfiguration> hadoopConf) {
    List<Row> tasks = new ArrayList<>();
    for (LandedDelivery delivery : deliveries) {
      for (LandedFile file : delivery.files()) {
        tasks.add(RowFactory.create(delivery.delivery(), file.path(), file.fileName()));
      }
    }
    int partitions =
        Math.max(1, Math.min(tasks.size(), spark.sparkContext().defaultParallelism() * 4));
    return spark
        .createDataFrame(tasks, CheckedRows.TASKS)
        .repartition(partitions)
        .flatMap(
            new CheckedRows.LandFile(records, hadoopConf, source),
            Encoders.row(CheckedRows.landed(source)));
  }

  /**
   * Lines with the columns of {@code bronze.<source>} judged against the landing contract: rows of
   * {@link CheckedRows#schema(Source)}, ready for the rules of {@link IngestTransforms}. The same
   * function serves the night (the lines it just landed) and a rebuild (the whole of bronze).
   */
  public static Dataset<Row> check(
      Dataset<Row> bronzeLines, Source source, Broadcast<Serializable> lookup) {
    return bronzeLines.mapPartitions(
        new CheckedRows.Validate(source, lookup), Encoders.row(CheckedRows.schema(source)));
  }

  /** The state of one run: what it wrote and found. */
  private final class Run {
    private final Warehouse warehouse;
    private final SparkSession spark;
    private final String runId;
    private final Timestamp at;
    final Set<SourcePeriod> rewritten = new TreeSet<>();
    final List<String> refusals = new ArrayList<>();
    final List<String> waiting = new ArrayList<>();
    final List<String> failedChecks = new ArrayList<>();
    final Map<String, Long> rows = new TreeMap<>();
    final Map<String, Long> versions = new TreeMap<>();

    /**
     * The night's silver.delivered_periods rows and the slices they replace, written at the end.
     */
    private final List<Row> periodRows = new ArrayList<>();

    private final List<String> periodSlices = new ArrayList<>();
    private final List<Row> qualityRows = new ArrayList<>();

    Run(Warehouse warehouse, String runId, Timestamp at) {
      this.warehouse = warehouse;
      this.spark = warehouse.spark();
      this.runId = runId;
      this.at = at;
    }

    void refuse(String message) {
      LOG.error("refused: {}", message);
      refusals.add(message);
    }

    void count(String name, long value) {
      rows.merge(name, value, Long::sum);
    }

    void written(TableId id) {
      versions.put(id.qualified(), warehouse.version(id).orElseThrow());
    }

    /**
     * Writes what the sources' slices left for the end, one commit a table: the delivered periods,
     * the data-quality rows and last the {@code ops.deliveries} rows, the commit marker of every
     * delivery of the night. A run stopped before the marker leaves its deliveries unmarked, so the
     * next run reads them again and replaces the same slices with the same rows.
     */
    void finish(List<Row> opsRows) {
      if (!periodSlices.isEmpty()) {
        warehouse.replaceWhere(
            SilverTables.DELIVERED_PERIODS,
            spark.createDataFrame(periodRows, SilverTables.DELIVERED_PERIODS.schema()),
            Warehouse.anyOf(periodSlices));
        written(SilverTables.DELIVERED_PERIODS.id());
      }
      if (!qualityRows.isEmpty()) {
        append(OpsTables.DATA_QUALITY, qualityRows);
      }
      if (!opsRows.isEmpty()) {
        append(OpsTables.DELIVERIES, opsRows);
      }
    }

    void append(TableContract contract, List<Row> list) {
      warehouse.append(contract, spark.createDataFrame(list, contract.schema()));
      written(contract.id());
    }

    /** Files of ingested deliveries: (bytes, sha256) by file name, by source/delivery. */
    Map<String, Map<String, Row>> ingestedFiles() {
      return IngestStage.ingestedFiles(warehouse);
    }

    Row deliveryRow(
        LandedDelivery delivery,
        LandedFile file,
        LineCounts.Counts counts,
        String status,
        String detail) {
      boolean counted = counts != null;
      return RowFactory.create(
          delivery.source().id(),
          delivery.delivery(),
          file.fileName(),
          file.bytes(),
          file.sha256(),
          counted ? counts.lines() : null,
          counted ? counts.accepted() : null,
          counted ? counts.quarantined() : null,
          counted ? counts.duplicates() + counts.conflicts() : null,
          status,
          detail,
          runId,
          at,
          file.modified() > 0 ? new Timestamp(file.modified()) : null);
    }

    /** Reads, checks and writes the new deliveries of one source; returns its ops rows. */
    List<Row> applySource(
        Source source,
        List<LandedDelivery> deliveries,
        Broadcast<Serializable> lookup,
        Broadcast<SerializableConfiguration> hadoopConf) {
      long files = deliveries.stream().mapToLong(d -> d.files().size()).sum();
      long bytes =
          deliveries.stream().flatMap(d -> d.files().stream()).mapToLong(LandedFile::bytes).sum();
      LOG.info(
          "{}: reading {} files of {} deliveries ({} MB)",
          source.id(),
          files,
          deliveries.size(),
          String.format(java.util.Locale.ROOT, "%.1f", bytes / 1e6));
      // The read runs in the stages of the first action below: named so the progress finds them.
      String stageName = "saima ingest " + source.id();
      spark.sparkContext().setCallSite(stageName);
      Dataset<Row> landed =
          landLines(spark, source, deliveries, inputs.records(source), hadoopConf)
              .persist(StorageLevel.MEMORY_AND_DISK());
      try (TaskProgress progress =
          TaskProgress.start(
              spark.sparkContext(),
              stageName,
              "ingest " + source.id(),
              "files",
              files,
              TaskProgress.Units.shuffleRecordsRead())) {
        return applyLanded(source, deliveries, landed, lookup, spark.sparkContext()::clearCallSite);
      } finally {
        spark.sparkContext().clearCallSite();
        landed.unpersist();
      }
    }

    /**
     * @param read called once the files have been read (the first action), to end the naming of the
     *     stages that read them
     */
    private List<Row> applyLanded(
        Source source,
        List<LandedDelivery> deliveries,
        Dataset<Row> landed,
        Broadcast<Serializable> lookup,
        Runnable read) {
      Map<String, String> unreadable = new TreeMap<>();
      for (Row row :
          landed
              .where(col("_refused").isNotNull())
              .select("_delivery", "_refused")
              .collectAsList()) {
        unreadable.merge(row.getString(0), row.getString(1), (a, b) -> a + "; " + b);
      }
      read.run();
      List<Row> opsRows = new ArrayList<>();
      List<LandedDelivery> applied = new ArrayList<>();
      for (LandedDelivery delivery : deliveries) {
        String problem = unreadable.get(delivery.delivery());
        if (problem == null) {
          applied.add(delivery);
          continue;
        }
        String message =
            source.id()
                + "/"
                + delivery.delivery()
                + " refused: "
                + problem
                + ". Nothing of this delivery is applied.";
        refuse(message);
        for (LandedFile file : delivery.files()) {
          opsRows.add(deliveryRow(delivery, file, null, OpsTables.REFUSED, message));
        }
      }
      if (applied.isEmpty()) {
        return opsRows;
      }
      List<String> names = applied.stream().map(LandedDelivery::delivery).toList();
      Dataset<Row> lines =
          landed
              .where(col("_refused").isNull().and(col("_delivery").isin(names.toArray())))
              .drop("_refused");
      Dataset<Row> classified =
          IngestTransforms.classify(check(lines, source, lookup), source)
              .persist(StorageLevel.MEMORY_AND_DISK());
      try {
        opsRows.addAll(write(source, applied, lines, classified));
      } finally {
        classified.unpersist();
      }
      return opsRows;
    }

    private List<Row> write(
        Source source, List<LandedDelivery> applied, Dataset<Row> lines, Dataset<Row> classified) {
      // Accounting first: a run whose lines do not add up writes nothing of the source. Lines read,
      // kept and quarantined are counted per file, period and reason in one pass, with what else
      // the night needs to know of them (LineCounts).
      LineCounts counts = new LineCounts(IngestTransforms.lineSummary(classified).collectAsList());
      LineCounts.Counts total = counts.total();
      long linesRead = total.lines();
      long accepted = total.accepted();
      long quarantined = total.quarantined();
      long duplicates = total.duplicates() + total.conflicts();
      for (Map.Entry<String, LineCounts.Counts> file : counts.files().entrySet()) {
        long unknownTowns = file.getValue().unknownTowns();
        if (unknownTowns > 0) {
          LOG.warn(
              "{}/{}: {} rows with a town code not in units.csv; kept with the town left empty",
              source.id(),
              file.getKey(),
              unknownTowns);
        }
      }
      if (linesRead != accepted + quarantined) {
        throw new IngestException(
            source.id()
                + ": lines read ("
                + linesRead
                + ") != rows accepted ("
                + accepted
                + ") + rows quarantined ("
                + quarantined
                + "); nothing of this source was written");
      }
      Map<String, Long> byReason = counts.byReason();
      Dataset<Row> quarantine = IngestTransforms.quarantineRows(classified, lit(at));

      List<Row> latestRows = new ArrayList<>();
      List<Row> periodRows = new ArrayList<>();
      for (Map.Entry<Integer, String> month : counts.latest().entrySet()) {
        latestRows.add(RowFactory.create(month.getKey(), month.getValue()));
        periodRows.add(
            RowFactory.create(
                source.id(),
                month.getKey(),
                month.getValue(),
                counts.silverRows(month.getKey()),
                at));
      }
      Dataset<Row> latest =
          spark.createDataFrame(
              latestRows,
              new StructType()
                  .add("period", DataTypes.IntegerType, false)
                  .add("_delivery", DataTypes.StringType, false));
      Dataset<Row> silver = IngestTransforms.silverRows(classified, latest, source);
      long silverRows = periodRows.stream().mapToLong(r -> r.getLong(3)).sum();

      String deliveries =
          applied.stream()
              .map(d -> "'" + d.delivery().replace("'", "''") + "'")
              .collect(Collectors.joining(", "));
      replaceDeliveries(
          BronzeTables.rows(source),
          lines.withColumn("_ingested_at", lit(at)),
          deliveries,
          linesRead);
      replaceDeliveries(BronzeTables.quarantine(source), quarantine, deliveries, quarantined);
      List<Object[]> checks = new ArrayList<>();
      if (!latestRows.isEmpty()) {
        String periods =
            latestRows.stream()
                .map(r -> Integer.toString(r.getInt(0)))
                .sorted()
                .collect(Collectors.joining(", "));
        warehouse.replaceWhere(SilverTables.of(source), silver, "period IN (" + periods + ")");
        written(SilverTables.of(source).id());
        this.periodRows.addAll(periodRows);
        periodSlices.add("source = '" + source.id() + "' AND period IN (" + periods + ")");
        for (Row row : latestRows) {
          rewritten.add(new SourcePeriod(source, row.getInt(0)));
        }
        if (silverRows > 0) {
          for (ContractChecks.Outcome outcome :
              ContractChecks.run(spark, SilverTables.of(source), silver)) {
            checks.add(new Object[] {outcome.name(), outcome.result(), outcome.message()});
            if (!outcome.passed()) {
              String message =
                  "silver." + source.id() + ": " + outcome.name() + " " + outcome.message();
              LOG.error("data-quality check failed: {}", message);
              failedChecks.add(message);
            }
          }
        }
      }
      LOG.info(
          "{}: {} deliveries, {} lines read, {} accepted, {} quarantined {}, {} silver rows in {}"
              + " periods",
          source.id(),
          applied.size(),
          linesRead,
          accepted,
          quarantined,
          byReason,
          silverRows,
          latestRows.size());
      count("lines_read", linesRead);
      count("rows_accepted", accepted);
      count("rows_quarantined", quarantined);
      count("silver_rows", silverRows);
      count("deliveries_ingested", applied.size());

      checks.add(
          0,
          new Object[] {
            "accounting: lines_read = rows_accepted + rows_quarantined",
            "Success",
            linesRead + " = " + accepted + " + " + quarantined
          });
      for (Object[] check : checks) {
        qualityRows.add(
            RowFactory.create(
                runId,
                source.id(),
                linesRead,
                linesRead,
                accepted,
                silverRows,
                quarantined,
                byReason,
                duplicates,
                check[0],
                check[1],
                check[2],
                at));
      }

      List<Row> opsRows = new ArrayList<>();
      for (LandedDelivery delivery : applied) {
        for (LandedFile file : delivery.files()) {
          // An empty or header-only file has no lines: counted as 0, not unknown.
          opsRows.add(
              deliveryRow(
                  delivery,
                  file,
                  counts.file(delivery.delivery(), file.fileName()),
                  OpsTables.INGESTED,
                  null));
        }
      }
      return opsRows;
    }

    /**
     * Replaces the rows of these deliveries. Skipped only when there is nothing to write and
     * nothing to remove, so a clean first delivery does not cost a commit on an empty slice.
     */
    private void replaceDeliveries(
        TableContract contract, Dataset<Row> rows, String deliveries, long rowCount) {
      String condition = "_delivery IN (" + deliveries + ")";
      if (rowCount == 0
          && warehouse.exists(contract.id())
          && warehouse.read(contract.id()).where(condition).isEmpty()) {
        return;
      }
      warehouse.replaceWhere(contract, rows, condition);
      written(contract.id());
    }
  }
}
