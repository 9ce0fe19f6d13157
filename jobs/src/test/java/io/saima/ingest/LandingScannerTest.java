package io.saima.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingScannerTest {
  private static final String RETAIL = "period,county_code,retail_sales_cny\n202001,330521,1\n";

  /** printf 'period,county_code,retail_sales_cny\n202001,330521,1\n' | sha256sum */
  private static final String RETAIL_SHA256 =
      "efbdec009305466770325ea397fff6db630298a73f8c6761e80f52fe50ece5a0";

  /** sha256sum of an empty file. */
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @TempDir Path landing;

  private void write(String relative, String content) throws Exception {
    Path file = landing.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  @Test
  void deliveriesAreSortedBySourceThenDeliveryAndFilesByNameWithTheirDigest() throws Exception {
    write("retail_sales/20200710-01/b.csv", "");
    write("retail_sales/20200610-02/a.csv", RETAIL);
    write("retail_sales/20200610-01/z.csv", RETAIL);
    write("retail_sales/20200610-01/a.xlsx", "");
    write("customs_exports/20200901-01/c.csv", RETAIL);

    List<Delivery> deliveries = new LandingScanner(new Configuration()).scan(landing.toString());

    assertEquals(
        List.of(
            "customs_exports/20200901-01",
            "retail_sales/20200610-01",
            "retail_sales/20200610-02",
            "retail_sales/20200710-01"),
        deliveries.stream().map(d -> d.source().id() + "/" + d.delivery()).toList());
    Delivery first = deliveries.get(1);
    assertEquals(Source.RETAIL_SALES, first.source());
    assertEquals(
        List.of("a.xlsx", "z.csv"), first.files().stream().map(DeliveryFile::fileName).toList());
    DeliveryFile z = first.files().get(1);
    assertEquals(RETAIL.getBytes(StandardCharsets.UTF_8).length, z.bytes());
    assertEquals(RETAIL_SHA256, z.sha256());
    assertEquals("20200610-01", z.delivery());
    assertTrue(z.path().startsWith("file:"), z.path());
    assertTrue(z.path().endsWith("/retail_sales/20200610-01/z.csv"), z.path());
    assertEquals(EMPTY_SHA256, first.files().get(0).sha256());
  }

  @Test
  void unsafeNamesUnknownFoldersAndEmptyDeliveriesAreReportedNotRead() throws Exception {
    write("retail_sales/20200610-01/good.csv", RETAIL);
    write("retail_sales/20200610-01/.hidden.csv", RETAIL);
    write("retail_sales/20200610-01/社零 6月.csv", RETAIL);
    write("retail_sales/20200610-01/nested/x.csv", RETAIL);
    write("retail_sales/.20200611-01/a.csv", RETAIL);
    write("retail_sales/2020 06 12/a.csv", RETAIL);
    write("retail_sales/stray.csv", RETAIL);
    write("weather/20200610-01/a.csv", RETAIL);
    Files.createDirectories(landing.resolve("fdi_inflows/20200610-01"));

    LandingScanner.Listing listing =
        new LandingScanner(new Configuration()).list(landing.toString());

    assertEquals(1, listing.deliveries().size());
    assertEquals(
        List.of("good.csv"),
        listing.deliveries().get(0).files().stream().map(DeliveryFile::fileName).toList());
    String skipped = String.join("\n", listing.skipped());
    for (String name :
        new String[] {
          ".hidden.csv",
          "社零 6月.csv",
          "nested",
          ".20200611-01",
          "2020 06 12",
          "stray.csv",
          "weather",
          "fdi_inflows/20200610-01"
        }) {
      assertTrue(skipped.contains(name), name + " not reported in:\n" + skipped);
    }
    assertEquals(8, listing.skipped().size(), skipped);
  }

  @Test
  void aMissingLandingFolderIsAnError() {
    assertThrows(
        FileNotFoundException.class,
        () -> new LandingScanner(new Configuration()).scan(landing.resolve("nope").toString()));
  }

  @Test
  void safeNamesAreLettersDigitsDotsDashesAndUnderscores() {
    assertTrue(LandingScanner.isSafe("20200610-01_v2.csv"));
    for (String name : new String[] {".x", "a b", "a/b", "统计.csv", "a;b", ""}) {
      assertTrue(!LandingScanner.isSafe(name), name);
    }
  }
}
