package io.saima.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.saima.catalog.Source;
import io.saima.config.ConfigLoader;
import io.saima.config.SaimaConfig;
import io.saima.ingest.IngestInputs.LandedDelivery;
import io.saima.testing.SparkTestBase;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.util.SerializableConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which line of a delivery gets which outcome, as a table of cases: one landing folder holding a
 * line for every reason code of every source, read through the production scanner, readers and
 * validator ({@link ReaderApiInputs}) and classified by the production rules ({@link
 * IngestTransforms}), all in memory — nothing is written to Delta. The Delta edge (replacing
 * slices, the commit marker, reruns) is {@link IngestStageTest}'s.
 */
class QuarantineRulesTest extends SparkTestBase {
  static final String CUSTOMS_HEADER =
      "period,county_code,town_code,enterprise_id,enterprise_name,hs_code,trade_mode,destination,"
          + "value_usd,value_cny";
  static final String FIRM_A = IngestStageTest.FIRM_A;
  static final String FIRM_B = IngestStageTest.FIRM_B;

  private static Path root;

  /** Outcome of every line, by "source/file:line": the reason code, or "kept". */
  private static Map<String, String> outcomes;

  /** The raw line recorded in quarantine, by "source/file:line". */
  private static Map<String, String> rawLines;

  @BeforeAll
  static void readTheLanding() throws IOException {
    root = Files.createTempDirectory("quarantine-rules");
    Landing landing = new Landing(root);
    landing.file(
        Source.CUSTOMS_EXPORTS,
        "20200610-01",
        "海关出口_2020一季度.csv",
        CUSTOMS_HEADER,
        "202001,330521,," + FIRM_A + ",A,85044000,0110,US,100.00,", // 2
        "202001,330521,,,A,85044000,0110,US,100.00,", // 3
        "202001,330521,," + FIRM_A + ",A,85044000,0110,US,1O0,", // 4
        "202013,330521,," + FIRM_A + ",A,85044000,0110,US,100.00,", // 5
        "202001,330521,," + FIRM_A + ",A,85044000,0110,US,-5.00,", // 6
        "202001,999999,," + FIRM_A + ",A,85044000,0110,US,100.00,", // 7
        "202001,330521,,91330521MA2B000000,A,85044000,0110,US,100.00,", // 8
        "202001,330521,," + FIRM_A + ",A,85044000,0110,DE,,", // 9
        "202004,330521,," + FIRM_A + ",A,85044000,0110,US,100.00,", // 10
        "202001,330521,," + FIRM_A + ",A,85044000,0110,US,100.00,", // 11 = line 2
        "202001,330521,330521999," + FIRM_B + ",B,85044000,9610,US,7.00,"); // 12
    // Customs lines have no key: two lines alike but for the amount are both kept.
    landing.file(
        Source.CUSTOMS_EXPORTS,
        "20200610-01",
        "出口数据（4月）.csv",
        CUSTOMS_HEADER,
        "202001,330522,," + FIRM_B + ",B,85044000,0110,US,1.00,",
        "202001,330522,," + FIRM_B + ",B,85044000,0110,US,2.00,");
    landing.file(
        Source.FDI_INFLOWS,
        "20200610-01",
        "实到外资 5月.csv",
        "period,county_code,project_id,actual_usd",
        "202001,330521,P1,1000.00", // 2
        "202001,330521,P1,2000.00", // 3 clashes with 2
        "202001,330521,P2,5.00", // 4
        "202001,330521,P2,5.00"); // 5 = line 4
    landing.file(
        Source.RETAIL_SALES,
        "20200610-01",
        "社零_5月.csv",
        "period,county_code,retail_sales_cny",
        "202001,330521,100.00", // 2
        "202001,330522,7.00", // 3
        "202001,330522,8.00", // 4 clashes with 3
        "202001,330521,1.2亿", // 5
        "2020-01,330521,100.00"); // 6
    landing.file(
        Source.ABOVE_QUOTA_SALES,
        "20200610-01",
        "1-5月 限上企业.csv",
        "period,county_code,town_code,enterprise_id,industry,sales_cny",
        "202001,330521,330521001," + FIRM_A + ",retail,100.00", // 2
        "202001,330521,330521001," + FIRM_A + ",catering,100.00", // 3: another industry
        "202001,330521,330521001," + FIRM_A + ",retail,100.00", // 4 = line 2
        "202001,330521,330521001," + FIRM_B + ",retail,1.00", // 5
        "202001,330521,330521001," + FIRM_B + ",retail,2.00", // 6 clashes with 5
        "202001,330521,330521001,330521000012345,retail,1.00", // 7: an old 15-digit number
        "202001,330521,330521001," + FIRM_A + ",,1.00"); // 8

    Map<String, String> overrides = new LinkedHashMap<>();
    overrides.put("landing", landing.landing.toString());
    overrides.put("reference", landing.reference.toString());
    overrides.put("warehouse", root.resolve("warehouse").toString());
    SaimaConfig config = ConfigLoader.forThisProcess().load(null, overrides, List.of());
    ReaderApiInputs inputs = new ReaderApiInputs(config);
    var hadoop = spark().sparkContext().hadoopConfiguration();
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark().sparkContext());
    Broadcast<Serializable> lookup;
    try {
      lookup = context.broadcast(inputs.reference(config.reference(), hadoop).lookup());
    } catch (IngestInputs.ReferenceFilesException e) {
      throw new IllegalStateException(e);
    }
    Broadcast<SerializableConfiguration> conf =
        context.broadcast(new SerializableConfiguration(hadoop));
    outcomes = new TreeMap<>();
    rawLines = new TreeMap<>();
    Timestamp at = Timestamp.from(Instant.parse("2020-07-01T02:00:00Z"));
    for (LandedDelivery delivery :
        inputs
            .scan(
                config.landing(),
                hadoop,
                Instant.parse("2020-07-01T02:00:00Z"),
                LandingScanner.KnownHashes.NONE)
            .ready()) {
      Source source = delivery.source();
      Dataset<Row> classified =
          IngestTransforms.classify(
              IngestStage.check(
                  IngestStage.landLines(
                          spark(), source, List.of(delivery), inputs.records(source), conf)
                      .drop("_refused"),
                  source,
                  lookup),
              source);
      for (Row row : classified.select("_file", "_line").collectAsList()) {
        outcomes.put(
            source.id() + "/" + row.<String>getAs("_file") + ":" + row.<Long>getAs("_line"),
            "kept");
      }
      for (Row row :
          IngestTransforms.quarantineRows(classified, org.apache.spark.sql.functions.lit(at))
              .select("_file", "_line", "reason", "raw_line")
              .collectAsList()) {
        String where =
            source.id() + "/" + row.<String>getAs("_file") + ":" + row.<Long>getAs("_line");
        outcomes.put(where, row.<String>getAs("reason"));
        rawLines.put(where, row.<String>getAs("raw_line"));
      }
    }
    lookup.destroy();
    conf.destroy();
  }

  @AfterAll
  static void cleanUp() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted((a, b) -> b.compareTo(a)).forEach(QuarantineRulesTest::delete);
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Stream<Arguments> cases() {
    String customs = "customs_exports/海关出口_2020一季度.csv:";
    String fdi = "fdi_inflows/实到外资 5月.csv:";
    String retail = "retail_sales/社零_5月.csv:";
    String aboveQuota = "above_quota_sales/1-5月 限上企业.csv:";
    return Stream.of(
        Arguments.of(customs + 2, "kept", "a valid line, USD only"),
        Arguments.of(customs + 3, "missing_field", "enterprise_id empty"),
        Arguments.of(customs + 4, "bad_number", "a letter O in the amount"),
        Arguments.of(customs + 5, "bad_period", "month 13"),
        Arguments.of(customs + 6, "negative_amount", "a correction line below zero"),
        Arguments.of(customs + 7, "unknown_county", "999999 is not in regions.csv"),
        Arguments.of(customs + 8, "invalid_enterprise_id", "wrong check character"),
        Arguments.of(customs + 9, "no_amount", "neither currency"),
        Arguments.of(customs + 10, "no_fx_rate", "USD only in a month with no rate"),
        Arguments.of(customs + 11, "duplicate_row", "an exact copy of line 2"),
        Arguments.of(customs + 12, "kept", "an unknown town keeps the line"),
        Arguments.of("customs_exports/出口数据（4月）.csv:2", "kept", "customs lines have no key"),
        Arguments.of("customs_exports/出口数据（4月）.csv:3", "kept", "… so both are kept"),
        Arguments.of(fdi + 2, "conflicting_duplicate", "project P1 twice, different amounts"),
        Arguments.of(fdi + 3, "conflicting_duplicate", "… both go to quarantine"),
        Arguments.of(fdi + 4, "kept", "the first of two exact copies"),
        Arguments.of(fdi + 5, "duplicate_row", "the second copy"),
        Arguments.of(retail + 2, "kept", "one county's month"),
        Arguments.of(retail + 3, "conflicting_duplicate", "a county sent twice, different values"),
        Arguments.of(retail + 4, "conflicting_duplicate", "… both go to quarantine"),
        Arguments.of(retail + 5, "bad_number", "亿 written into a yuan column"),
        Arguments.of(retail + 6, "bad_period", "YYYY-MM instead of YYYYMM"),
        Arguments.of(aboveQuota + 2, "kept", "a firm's retail sales"),
        Arguments.of(aboveQuota + 3, "kept", "the same firm in another industry"),
        Arguments.of(aboveQuota + 4, "duplicate_row", "an exact copy of line 2"),
        Arguments.of(aboveQuota + 5, "conflicting_duplicate", "firm and industry twice"),
        Arguments.of(aboveQuota + 6, "conflicting_duplicate", "… both go to quarantine"),
        Arguments.of(aboveQuota + 7, "invalid_enterprise_id", "an old 15-digit number"),
        Arguments.of(aboveQuota + 8, "missing_field", "industry empty"));
  }

  @ParameterizedTest(name = "{0} -> {1} ({2})")
  @MethodSource("cases")
  void eachLineGetsItsOutcome(String where, String outcome, String why) {
    assertEquals(outcome, outcomes.get(where), why);
  }

  @Test
  void everyLineOfEveryFileHasExactlyOneOutcome() {
    // 11 + 2 customs, 4 FDI, 5 retail and 7 above-quota data lines: no more, no fewer.
    assertEquals(
        cases().map(c -> (String) c.get()[0]).sorted().toList(), List.copyOf(outcomes.keySet()));
  }

  @Test
  void aQuarantinedLineKeepsItsRawLineAsDelivered() {
    assertEquals(
        "202001,330521,,,A,85044000,0110,US,100.00,",
        rawLines.get("customs_exports/海关出口_2020一季度.csv:3"));
    assertEquals("202001,330521,1.2亿", rawLines.get("retail_sales/社零_5月.csv:5"));
    assertEquals(
        outcomes.values().stream().filter(o -> !o.equals("kept")).count(), rawLines.size());
  }
}
