package io.saima.catalog;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Contracts of the audit tables: what was ingested, every run, and every data-quality check. */
public final class OpsTables {
  private OpsTables() {}

  public static final String DATABASE = "ops";

  /** Status of a file in {@link #DELIVERIES}: applied to bronze and silver. */
  public static final String INGESTED = "ingested";

  /** Status of a file in {@link #DELIVERIES}: its delivery was refused; nothing of it applied. */
  public static final String REFUSED = "refused";

  /**
   * One row per delivered file and attempt. The {@code ingested} rows are the commit marker of a
   * delivery: they are written last, after bronze, quarantine and silver, so a run that stops
   * before them leaves the delivery to be applied again, idempotently, by the next run. For an
   * ingested file, {@code lines} (data lines, the header not counted) = {@code rows_accepted} +
   * {@code rows_quarantined}; {@code duplicates} are the quarantined lines that were copies ({@code
   * duplicate_row}) or key clashes ({@code conflicting_duplicate}). A refused delivery with no file
   * (an empty folder that waited too long) has one row with an empty file name.
   */
  public static final TableContract DELIVERIES =
      TableContract.of(
              TableId.of(DATABASE, "deliveries"),
              "one row per source, delivery, file and attempt (ingested once; refused as often as"
                  + " found bad)",
              new StructType()
                  .add("source", DataTypes.StringType, false)
                  .add("delivery", DataTypes.StringType, false)
                  .add("file", DataTypes.StringType, false)
                  .add("bytes", DataTypes.LongType, true)
                  .add("sha256", DataTypes.StringType, true)
                  .add("lines", DataTypes.LongType, true)
                  .add("rows_accepted", DataTypes.LongType, true)
                  .add("rows_quarantined", DataTypes.LongType, true)
                  .add("duplicates", DataTypes.LongType, true)
                  .add("status", DataTypes.StringType, false)
                  .add("detail", DataTypes.StringType, true)
                  .add("run_id", DataTypes.StringType, false)
                  .add("ingested_at", DataTypes.TimestampType, false)
                  .add("modified", DataTypes.TimestampType, true))
          .accepting("status", INGESTED, REFUSED)
          .accepting("source", SilverTables.SOURCE_IDS);

  /** One stage of a run in {@link #JOB_RUNS}: its name, outcome, start and duration. */
  public static final StructType STAGE =
      new StructType()
          .add("name", DataTypes.StringType, false)
          .add("outcome", DataTypes.StringType, false)
          .add("started_at", DataTypes.TimestampType, false)
          .add("seconds", DataTypes.DoubleType, false);

  /**
   * One row per command run: what it was asked, what it wrote and how it ended, on which host, and
   * each stage's outcome and duration. {@code host} and {@code stages} were added later: rows of
   * older runs read them as null.
   */
  public static final TableContract JOB_RUNS =
      TableContract.of(
              TableId.of(DATABASE, "job_runs"),
              "one row per run of a command that writes (ingest, nightly, …)",
              new StructType()
                  .add("run_id", DataTypes.StringType, false)
                  .add("command", DataTypes.StringType, false)
                  .add(
                      "parameters",
                      DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
                      true)
                  .add("started_at", DataTypes.TimestampType, false)
                  .add("finished_at", DataTypes.TimestampType, false)
                  .add("outcome", DataTypes.StringType, false)
                  .add("exit_code", DataTypes.IntegerType, false)
                  .add(
                      "rows",
                      DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
                      true)
                  .add(
                      "delta_versions",
                      DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
                      true)
                  .add("message", DataTypes.StringType, true)
                  .add("host", DataTypes.StringType, true)
                  .add("stages", DataTypes.createArrayType(STAGE, false), true))
          .withKey("run_id");

  /**
   * One row per run, source and check. The source's counts are repeated on each of its check rows
   * so that any row can be read alone; the {@code accounting} check is lines_read = rows_accepted +
   * rows_quarantined.
   */
  public static final TableContract DATA_QUALITY =
      TableContract.of(
          TableId.of(DATABASE, "data_quality"),
          "one row per run, source and check",
          new StructType()
              .add("run_id", DataTypes.StringType, false)
              .add("source", DataTypes.StringType, false)
              .add("lines_read", DataTypes.LongType, false)
              .add("bronze_rows", DataTypes.LongType, false)
              .add("rows_accepted", DataTypes.LongType, false)
              .add("silver_rows", DataTypes.LongType, false)
              .add("rows_quarantined", DataTypes.LongType, false)
              .add(
                  "quarantined_by_reason",
                  DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
                  true)
              .add("duplicates", DataTypes.LongType, false)
              .add("check_name", DataTypes.StringType, false)
              .add("check_result", DataTypes.StringType, false)
              .add("check_message", DataTypes.StringType, true)
              .add("measured_at", DataTypes.TimestampType, false));
}
