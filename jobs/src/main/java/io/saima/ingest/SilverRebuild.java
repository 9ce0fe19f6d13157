package io.saima.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;

import io.saima.catalog.BronzeTables;
import io.saima.catalog.OpsTables;
import io.saima.catalog.SilverTables;
import io.saima.catalog.Source;
import io.saima.catalog.TableContract;
import io.saima.catalog.TableId;
import io.saima.catalog.Warehouse;
import io.saima.config.SaimaConfig;
import io.saima.ingest.IngestInputs.ReferenceFilesException;
import io.saima.ingest.IngestInputs.ReferenceSnapshot;
import io.saima.ingest.IngestResult.SourcePeriod;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code saima rebuild}: silver, quarantine and the delivered periods judged again from bronze and
 * the reference files alone, with no landing file read. Every line of every delivery that {@code
 * ops.deliveries} marks as ingested goes through the same checks and rules as on the night it
 * arrived ({@link IngestStage#check}, {@link IngestTransforms}); for each period the rows of the
 * delivery applied last stand, as they did after that night: deliveries applied in one night in
 * name order, and a later night over an earlier one. So on an unchanged warehouse the tables come
 * out equal to what the nights wrote, and after a change of the rules or the reference data they
 * come out as if every night had run with the change.
 *
 * <p>Each table is replaced whole in one commit, after everything is computed; a rebuild stopped
 * part-way is finished by running it again.
 */
public final class SilverRebuild {
  private static final Logger LOG = LoggerFactory.getLogger(SilverRebuild.class);

  private final IngestInputs inputs;

  public SilverRebuild(IngestInputs inputs) {
    this.inputs = inputs;
  }

  /** What a rebuild rewrote: every (source, period) it replaced in silver, and the counts. */
  public record Result(Set<SourcePeriod> periods, Map<String, Long> rows) {}

  /**
   * The months a partial rebuild replaces, YYYYMM, both included: their silver rows and delivered
   * periods, and the quarantine of every delivery that brought one of them.
   */
  public record Months(int from, int to) {
    public Months {
      if (from > to) {
        throw new IllegalArgumentException("the first month " + from + " is after the last " + to);
      }
    }

    /** The condition on {@code period}; built from two integers, never from text. */
    String condition() {
      return "period BETWEEN " + from + " AND " + to;
    }

    org.apache.spark.sql.Column contains(org.apache.spark.sql.Column period) {
      return period.between(from, to);
    }
  }

  /** Rebuilds every month. */
  public Result run(Warehouse warehouse, SaimaConfig config) {
    return run(warehouse, config, Optional.empty());
  }

  /** Rebuilds the given months, or every month when empty. */
  public Result run(Warehouse warehouse, SaimaConfig config, Optional<Months> months) {
    SparkSession spark = warehouse.spark();
    ReferenceSnapshot reference;
    try {
      reference = inputs.reference(config.reference(), spark.sparkContext().hadoopConfiguration());
    } catch (ReferenceFilesException e) {
      throw new IngestException("reference data: " + e.getMessage(), e);
    }
    Dataset<Row> ingested =
        warehouse
            .readOrEmpty(OpsTables.DELIVERIES)
            .where(col("status").equalTo(OpsTables.INGESTED))
            .select(col("source"), col("delivery").as("_delivery"))
            .distinct();
    // Checked for every source before anything is written.
    for (Source source : Source.values()) {
      TableId id = BronzeTables.rows(source).id();
      if (warehouse.exists(id)) {
        requireLinesAsWritten(
            warehouse.read(id), ingestedRows(warehouse.read(id), ingested, source), source);
      }
    }
    IngestStage.writeReference(warehouse, reference);

    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Serializable> lookup = context.broadcast(reference.lookup());
    Set<SourcePeriod> periods = new TreeSet<>();
    Map<String, Long> rows = new TreeMap<>();
    List<Row> periodRows = new ArrayList<>();
    try {
      for (Source source : Source.values()) {
        periodRows.addAll(rebuild(warehouse, source, ingested, lookup, months, periods, rows));
      }
    } finally {
      lookup.destroy();
    }
    Dataset<Row> delivered =
        spark.createDataFrame(periodRows, SilverTables.DELIVERED_PERIODS.schema());
    if (months.isPresent()) {
      warehouse.replaceWhere(SilverTables.DELIVERED_PERIODS, delivered, months.get().condition());
    } else {
      warehouse.overwrite(SilverTables.DELIVERED_PERIODS, delivered);
    }
    return new Result(periods, rows);
  }

  /** The bronze rows of the deliveries whose ingest finished. */
  private static Dataset<Row> ingestedRows(
      Dataset<Row> bronze, Dataset<Row> ingested, Source source) {
    return bronze.join(
        ingested.where(col("source").equalTo(source.id())).drop("source"),
        new String[] {"_delivery"},
        "left_semi");
  }

  /**
   * Bronze written before it kept each line as written ({@code _raw}, {@code _surplus_fields})
   * cannot be judged again to the same quarantine: a rebuild refuses it, naming the deliveries,
   * rather than turn their bad lines into good ones.
   */
  private static void requireLinesAsWritten(
      Dataset<Row> table, Dataset<Row> bronze, Source source) {
    List<String> columns = java.util.Arrays.asList(table.columns());
    String hint =
        " was ingested before bronze kept each line as written (_raw, _surplus_fields), so it"
            + " cannot be judged again from bronze; deliver it again as a new delivery folder"
            + " or rebuild into a new warehouse from the landing files. Nothing was rebuilt.";
    if (!columns.contains("_raw") || !columns.contains("_surplus_fields")) {
      throw new IngestException("bronze." + source.id() + hint);
    }
    List<String> old =
        bronze
            .where(col("_raw").isNull())
            .select("_delivery")
            .distinct()
            .as(Encoders.STRING())
            .collectAsList();
    if (!old.isEmpty()) {
      throw new IngestException(
          source.id() + " deliveries " + old.stream().sorted().limit(5).toList() + hint);
    }
  }

  private static List<Row> rebuild(
      Warehouse warehouse,
      Source source,
      Dataset<Row> ingested,
      Broadcast<Serializable> lookup,
      Optional<Months> months,
      Set<SourcePeriod> periods,
      Map<String, Long> rows) {
    TableContract bronzeContract = BronzeTables.rows(source);
    if (!warehouse.exists(bronzeContract.id())) {
      LOG.info("{}: no bronze rows; nothing to rebuild", source.id());
      return List.of();
    }
    // Only deliveries whose ingest finished: a night stopped before its marker left bronze rows
    // that the next night writes again.
    Dataset<Row> bronze = ingestedRows(warehouse.read(bronzeContract.id()), ingested, source);
    Dataset<Row> appliedAt = bronze.groupBy("_delivery").agg(max("_ingested_at").as("applied_at"));
    Dataset<Row> classified =
        IngestTransforms.classify(
                IngestStage.check(bronze.drop("_ingested_at"), source, lookup), source)
            .join(appliedAt, "_delivery")
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      // The delivery that stands for a period is the one applied last: a later night over an
      // earlier one, and within a night the last by name.
      Dataset<Row> brought =
          IngestTransforms.deliveredPeriods(classified).join(appliedAt, "_delivery");
      if (months.isPresent()) {
        brought = brought.where(months.get().contains(col("period")));
      }
      Dataset<Row> latest =
          brought
              .groupBy("period")
              .agg(max(struct(col("applied_at"), col("_delivery"))).as("last"))
              .select(
                  col("period"),
                  col("last._delivery").as("_delivery"),
                  col("last.applied_at").as("applied_at"));
      Dataset<Row> silver = IngestTransforms.silverRows(classified, latest, source);
      Dataset<Row> quarantine = IngestTransforms.quarantineRows(classified, col("applied_at"));
      if (months.isEmpty()) {
        warehouse.overwrite(SilverTables.of(source), silver);
        warehouse.overwrite(BronzeTables.quarantine(source), quarantine);
      } else {
        List<String> touched =
            brought.select("_delivery").distinct().as(Encoders.STRING()).collectAsList();
        if (touched.isEmpty()) {
          LOG.info("{}: no delivery brought a month of {}", source.id(), months.get());
          return List.of();
        }
        warehouse.replaceWhere(SilverTables.of(source), silver, months.get().condition());
        warehouse.replaceWhere(
            BronzeTables.quarantine(source),
            quarantine.where(col("_delivery").isin(touched.toArray())),
            "_delivery IN ("
                + touched.stream()
                    .map(d -> "'" + d.replace("'", "''") + "'")
                    .collect(java.util.stream.Collectors.joining(", "))
                + ")");
      }

      List<Row> delivered =
          IngestTransforms.deliveredPeriodRows(
                  latest,
                  warehouse.read(SilverTables.of(source).id()),
                  source,
                  latest.col("applied_at"))
              .collectAsList();
      long silverRows = 0;
      for (Row row : delivered) {
        periods.add(new SourcePeriod(source, row.getInt(1)));
        silverRows += row.getLong(3);
      }
      rows.merge("silver_rows", silverRows, Long::sum);
      if (months.isEmpty()) {
        rows.merge(
            "rows_quarantined",
            classified.where(col("quarantine_reason").isNotNull()).count(),
            Long::sum);
      }
      LOG.info(
          "{}: silver rebuilt from bronze, {} rows in {} periods",
          source.id(),
          silverRows,
          delivered.size());
      return delivered;
    } finally {
      classified.unpersist();
    }
  }
}
