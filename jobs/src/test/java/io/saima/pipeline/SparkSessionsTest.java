package io.saima.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.saima.config.ConfigLoader;
import io.saima.config.ConfigSchema;
import io.saima.config.SaimaConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who decides the session's settings: the configuration locally, spark-submit on a cluster. */
class SparkSessionsTest {

  @TempDir Path home;

  private SaimaConfig config() throws IOException {
    Files.createDirectories(home.resolve("conf"));
    Files.writeString(
        home.resolve("conf/application.yaml"),
        "warehouse: /srv/saima/warehouse\n"
            + "spark:\n"
            + "  master: local[2]\n"
            + "  app_name: saima\n"
            + "  conf:\n"
            + "    spark.sql.shuffle.partitions: 4\n"
            + "    spark.ui.enabled: false\n",
        StandardCharsets.UTF_8);
    return new ConfigLoader(ConfigSchema.saima(), home, home, name -> null)
        .load(null, Map.of(), List.of());
  }

  @Test
  void withoutSparkSubmitTheConfigurationSetsTheMasterAndEverySetting() throws IOException {
    Map<String, String> settings = SparkSessions.settings(config(), Map.of(), Map.of());

    assertEquals("local[2]", settings.get("spark.master"));
    assertEquals("saima", settings.get("spark.app.name"));
    assertEquals("4", settings.get("spark.sql.shuffle.partitions"));
    assertEquals("/srv/saima/warehouse", settings.get("spark.sql.warehouse.dir"));
    assertEquals("io.delta.sql.DeltaSparkSessionExtension", settings.get("spark.sql.extensions"));
  }

  @Test
  void underSparkSubmitWhatItWasGivenWinsAndTheRestComesFromTheConfiguration() throws IOException {
    Map<String, String> submitted =
        Map.of(
            "spark.master", "spark://10.0.0.5:7077",
            "spark.submit.deployMode", "client",
            "spark.app.name", "saima-nightly",
            "spark.sql.shuffle.partitions", "64",
            "spark.sql.extensions", "com.example.OtherExtension",
            "spark.sql.globalTempDatabase", "global_temp");
    Map<String, String> statisticians =
        Map.of(
            "spark.sql.extensions",
            "io.delta.sql.DeltaSparkSessionExtension,io.saima.cli.ReadOnlySql",
            "spark.sql.globalTempDatabase",
            "report");

    Map<String, String> settings = SparkSessions.settings(config(), statisticians, submitted);

    assertFalse(settings.containsKey("spark.master"), settings.toString());
    assertFalse(settings.containsKey("spark.app.name"), settings.toString());
    assertFalse(settings.containsKey("spark.sql.shuffle.partitions"), settings.toString());
    assertEquals("false", settings.get("spark.ui.enabled"));
    // Saima's own needs are not spark-submit's to take away: the read-only rule stays on.
    assertEquals(
        "io.delta.sql.DeltaSparkSessionExtension,io.saima.cli.ReadOnlySql",
        settings.get("spark.sql.extensions"));
    assertEquals("report", settings.get("spark.sql.globalTempDatabase"));
    assertEquals(
        "org.apache.spark.sql.delta.catalog.DeltaCatalog",
        settings.get("spark.sql.catalog.spark_catalog"));
  }
}
