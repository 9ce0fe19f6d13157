package io.saima.pipeline;

import io.saima.catalog.OpsTables;
import io.saima.catalog.Warehouse;
import io.saima.config.Redaction;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes the {@code ops.job_runs} row of a run. */
public final class JobRuns {
  private static final Logger LOG = LoggerFactory.getLogger(JobRuns.class);

  public static final String OK = "ok";
  public static final String PARTIAL = "partial";
  public static final String FAILED = "failed";

  private JobRuns() {}

  public static void record(
      Warehouse warehouse,
      String runId,
      String command,
      Map<String, String> parameters,
      Instant startedAt,
      Instant finishedAt,
      String outcome,
      int exitCode,
      Map<String, Long> rows,
      Map<String, Long> versions,
      String message,
      List<StageRun> stages) {
    List<Row> stageRows = new ArrayList<>();
    for (StageRun stage : stages) {
      stageRows.add(
          RowFactory.create(
              stage.name(), stage.outcome(), Timestamp.from(stage.startedAt()), stage.seconds()));
    }
    Row row =
        RowFactory.create(
            runId,
            command,
            Redaction.redact(parameters),
            Timestamp.from(startedAt),
            Timestamp.from(finishedAt),
            outcome,
            exitCode,
            rows,
            versions,
            message,
            WarehouseLease.thisHostName(),
            stageRows);
    warehouse.append(
        OpsTables.JOB_RUNS,
        warehouse.spark().createDataFrame(List.of(row), OpsTables.JOB_RUNS.schema()));
    LOG.info("run {} ({}): {}, exit {}", runId, command, outcome, exitCode);
  }
}
