package io.saima.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.saima.catalog.Source;
import io.saima.config.ConfigLoader;
import io.saima.config.ConfigSchema;
import io.saima.config.SaimaConfig;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;

/**
 * The committed samples, read with the committed configuration and reference data: every
 * deliberately bad row of data-samples/README.md gets its reason on its line, and nothing else is
 * rejected. (duplicate_row and conflicting_duplicate compare rows with each other; the pipeline
 * decides them, so those rows are accepted here.)
 */
class SampleLandingTest {
  private static final Path HOME = Path.of(System.getProperty("saima.home"));
  private static final Path LANDING = HOME.resolve("data-samples/landing");

  @Test
  void everyPlantedBadRowGetsItsReasonAndNoOtherRowIsRejected() throws Exception {
    assumeTrue(
        Files.isDirectory(LANDING)
            && Files.isRegularFile(HOME.resolve("conf/reference/fx_rates.csv")),
        "the samples and the full reference data are not in this checkout");
    SaimaConfig config =
        new ConfigLoader(ConfigSchema.saima(), HOME, HOME, name -> null)
            .load(null, Map.of(), List.of());
    Configuration hadoop = new Configuration();
    ReferenceData reference = ReferenceData.load(config.reference(), hadoop);

    Map<String, String> outcomes = new TreeMap<>();
    Map<String, Long> records = new TreeMap<>();
    LandingScanner.Listing listing =
        new LandingScanner(hadoop, LandingRules.of(config))
            .list(LANDING.toString(), java.time.Instant.now());
    assertEquals(List.of(), listing.refused());
    assertEquals(List.of(), listing.waiting());
    assertEquals(List.of(), listing.strays());
    for (IngestInputs.LandedDelivery delivery : listing.ready()) {
      Source source = delivery.source();
      RecordValidator validator = new RecordValidator(source, reference.lookup());
      ReaderSettings settings = ReaderSettings.of(config, source);
      for (IngestInputs.LandedFile file : delivery.files()) {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(file.path());
        String where = source.id() + "/" + delivery.delivery() + "/" + file.fileName() + ":";
        try (InputStream in = FileSystem.get(path.toUri(), hadoop).open(path)) {
          DeliveryFileReader.forEach(
              in,
              file.fileName(),
              source,
              settings,
              record -> {
                records.merge(source.id(), 1L, Long::sum);
                Validated result = validator.validate(record);
                if (result instanceof Validated.Rejected rejected) {
                  outcomes.put(where + record.line(), rejected.reason().code());
                } else if (((Validated.Accepted) result).unknownTown()) {
                  outcomes.put(where + record.line(), "unknown town");
                }
              });
        }
      }
    }

    assertEquals(
        Map.of(
            "customs_exports", 37_739L,
            "fdi_inflows", 2_027L,
            "retail_sales", 2_162L,
            "above_quota_sales", 10_110L),
        records);
    Map<String, String> expected = new TreeMap<>();
    String customs = "customs_exports/";
    expected.put(customs + "20190415-01/customs_exports_201903_330700.csv:7", "missing_field");
    expected.put(customs + "20190615-01/customs_exports_201905_330200.csv:9", "bad_number");
    expected.put(customs + "20190815-01/customs_exports_201907_330300.csv:6", "bad_period");
    expected.put(customs + "20191015-01/海关出口 湖州市（2019年9月）.csv:8", "negative_amount");
    expected.put(customs + "20191215-01/customs_exports_201911_330100.csv:5", "unknown_county");
    expected.put(
        customs + "20200215-01/customs_exports_202001_330600.csv:10", "invalid_enterprise_id");
    expected.put(customs + "20200515-01/customs_exports_202004_330400.csv:4", "no_amount");
    expected.put(customs + "20200315-01/海关出口 湖州市（2020年2月）.csv:13", "unknown town");
    expected.put("fdi_inflows/20190510-01/实到外资_2019年4月.csv:5", "missing_field");
    expected.put("fdi_inflows/20200910-01/实到外资_2020年8月.csv:6", "negative_amount");
    expected.put("retail_sales/20200118-01/社会消费品零售总额（杭州市）2019年12月.csv:15", "unknown_county");
    expected.put("retail_sales/20201218-01/社会消费品零售总额（温州市）2020年11月.csv:9", "bad_number");
    String above = "above_quota_sales/";
    expected.put(above + "20190720-01/above_quota_sales_201906.csv:14", "invalid_enterprise_id");
    expected.put(above + "20190920-01/above_quota_sales_201908.csv:22", "missing_field");
    expected.put(above + "20201020-01/above_quota_sales_202009.csv:27", "bad_number");
    assertEquals(expected, outcomes);
  }
}
