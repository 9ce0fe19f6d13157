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
              new Columns()
                  .add("source", DataTypes.StringType, false, "the landing source")
                  .add(
                      "delivery",
                      DataTypes.StringType,
                      false,
                      "the delivery folder, named to sort by arrival (e.g. 20200610-01)")
                  .add(
                      "file",
                      DataTypes.StringType,
                      false,
                      "the file's name in the delivery; empty for a refused delivery with no file")
                  .add("bytes", DataTypes.LongType, true, "the file's size in bytes")
                  .add(
                      "sha256",
                      DataTypes.StringType,
                      true,
                      "SHA-256 of the file's content, lower-case hex: a file of an ingested"
                          + " delivery that changes is refused")
                  .add(
                      "lines",
                      DataTypes.LongType,
                      true,
                      "data lines read, the header not counted; null for a refused delivery")
                  .add(
                      "rows_accepted",
                      DataTypes.LongType,
                      true,
                      "lines that passed validation; null for a refused delivery")
                  .add(
                      "rows_quarantined",
                      DataTypes.LongType,
                      true,
                      "lines sent to quarantine (lines = rows_accepted + rows_quarantined); null"
                          + " for a refused delivery")
                  .add(
                      "duplicates",
                      DataTypes.LongType,
                      true,
                      "quarantined lines that were copies (duplicate_row) or key clashes"
                          + " (conflicting_duplicate); null for a refused delivery")
                  .add(
                      "status",
                      DataTypes.StringType,
                      false,
                      "ingested (applied to bronze and silver) or refused (nothing of the delivery"
                          + " applied)")
                  .add(
                      "detail",
                      DataTypes.StringType,
                      true,
                      "why the delivery was refused, naming the file and the problem; null when"
                          + " ingested")
                  .add(
                      "run_id",
                      DataTypes.StringType,
                      false,
                      "the run that read the file (ops.job_runs)")
                  .add("ingested_at", DataTypes.TimestampType, false, "when that run read it")
                  .add(
                      "modified",
                      DataTypes.TimestampType,
                      true,
                      "the file's modification time, so that an unchanged file is not hashed"
                          + " again; null when unknown (rows of older runs)"))
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
              new Columns()
                  .add("run_id", DataTypes.StringType, false, "the run's id, a random UUID")
                  .add(
                      "command",
                      DataTypes.StringType,
                      false,
                      "the command run: nightly, ingest, build, maintain, …")
                  .add(
                      "parameters",
                      DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType),
                      true,
                      "the settings it ran with (landing, warehouse, as_of, master, …), secrets"
                          + " redacted")
                  .add("started_at", DataTypes.TimestampType, false, "when the run started")
                  .add("finished_at", DataTypes.TimestampType, false, "when the run ended")
                  .add(
                      "outcome",
                      DataTypes.StringType,
                      false,
                      "ok, partial (finished, but a delivery or a check failed) or failed")
                  .add(
                      "exit_code",
                      DataTypes.IntegerType,
                      false,
                      "the process's exit code: 0 ok, 1 failure, 3 partial")
                  .add(
                      "rows",
                      DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
                      true,
                      "counts by name: deliveries_ingested, lines_read, rows_quarantined, …")
                  .add(
                      "delta_versions",
                      DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
                      true,
                      "the Delta version each table written was left at, by qualified name")
                  .add(
                      "message",
                      DataTypes.StringType,
                      true,
                      "the problems (partial) or the error (failed); null when ok")
                  .add(
                      "host",
                      DataTypes.StringType,
                      true,
                      "the host it ran on; null for runs from before it was recorded")
                  .add(
                      "stages",
                      DataTypes.createArrayType(STAGE, false),
                      true,
                      "each stage in order: name, outcome (ok, partial, failed), started_at and"
                          + " seconds; null for runs from before they were recorded"))
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
          new Columns()
              .add("run_id", DataTypes.StringType, false, "the run (ops.job_runs)")
              .add("source", DataTypes.StringType, false, "the landing source")
              .add(
                  "lines_read",
                  DataTypes.LongType,
                  false,
                  "data lines the run read from the source's new deliveries")
              .add(
                  "bronze_rows",
                  DataTypes.LongType,
                  false,
                  "rows written to bronze: every line read")
              .add("rows_accepted", DataTypes.LongType, false, "lines that passed validation")
              .add(
                  "silver_rows",
                  DataTypes.LongType,
                  false,
                  "silver rows of the months the run rewrote")
              .add("rows_quarantined", DataTypes.LongType, false, "lines sent to quarantine")
              .add(
                  "quarantined_by_reason",
                  DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType),
                  true,
                  "quarantined lines by reason code")
              .add(
                  "duplicates",
                  DataTypes.LongType,
                  false,
                  "quarantined copies and key clashes (duplicate_row, conflicting_duplicate)")
              .add(
                  "check_name",
                  DataTypes.StringType,
                  false,
                  "the check: the accounting, or one derived from the silver table's contract"
                      + " (complete, key, accepted values, pattern, non-negative)")
              .add(
                  "check_result",
                  DataTypes.StringType,
                  false,
                  "the outcome in Deequ's words: Success or Failure")
              .add(
                  "check_message",
                  DataTypes.StringType,
                  true,
                  "what the check found (the accounting's sum, a failure's reason); null when"
                      + " there is nothing to say")
              .add("measured_at", DataTypes.TimestampType, false, "when the run checked it"));
}
