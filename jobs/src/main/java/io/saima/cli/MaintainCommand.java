package io.saima.cli;

import io.saima.catalog.TableId;
import io.saima.catalog.TableMaintenance;
import io.saima.catalog.Warehouse;
import io.saima.config.SaimaConfig;
import io.saima.pipeline.JobRuns;
import io.saima.pipeline.MaintainNightStage;
import io.saima.pipeline.StageRun;
import io.saima.pipeline.WarehouseLease;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code saima maintain}: compaction, audit-safe vacuum and a log checkpoint of every table. */
@Command(
    name = "maintain",
    mixinStandardHelpOptions = true,
    header = "Compacts, vacuums and checkpoints every table, keeping the history audits read.",
    description = {
      "For each table of the warehouse: OPTIMIZE (small files compacted into larger ones), VACUUM"
          + " (files no version within the retention reads are deleted) and a checkpoint of the"
          + " Delta log. The retention is maintain.retention_days (default 30, at least 7) or the"
          + " table's own delta.deletedFileRetentionDuration (sql.history_days when the table was"
          + " created) if that is longer: time travel (VERSION AS OF) to any version within it"
          + " keeps working. Prints per table the files before and after and the bytes reclaimed,"
          + " and records the run in ops.job_runs. Takes the warehouse's lease, as a night does.",
      "",
      "The night runs it once a week when maintain.weekly_on names a day (e.g. sunday)."
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {ExitCode.OK_HELP, ExitCode.FAILURE_HELP, ExitCode.USAGE_HELP})
public final class MaintainCommand implements Callable<Integer> {

  @Mixin CommonOptions.WarehouseOptions common;

  static final StructType REPORT =
      new StructType()
          .add("table", DataTypes.StringType)
          .add("files_before", DataTypes.LongType)
          .add("files_after", DataTypes.LongType)
          .add("stored_bytes_before", DataTypes.LongType)
          .add("stored_bytes_after", DataTypes.LongType)
          .add("bytes_reclaimed", DataTypes.LongType)
          .add("retention_days", DataTypes.LongType)
          .add("version", DataTypes.LongType);

  @Override
  public Integer call() {
    SaimaConfig config = common.load(List.of());
    int retentionDays = MaintainNightStage.retentionDays(config);
    Warehouse warehouse = CommonOptions.openWarehouse(config);
    String runId = UUID.randomUUID().toString();
    try (WarehouseLease lease = CommonOptions.lease(warehouse, config, "maintain", runId)) {
      Instant startedAt = Instant.now();
      Map<String, String> parameters = new LinkedHashMap<>();
      parameters.put("warehouse", config.warehouse());
      parameters.put("retention_days", Integer.toString(retentionDays));
      List<TableMaintenance.Report> reports;
      long start = System.nanoTime();
      try {
        reports = new TableMaintenance(warehouse, retentionDays).all();
      } catch (RuntimeException e) {
        JobRuns.record(
            warehouse,
            runId,
            "maintain",
            parameters,
            startedAt,
            Instant.now(),
            JobRuns.FAILED,
            ExitCode.FAILURE,
            Map.of(),
            Map.of(),
            e.getMessage(),
            List.of(StageRun.since("maintain", JobRuns.FAILED, startedAt, start)));
        throw e;
      }
      Map<String, Long> rows = new TreeMap<>();
      // No delta_versions: OPTIMIZE's commits rewrite files, not data, and the revision audit
      // (report.数据修订) compares the runs that recorded gold versions.
      Map<String, Long> versions = Map.of();
      List<Row> lines = new ArrayList<>();
      for (TableMaintenance.Report r : reports) {
        TableId id = r.table();
        lines.add(
            RowFactory.create(
                id.qualified(),
                r.filesBefore(),
                r.filesAfter(),
                r.storedBytesBefore(),
                r.storedBytesAfter(),
                r.bytesReclaimed(),
                r.retentionDays(),
                r.version()));
      }
      rows.put(MaintainNightStage.MAINTAINED_TABLES, (long) reports.size());
      rows.put(
          "files_before", reports.stream().mapToLong(TableMaintenance.Report::filesBefore).sum());
      rows.put(
          "files_after", reports.stream().mapToLong(TableMaintenance.Report::filesAfter).sum());
      rows.put(
          "bytes_reclaimed",
          reports.stream().mapToLong(TableMaintenance.Report::bytesReclaimed).sum());
      JobRuns.record(
          warehouse,
          runId,
          "maintain",
          parameters,
          startedAt,
          Instant.now(),
          JobRuns.OK,
          ExitCode.OK,
          rows,
          versions,
          null,
          List.of(StageRun.since("maintain", JobRuns.OK, startedAt, start)));
      PrintWriter out =
          new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
      new SqlOutput(SqlOutput.Format.TABLE, false, false, out)
          .print(
              Map.of("table", "maintained tables"),
              warehouse.spark().createDataFrame(lines, REPORT));
      out.flush();
    }
    return ExitCode.OK;
  }
}
