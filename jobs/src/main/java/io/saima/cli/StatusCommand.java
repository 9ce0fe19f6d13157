package io.saima.cli;

import io.saima.catalog.OpsTables;
import io.saima.catalog.SilverTables;
import io.saima.catalog.Warehouse;
import io.saima.config.SaimaConfig;
import io.saima.ingest.IngestStage;
import io.saima.ingest.ReaderApiInputs;
import io.saima.pipeline.WarehouseLease;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code saima status}: what a data engineer asks before and after a night. Reads only: it takes no
 * lease and writes nothing, so it answers while a night runs.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    header = "Shows the last runs, what waits in the landing folder and who writes the warehouse.",
    description = {
      "Prints, on stdout: whether a run holds the warehouse's lease now (and which: command, run"
          + " id, host, pid, start time); the last runs of ops.job_runs (when, command, outcome,"
          + " exit code, duration); the deliveries of the landing folder the next ingest would"
          + " apply, those that changed since they were ingested or cannot be read (the next"
          + " ingest refuses them), and those still arriving; and the newest period delivered per"
          + " source (silver.delivered_periods).",
      "",
      "It reads only: no lease is taken and nothing is written, so it can run while a night"
          + " writes the same warehouse."
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {ExitCode.OK_HELP, ExitCode.FAILURE_HELP, ExitCode.USAGE_HELP})
public final class StatusCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions.NightOptions common;

  @Option(
      names = "--runs",
      paramLabel = "N",
      defaultValue = "10",
      description = "How many of the last runs to show (default: ${DEFAULT-VALUE}).")
  int runs;

  @Override
  public Integer call() throws IOException {
    if (runs < 1) {
      throw new ParameterException(spec.commandLine(), "--runs expects 1 or more, got " + runs);
    }
    SaimaConfig config = common.load(List.of());
    Warehouse warehouse = CommonOptions.openWarehouse(config);
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);

    out.println("warehouse: " + config.warehouse());
    out.println(
        "lock: "
            + WarehouseLease.describe(
                warehouse.spark().sparkContext().hadoopConfiguration(),
                config.warehouse(),
                CommonOptions.leaseTime(config)));
    out.println();

    if (warehouse.exists(OpsTables.JOB_RUNS.id())) {
      table(out, "last runs (ops.job_runs)", lastRuns(warehouse));
    } else {
      out.println("last runs (ops.job_runs): none yet");
    }
    out.println();

    out.println("landing: " + config.landing());
    printPending(warehouse, config, out);
    out.println();

    if (warehouse.exists(SilverTables.DELIVERED_PERIODS.id())) {
      table(out, "newest period per source (silver.delivered_periods)", newestPeriods(warehouse));
    } else {
      out.println("newest period per source (silver.delivered_periods): nothing delivered yet");
    }
    out.flush();
    return ExitCode.OK;
  }

  private Dataset<Row> lastRuns(Warehouse warehouse) {
    return warehouse
        .read(OpsTables.JOB_RUNS.id())
        .selectExpr(
            "started_at",
            "command",
            "outcome",
            "exit_code",
            "CAST((unix_millis(finished_at) - unix_millis(started_at)) / 1000.0 AS DECIMAL(12, 1))"
                + " AS seconds",
            "run_id")
        .orderBy(org.apache.spark.sql.functions.col("started_at").desc())
        .limit(runs);
  }

  private static Dataset<Row> newestPeriods(Warehouse warehouse) {
    return warehouse
        .read(SilverTables.DELIVERED_PERIODS.id())
        .groupBy("source")
        .agg(
            org.apache.spark.sql.functions.max("period").as("newest_period"),
            org.apache.spark.sql.functions.count("*").as("periods"),
            org.apache.spark.sql.functions.max("applied_at").as("last_applied_at"))
        .orderBy("source");
  }

  /** The landing folder as the next ingest would see it, through the ingest stage's own logic. */
  private static void printPending(Warehouse warehouse, SaimaConfig config, PrintWriter out)
      throws IOException {
    IngestStage.Pending pending;
    try {
      pending =
          new IngestStage(new ReaderApiInputs(config)).pending(warehouse, config, Instant.now());
    } catch (FileNotFoundException e) {
      out.println("  " + e.getMessage());
      return;
    }
    section(out, "to ingest", pending.ready());
    section(out, "changed since ingested (the next ingest refuses them)", pending.changed());
    section(out, "unreadable (the next ingest refuses them)", pending.refused());
    section(out, "still arriving (waiting)", pending.waiting());
    section(out, "not deliveries (strays)", pending.strays());
  }

  private static void section(PrintWriter out, String title, List<String> items) {
    if (items.isEmpty() && !title.startsWith("to ingest")) {
      return;
    }
    out.println("  " + title + ": " + (items.isEmpty() ? "nothing" : items.size()));
    for (String item : items) {
      out.println("    " + item);
    }
  }

  /** One result set in table format, under its title. */
  private static void table(PrintWriter out, String title, Dataset<Row> rows) {
    new SqlOutput(SqlOutput.Format.TABLE, false, false, out).print(Map.of("table", title), rows);
  }
}
