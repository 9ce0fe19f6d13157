package io.saima.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.Source;
import io.saima.ingest.IngestInputs.LandedDelivery;
import io.saima.ingest.IngestInputs.LandedFile;
import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LandingScannerTest {
  private static final String RETAIL = "period,county_code,retail_sales_cny\n202001,330521,1\n";

  /** printf 'period,county_code,retail_sales_cny\n202001,330521,1\n' | sha256sum */
  private static final String RETAIL_SHA256 =
      "efbdec009305466770325ea397fff6db630298a73f8c6761e80f52fe50ece5a0";

  /** sha256sum of an empty file. */
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static final Instant NOW = Instant.parse("2020-07-01T02:00:00Z");

  @TempDir Path root;

  private Path landing() {
    return root.resolve("landing");
  }

  private Path write(String relative, String content) throws Exception {
    Path file = landing().resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private LandingScanner.Listing list() throws Exception {
    return list(LandingRules.defaults());
  }

  private LandingScanner.Listing list(LandingRules rules) throws Exception {
    Files.createDirectories(landing());
    return new LandingScanner(new Configuration(), rules).list(landing().toString(), NOW);
  }

  /** Sets a file's or folder's modification time to {@code days} before {@link #NOW}. */
  private void age(Path path, long days) throws Exception {
    Files.setLastModifiedTime(path, FileTime.from(NOW.minus(Duration.ofDays(days))));
  }

  @Test
  void deliveriesAreSortedBySourceThenDeliveryAndFilesByNameWithTheirDigest() throws Exception {
    write("retail_sales/20200710-01/b.csv", "");
    write("retail_sales/20200610-02/a.csv", RETAIL);
    write("retail_sales/20200610-01/z.csv", RETAIL);
    write("retail_sales/20200610-01/a.xlsx", "");
    write("customs_exports/20200901-01/c.csv", RETAIL);

    List<LandedDelivery> deliveries = list().ready();

    assertEquals(
        List.of(
            "customs_exports/20200901-01",
            "retail_sales/20200610-01",
            "retail_sales/20200610-02",
            "retail_sales/20200710-01"),
        deliveries.stream().map(d -> d.source().id() + "/" + d.delivery()).toList());
    LandedDelivery first = deliveries.get(1);
    assertEquals(Source.RETAIL_SALES, first.source());
    assertEquals(
        List.of("a.xlsx", "z.csv"), first.files().stream().map(LandedFile::fileName).toList());
    LandedFile z = first.files().get(1);
    assertEquals(RETAIL.getBytes(StandardCharsets.UTF_8).length, z.bytes());
    assertEquals(RETAIL_SHA256, z.sha256());
    assertTrue(z.path().startsWith("file:"), z.path());
    assertTrue(z.path().endsWith("/retail_sales/20200610-01/z.csv"), z.path());
    assertEquals(EMPTY_SHA256, first.files().get(0).sha256());
  }

  /** Names as bureaus write them are read like any other: the file is opened by its listed path. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "社零_5月.csv",
        "出口数据（4月）.xlsx",
        "1-5月 限上企业.csv",
        "海关出口_2020一季度.csv",
        "社会消费品零售总额2020.csv",
        "【湖州】出口 (final) v2.CSV",
        "a..b.csv",
        "x..\\..\\outside.csv",
        "100% done #1.csv",
        "出口:4月.csv",
        "'quoted' name.csv",
      })
  void anyNameTheFileSystemHoldsIsRead(String name) throws Exception {
    write("retail_sales/20200610-01/" + name, RETAIL);

    LandingScanner.Listing listing = list();

    assertEquals(List.of(), listing.refused());
    assertEquals(List.of(), listing.waiting());
    LandedFile file = listing.ready().get(0).files().get(0);
    assertEquals(name, file.fileName());
    assertEquals(RETAIL_SHA256, file.sha256(), "the listed path opens the file itself");
  }

  @Test
  void aFileListedWithTheSizeAndTimeItWasReadWithKeepsItsRecordedHashAnyOtherIsHashed()
      throws Exception {
    age(write("retail_sales/20200610-01/same.csv", RETAIL), 30);
    age(write("retail_sales/20200610-01/touched.csv", RETAIL), 30);
    age(write("retail_sales/20200610-01/grown.csv", RETAIL), 30);
    age(write("retail_sales/20200610-01/new.csv", RETAIL), 30);
    long then = NOW.minus(Duration.ofDays(30)).toEpochMilli();
    long size = RETAIL.getBytes(StandardCharsets.UTF_8).length;
    // What ops.deliveries holds per ingested file: bytes, sha256, modified.
    java.util.Map<String, org.apache.spark.sql.Row> recorded =
        java.util.Map.of(
            "same.csv", recordedFile(size, "recorded-same", then),
            "touched.csv", recordedFile(size, "recorded-touched", then - 1000),
            "grown.csv", recordedFile(size - 1, "recorded-grown", then));
    LandingScanner.KnownHashes known =
        IngestStage.known(
            java.util.Map.of(
                "retail_sales/20200610-01",
                recorded,
                "retail_sales/20200610-02",
                java.util.Map.of()));

    Files.createDirectories(landing());
    LandedDelivery delivery =
        new LandingScanner(new Configuration(), LandingRules.defaults())
            .list(landing().toString(), NOW, known)
            .ready()
            .get(0);

    assertEquals(
        List.of(
            "grown.csv " + RETAIL_SHA256,
            "new.csv " + RETAIL_SHA256,
            "same.csv recorded-same",
            "touched.csv " + RETAIL_SHA256),
        delivery.files().stream().map(f -> f.fileName() + " " + f.sha256()).toList());
    assertTrue(delivery.files().stream().allMatch(f -> f.modified() == then), delivery.toString());
  }

  @Test
  void aRecordWithoutAModificationTimeIsHashedAgain() throws Exception {
    age(write("retail_sales/20200610-01/old.csv", RETAIL), 30);
    long size = RETAIL.getBytes(StandardCharsets.UTF_8).length;
    LandingScanner.KnownHashes known =
        IngestStage.known(
            java.util.Map.of(
                "retail_sales/20200610-01",
                java.util.Map.of("old.csv", recordedFile(size, "recorded", null))));

    Files.createDirectories(landing());
    assertEquals(
        RETAIL_SHA256,
        new LandingScanner(new Configuration(), LandingRules.defaults())
            .list(landing().toString(), NOW, known)
            .ready()
            .get(0)
            .files()
            .get(0)
            .sha256());
  }

  private static org.apache.spark.sql.Row recordedFile(long bytes, String sha256, Long modified) {
    return org.apache.spark.sql.RowFactory.create(
        bytes, sha256, modified == null ? null : new java.sql.Timestamp(modified));
  }

  @Test
  void aNameThatArrivesInNfdIsRecordedInNfcAndStillOpened() throws Exception {
    String nfc = "出口数据_德清县_第①批.csv".replace("德清", "Café 德清");
    String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
    assertTrue(!nfd.equals(nfc), "the name has a decomposable letter");
    write("customs_exports/20200610-01/" + nfd, RETAIL);

    LandedFile file = list().ready().get(0).files().get(0);

    assertEquals(nfc, file.fileName());
    assertEquals(RETAIL_SHA256, file.sha256());
  }

  @Test
  void twoFilesWhoseNamesOnlyDifferInNormalisationRefuseTheirDelivery() throws Exception {
    String nfc = "Café.csv";
    write("retail_sales/20200610-01/" + nfc, RETAIL);
    write("retail_sales/20200610-01/" + Normalizer.normalize(nfc, Normalizer.Form.NFD), RETAIL);

    LandingScanner.Listing listing = list();

    assertEquals(List.of(), listing.ready());
    assertTrue(listing.refused().get(0).reason().contains("2 files are named Café.csv"));
  }

  /** What the skip list and the in-progress list do, one file beside a good one. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        ".hidden.csv | skipped",
        ".DS_Store | skipped",
        "~$出口数据（4月）.xlsx | skipped",
        "~$社零.xlsx | skipped",
        "社零_5月.csv.part | waiting",
        "exports.csv.PART | waiting",
        "社零.tmp | waiting",
        "出口数据.xlsx.crdownload | waiting",
        "readme.txt | ready",
        "~社零.csv | ready",
      })
  void theConfiguredListsDecideWhatIsSkippedAndWhatWaits(String name, String outcome)
      throws Exception {
    write("retail_sales/20200610-01/good.csv", RETAIL);
    write("retail_sales/20200610-01/" + name, RETAIL);

    LandingScanner.Listing listing = list();

    switch (outcome) {
      case "skipped" -> {
        assertEquals(List.of("good.csv"), fileNames(listing.ready().get(0)));
        assertEquals(1, listing.skipped().size());
        assertTrue(listing.skipped().get(0).contains("plainly not data"), listing.skipped().get(0));
      }
      case "waiting" -> {
        assertEquals(List.of(), listing.ready());
        assertEquals(1, listing.waiting().size());
        assertTrue(listing.waiting().get(0).reason().contains(name), listing.waiting().toString());
      }
      case "ready" ->
          assertEquals(
              List.of("good.csv", name).stream().sorted().toList(),
              fileNames(listing.ready().get(0)));
      default -> throw new IllegalArgumentException(outcome);
    }
    assertEquals(List.of(), listing.refused());
  }

  @Test
  void theListsComeFromConfiguration() throws Exception {
    write("retail_sales/20200610-01/good.csv", RETAIL);
    write("retail_sales/20200610-01/notes.bak", RETAIL);
    write("retail_sales/20200610-01/.hidden.csv", RETAIL);
    write("retail_sales/20200610-02/good.csv.part", RETAIL);

    LandingScanner.Listing listing = list(new LandingRules(List.of("*.bak"), List.of(), 3));

    assertEquals(List.of(".hidden.csv", "good.csv"), fileNames(listing.ready().get(0)));
    assertEquals(List.of("good.csv.part"), fileNames(listing.ready().get(1)));
    assertEquals(1, listing.skipped().size());
  }

  @Test
  void aDeliveryEmptyOrInProgressTooLongIsRefusedAndAFreshOneWaits() throws Exception {
    Path fresh = Files.createDirectories(landing().resolve("fdi_inflows/20200628-01"));
    Path old = Files.createDirectories(landing().resolve("fdi_inflows/20200601-01"));
    age(old, 4);
    age(write("retail_sales/20200601-01/社零.csv", RETAIL), 12);
    Path stalled = write("retail_sales/20200601-01/社零_6月.csv.part", RETAIL);
    age(stalled, 10);
    age(stalled.getParent(), 10);
    write("retail_sales/20200630-01/社零_6月.csv.part", RETAIL);

    LandingScanner.Listing listing = list();

    assertEquals(List.of(), listing.ready());
    assertEquals(
        List.of("fdi_inflows/20200628-01", "retail_sales/20200630-01"),
        listing.waiting().stream().map(w -> w.source().id() + "/" + w.delivery()).toList());
    assertEquals(2, listing.refused().size());
    LandingScanner.Refused empty = listing.refused().get(0);
    assertEquals("20200601-01", empty.delivery());
    assertTrue(empty.reason().startsWith("the delivery folder is empty"), empty.reason());
    assertTrue(empty.reason().contains("waiting_days: 3"), empty.reason());
    LandingScanner.Refused inProgress = listing.refused().get(1);
    assertTrue(inProgress.reason().contains("社零_6月.csv.part"), inProgress.reason());
    assertTrue(inProgress.reason().contains("10 days"), inProgress.reason());
    assertEquals(List.of("社零.csv", "社零_6月.csv.part"), fileNames(inProgress.files()));
    assertTrue(Files.isDirectory(fresh));
  }

  @Test
  void aFolderInsideADeliveryRefusesItWhole() throws Exception {
    write("retail_sales/20200610-01/good.csv", RETAIL);
    write("retail_sales/20200610-01/5月/社零.csv", RETAIL);

    LandingScanner.Listing listing = list();

    assertEquals(List.of(), listing.ready());
    LandingScanner.Refused refused = listing.refused().get(0);
    assertTrue(refused.reason().contains("5月 is a folder"), refused.reason());
    assertEquals(List.of("5月", "good.csv"), fileNames(refused.files()));
  }

  @Test
  void aSymbolicLinkOutOfTheLandingFolderRefusesItsDeliveryAndOneInsideIsRead() throws Exception {
    Path secret = root.resolve("outside/secret.csv");
    Files.createDirectories(secret.getParent());
    Files.writeString(secret, RETAIL, StandardCharsets.UTF_8);
    write("retail_sales/20200610-01/good.csv", RETAIL);
    Files.createSymbolicLink(landing().resolve("retail_sales/20200610-01/社零.csv"), secret);
    Files.createDirectories(landing().resolve("fdi_inflows"));
    Files.createSymbolicLink(
        landing().resolve("fdi_inflows/20200610-01"), secret.getParent().toAbsolutePath());
    Path good = write("customs_exports/20200610-01/a.csv", RETAIL);
    Files.createSymbolicLink(good.resolveSibling("b.csv"), good);
    Files.createSymbolicLink(good.resolveSibling("c.csv"), root.resolve("nowhere.csv"));

    LandingScanner.Listing listing = list();

    assertEquals(List.of(), listing.ready());
    assertEquals(3, listing.refused().size(), listing.refused().toString());
    String customs = listing.refused().get(0).reason();
    assertTrue(
        customs.equals("c.csv is in the folder but cannot be read (a broken symbolic link)"),
        customs);
    String fdi = listing.refused().get(1).reason();
    assertTrue(fdi.contains("the delivery folder is a symbolic link to"), fdi);
    assertTrue(fdi.contains("outside the landing folder"), fdi);
    String retail = listing.refused().get(2).reason();
    assertTrue(retail.contains("社零.csv is a symbolic link to " + secret.toRealPath()), retail);
    assertTrue(retail.contains("outside the landing folder"), retail);
  }

  @Test
  void entriesOutsideAnyDeliveryAreStraysAndHiddenOnesAreSkipped() throws Exception {
    write("retail_sales/20200610-01/good.csv", RETAIL);
    write("retail_sales/stray.csv", RETAIL);
    write("weather/20200610-01/a.csv", RETAIL);
    write("说明.txt", "notes");
    write(".DS_Store", "");
    write("retail_sales/.20200611-01/a.csv", RETAIL);

    LandingScanner.Listing listing = list();

    assertEquals(1, listing.ready().size());
    String strays = String.join("\n", listing.strays());
    assertEquals(3, listing.strays().size(), strays);
    for (String name : new String[] {"stray.csv", "weather", "说明.txt"}) {
      assertTrue(strays.contains(name), name + " not reported in:\n" + strays);
    }
    assertEquals(2, listing.skipped().size(), listing.skipped().toString());
  }

  @Test
  void aMissingLandingFolderIsAnError() {
    assertThrows(
        FileNotFoundException.class,
        () ->
            new LandingScanner(new Configuration(), LandingRules.defaults())
                .list(root.resolve("nope").toString(), NOW));
  }

  @ParameterizedTest(name = "{0} ~ {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        ".*        | .hidden      | true",
        ".*        | a.csv        | false",
        "~$*       | ~$社零.xlsx   | true",
        "~$*       | ~社零.xlsx    | false",
        "*.part    | a.csv.PART   | true",
        "*.part    | a.partial    | false",
        "?.tmp     | a.tmp        | true",
        "?.tmp     | ab.tmp       | false",
        "[x].csv   | [x].csv      | true",
        "[x].csv   | x.csv        | false",
      })
  void globsMatchWholeNamesWithStarAndQuestionMarkOnly(String glob, String name, boolean matches) {
    assertEquals(
        matches,
        LandingRules.glob(glob).matcher(name.toLowerCase(java.util.Locale.ROOT)).matches());
  }

  private static List<String> fileNames(LandedDelivery delivery) {
    return fileNames(delivery.files());
  }

  private static List<String> fileNames(List<LandedFile> files) {
    return files.stream().map(LandedFile::fileName).toList();
  }
}
