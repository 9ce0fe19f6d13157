package io.saima.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.saima.catalog.OpsTables;
import io.saima.catalog.Warehouse;
import io.saima.config.Redaction;
import io.saima.testing.SparkTestBase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRunsTest extends SparkTestBase {

  @TempDir Path dir;

  @Test
  void aRunsParametersAreRecordedWithCredentialsRedacted() {
    Warehouse warehouse = new Warehouse(spark(), dir.resolve("warehouse").toString());
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("landing", "s3a://AKIAEXAMPLE:wJalrXUtnFEMI@bucket/landing");
    parameters.put("warehouse", "hdfs://namenode:8020/saima/warehouse");
    parameters.put("spark.hadoop.fs.s3a.secret.key", "wJalrXUtnFEMI");
    Instant now = Instant.now();

    JobRuns.record(
        warehouse,
        "run-1",
        "nightly",
        parameters,
        now,
        now,
        JobRuns.OK,
        0,
        Map.of(),
        Map.of(),
        null,
        List.of());

    List<Row> rows = warehouse.read(OpsTables.JOB_RUNS.id()).select("parameters").collectAsList();
    assertEquals(1, rows.size());
    Map<String, String> recorded = rows.get(0).getJavaMap(rows.get(0).fieldIndex("parameters"));
    assertEquals("s3a://" + Redaction.REDACTED + "@bucket/landing", recorded.get("landing"));
    assertEquals("hdfs://namenode:8020/saima/warehouse", recorded.get("warehouse"));
    assertEquals(Redaction.REDACTED, recorded.get("spark.hadoop.fs.s3a.secret.key"));
    assertFalse(recorded.toString().contains("wJalrXUtnFEMI"), recorded.toString());
    assertFalse(recorded.toString().contains("AKIAEXAMPLE"), recorded.toString());
  }
}
