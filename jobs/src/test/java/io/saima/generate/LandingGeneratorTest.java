package io.saima.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.QuarantineReason;
import io.saima.catalog.Source;
import io.saima.config.ConfigLoader;
import io.saima.config.SaimaHome;
import io.saima.ingest.CreditCode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandingGeneratorTest {

  private static final Path REFERENCE = SaimaHome.locate().resolve("conf").resolve("reference");
  private static final Pattern MONEY = Pattern.compile("\\d+(\\.\\d{1,2})?");

  @TempDir static Path shared;
  private static LandingGenerator.Summary twoYears;
  private static Path twoYearsRoot;

  /** One tiny run of the whole sample range, shared by the contract tests. */
  @BeforeAll
  static void generateTwoYears() {
    twoYearsRoot = shared.resolve("landing");
    twoYears = generate(0.0005, 7, twoYearsRoot, "2019-01", "2020-12");
  }

  private static LandingGenerator.Summary generate(
      double scale, long seed, Path out, String from, String to) {
    return new LandingGenerator(
            new GeneratorSpec(
                scale, seed, out, YearMonth.parse(from), YearMonth.parse(to), REFERENCE))
        .run();
  }

  @Test
  void theSameSeedGivesByteIdenticalTrees(@TempDir Path a, @TempDir Path b) throws IOException {
    generate(0.0005, 11, a, "2020-03", "2020-05");
    generate(0.0005, 11, b, "2020-03", "2020-05");
    Map<String, byte[]> left = tree(a);
    Map<String, byte[]> right = tree(b);
    assertEquals(left.keySet(), right.keySet());
    for (String file : left.keySet()) {
      assertArrayEquals(left.get(file), right.get(file), file);
    }
    assertTrue(left.size() > 40, "files: " + left.keySet());
  }

  @Test
  void anotherSeedGivesOtherFigures(@TempDir Path a, @TempDir Path b) throws IOException {
    generate(0.0005, 1, a, "2020-01", "2020-01");
    generate(0.0005, 2, b, "2020-01", "2020-01");
    String file = "fdi_inflows/20200210-01/实到外资_2020年1月.csv";
    assertFalse(java.util.Arrays.equals(tree(a).get(file), tree(b).get(file)));
  }

  @Test
  void countyTotalsDoNotDependOnTheScale(@TempDir Path small, @TempDir Path large)
      throws IOException {
    LandingGenerator.Summary smallRun = generate(0.0005, 5, small, "2020-06", "2020-06");
    LandingGenerator.Summary largeRun = generate(0.004, 5, large, "2020-06", "2020-06");
    Map<String, BigDecimal> a = customsTotals(small, smallRun);
    Map<String, BigDecimal> b = customsTotals(large, largeRun);
    assertEquals(a, b);
    assertTrue(lines(large, "customs_exports") > 2 * lines(small, "customs_exports"));
  }

  @Test
  void everyHeaderMapsToAContractColumnThroughTheConfiguredAliases() throws IOException {
    Map<String, List<String>> aliases =
        ConfigLoader.forThisProcess().load(null, Map.of(), List.of()).headerAliases();
    for (Path file : files(twoYearsRoot)) {
      Source source =
          Source.byId(twoYearsRoot.relativize(file).getName(0).toString()).orElseThrow();
      List<String> columns = canonical(LandingFile.read(file).header(), aliases, file);
      assertTrue(columns.containsAll(source.requiredColumns()), file + ": " + columns);
      assertTrue(source.columns().containsAll(columns), file + ": " + columns);
    }
  }

  @Test
  void filesComeInTheEncodingsSendersUse() throws IOException {
    Set<String> seen = new HashSet<>();
    for (Path file : files(twoYearsRoot)) {
      LandingFile landing = LandingFile.read(file);
      seen.add(landing.encoding() + (landing.crlf() ? " CRLF" : " LF"));
      boolean chinese = landing.header().get(0).equals("统计月份");
      // GBK files are never valid UTF-8 here: their Chinese headers are not
      if (landing.encoding().equals("GBK")) {
        assertTrue(chinese, file.toString());
      }
      if (!chinese) {
        assertEquals("period", landing.header().get(0), file.toString());
      }
    }
    assertEquals(Set.of("GBK CRLF", "UTF-8 BOM CRLF", "UTF-8 BOM LF", "UTF-8 LF", "XLSX LF"), seen);
  }

  @Test
  void goodRowsHaveEveryRequiredFieldTypedAsTheContractSays() throws IOException {
    Map<String, List<String>> aliases =
        ConfigLoader.forThisProcess().load(null, Map.of(), List.of()).headerAliases();
    Set<String> counties = new HashSet<>();
    for (String line : Files.readAllLines(REFERENCE.resolve("regions.csv"))) {
      counties.add(line.split(",")[0]);
    }
    Set<String> plantedLines = new HashSet<>();
    for (LandingGenerator.PlantedRow row : twoYears.planted()) {
      plantedLines.add(row.file() + ":" + row.line());
    }
    Map<String, Set<String>> periodsBySource = new TreeMap<>();
    for (Path file : files(twoYearsRoot)) {
      String relative = twoYearsRoot.relativize(file).toString().replace('\\', '/');
      Source source = Source.byId(relative.substring(0, relative.indexOf('/'))).orElseThrow();
      LandingFile landing = LandingFile.read(file);
      List<String> columns = canonical(landing.header(), aliases, file);
      for (int i = 0; i < landing.rows().size(); i++) {
        long line = i + 2;
        if (plantedLines.contains(relative + ":" + line)) {
          continue;
        }
        Map<String, String> row = new TreeMap<>();
        for (int c = 0; c < columns.size(); c++) {
          row.put(columns.get(c), landing.rows().get(i).get(c));
        }
        String where = relative + " line " + line;
        for (String required : source.requiredColumns()) {
          assertFalse(row.get(required).isEmpty(), where + ": " + required);
        }
        assertTrue(row.get("period").matches("20\\d\\d(0[1-9]|1[0-2])"), where);
        assertTrue(counties.contains(row.get("county_code")), where);
        periodsBySource.computeIfAbsent(source.id(), k -> new HashSet<>()).add(row.get("period"));
        switch (source) {
          case CUSTOMS_EXPORTS -> {
            assertTrue(CreditCode.isValid(row.get("enterprise_id")), where);
            assertTrue(row.get("hs_code").matches("\\d{8}|\\d{10}"), where);
            assertTrue(row.get("trade_mode").matches("\\d{4}"), where);
            assertTrue(row.get("destination").matches("[A-Z]{2}"), where);
            BigDecimal usd = money(row.get("value_usd"), where);
            BigDecimal cny = money(row.get("value_cny"), where);
            // converted at the day's rate: within a percent of the month's average
            double rate = cny.doubleValue() / usd.doubleValue();
            assertTrue(rate > 6.4 && rate < 7.2, where + ": " + rate);
            if (row.get("trade_mode").equals("9710") || row.get("trade_mode").equals("9810")) {
              assertTrue(row.get("period").compareTo("202007") >= 0, where);
            }
          }
          case FDI_INFLOWS -> {
            money(row.get("actual_usd"), where);
            assertTrue(row.get("industry").matches("[A-T]"), where);
            assertTrue(row.get("investor_country").matches("[A-Z]{2}"), where);
          }
          case RETAIL_SALES -> {
            money(row.get("retail_sales_cny"), where);
            money(row.get("online_retail_cny"), where);
            assertTrue(Set.of("month", "ytd").contains(row.get("basis")), where);
          }
          case ABOVE_QUOTA_SALES -> {
            assertTrue(CreditCode.isValid(row.get("enterprise_id")), where);
            assertTrue(
                Set.of("wholesale", "retail", "accommodation", "catering")
                    .contains(row.get("industry")),
                where);
            money(row.get("sales_cny"), where);
          }
        }
      }
    }
    Set<String> months = new HashSet<>();
    for (YearMonth m = YearMonth.of(2019, 1);
        !m.isAfter(YearMonth.of(2020, 12));
        m = m.plusMonths(1)) {
      months.add(LandingGenerator.yyyymm(m));
    }
    for (Source source : Source.values()) {
      assertEquals(months, periodsBySource.get(source.id()), source.id());
    }
  }

  /** The month a customs file covers, from its name: ASCII or as Huzhou's customs names it. */
  static String periodOf(String fileName) {
    java.util.regex.Matcher chinese =
        java.util.regex.Pattern.compile("(\\d{4})年(\\d{1,2})月").matcher(fileName);
    if (chinese.find()) {
      return chinese.group(1)
          + String.format(java.util.Locale.ROOT, "%02d", Integer.parseInt(chinese.group(2)));
    }
    return fileName.substring(16, 22);
  }

  @Test
  void deqingTellsTheStoryOfDomainMd() throws IOException {
    // January–June exports per county, 2019 and 2020, from the latest delivery of each month
    Map<String, Map<String, BigDecimal>> byPeriod = new TreeMap<>();
    Map<String, BigDecimal> cbecByPeriod = new TreeMap<>();
    for (Path file : files(twoYearsRoot.resolve("customs_exports"))) {
      String relative = twoYearsRoot.relativize(file).toString().replace('\\', '/');
      String period = periodOf(file.getFileName().toString());
      Set<Long> planted = plantedLines(relative);
      LandingFile landing = LandingFile.read(file);
      Map<String, BigDecimal> totals = totalsOf(landing, planted);
      String key = period + "@" + file.getParent().getFileName();
      totals.forEach(
          (k, v) ->
              byPeriod.computeIfAbsent(key, x -> new TreeMap<>()).merge(k, v, BigDecimal::add));
      for (int i = 0; i < landing.rows().size(); i++) {
        List<String> row = landing.rows().get(i);
        if (!planted.contains(i + 2L)
            && row.get(1).equals("330521")
            && Set.of("9610", "9710", "9810", "1210").contains(row.get(6))) {
          cbecByPeriod.merge(key, new BigDecimal(row.get(9)), BigDecimal::add);
        }
      }
    }
    Map<String, double[]> ytd = new TreeMap<>();
    double[] cbec = new double[2];
    for (int year = 2019; year <= 2020; year++) {
      for (int month = 1; month <= 6; month++) {
        String period = String.format(java.util.Locale.ROOT, "%d%02d", year, month);
        String latest =
            byPeriod.keySet().stream()
                .filter(k -> k.startsWith(period))
                .max(String::compareTo)
                .orElseThrow();
        int y = year - 2019;
        byPeriod
            .get(latest)
            .forEach(
                (county, value) ->
                    ytd.computeIfAbsent(county, c -> new double[2])[y] += value.doubleValue());
        cbec[y] += cbecByPeriod.getOrDefault(latest, BigDecimal.ZERO).doubleValue();
      }
    }
    double[] deqing = ytd.get("330521");
    assertTrue(deqing[1] / deqing[0] - 1 >= 0.18, "export growth " + (deqing[1] / deqing[0] - 1));
    assertTrue(cbec[1] / cbec[0] - 1 >= 0.30, "cross-border growth " + (cbec[1] / cbec[0] - 1));
    // the export item of the reference scheme: half efficacy on the value, half on the growth
    Map<String, Double> value = new TreeMap<>();
    Map<String, Double> growth = new TreeMap<>();
    ytd.forEach(
        (county, v) -> {
          value.put(county, v[1]);
          growth.put(county, v[0] == 0 ? null : (v[1] / v[0] - 1) * 100);
        });
    int rank = rankOf("330521", value, growth);
    assertTrue(rank >= 5 && rank <= 7, "Deqing's export item ranks " + rank);

    // retail: Huzhou publishes January–N, so the year and the half-year are single rows
    assertEquals(20.5e9, retailYtd("retail_sales/20200118-01/社会消费品零售总额（湖州市）2019年12月.csv"), 0.3e9);
    assertEquals(8.95e9, retailYtd("retail_sales/20200718-01/社会消费品零售总额（湖州市）2020年6月.csv"), 0.15e9);
  }

  private Set<Long> plantedLines(String relative) {
    Set<Long> lines = new HashSet<>();
    for (LandingGenerator.PlantedRow row : twoYears.planted()) {
      if (row.file().equals(relative) && !row.reason().startsWith("unknown town")) {
        lines.add(row.line());
      }
    }
    return lines;
  }

  private static double retailYtd(String file) throws IOException {
    for (List<String> row : LandingFile.read(twoYearsRoot.resolve(file)).rows()) {
      if (row.get(1).equals("330521")) {
        assertEquals("ytd", row.get(4));
        return Double.parseDouble(row.get(2));
      }
    }
    throw new AssertionError("no Deqing row in " + file);
  }

  /** Rank of a county on 0.5 × efficacy(value) + 0.5 × efficacy(growth), 60–100 each. */
  private static int rankOf(String county, Map<String, Double> value, Map<String, Double> growth) {
    Map<String, Double> a = efficacy(value);
    Map<String, Double> b = efficacy(growth);
    double own = 0.5 * a.get(county) + 0.5 * b.get(county);
    int better = 0;
    for (String other : value.keySet()) {
      if (0.5 * a.get(other) + 0.5 * b.get(other) > own) {
        better++;
      }
    }
    return better + 1;
  }

  private static Map<String, Double> efficacy(Map<String, Double> measure) {
    double min =
        measure.values().stream()
            .filter(java.util.Objects::nonNull)
            .mapToDouble(Double::doubleValue)
            .min()
            .orElseThrow();
    double max =
        measure.values().stream()
            .filter(java.util.Objects::nonNull)
            .mapToDouble(Double::doubleValue)
            .max()
            .orElseThrow();
    Map<String, Double> out = new TreeMap<>();
    measure.forEach((k, v) -> out.put(k, v == null ? 60.0 : 60 + 40 * (v - min) / (max - min)));
    return out;
  }

  @Test
  void everyQuarantineReasonButAMissingRateIsPlantedSomewhere() {
    Set<String> reasons = new HashSet<>();
    for (LandingGenerator.PlantedRow row : twoYears.planted()) {
      reasons.add(row.reason().split(" ")[0]);
    }
    for (QuarantineReason reason : QuarantineReason.values()) {
      if (reason != QuarantineReason.NO_FX_RATE) {
        assertTrue(reasons.contains(reason.code()), reason.code() + " not in " + reasons);
      }
    }
    assertTrue(reasons.contains("unknown"), "the unknown town code: " + reasons);
  }

  @Test
  void marchTwentyTwentyIsRedeliveredWithChangedFigures() throws IOException {
    Path first = twoYearsRoot.resolve("customs_exports/20200415-01/海关出口 湖州市（2020年3月）.csv");
    Path revision = twoYearsRoot.resolve("customs_exports/20200615-02/海关出口 湖州市（2020年3月）.csv");
    assertTrue(Files.isRegularFile(revision));
    Map<String, BigDecimal> before = totalsOf(LandingFile.read(first), Set.of());
    Map<String, BigDecimal> after = totalsOf(LandingFile.read(revision), Set.of());
    assertEquals(before.keySet(), after.keySet());
    assertNotEquals(before.get("330521"), after.get("330521"));
    // Deqing's March is revised up by 3.1%
    double ratio = after.get("330521").doubleValue() / before.get("330521").doubleValue();
    assertEquals(1.031, ratio, 0.0005);
  }

  @Test
  void deliveriesArriveInTheMonthAfterTheirPeriod() throws IOException {
    try (Stream<Path> folders = Files.list(twoYearsRoot.resolve("customs_exports"))) {
      List<String> names = folders.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals("20190215-01", names.get(0));
      assertEquals("20210115-01", names.get(names.size() - 1));
      assertTrue(names.contains("20200615-02"));
      assertEquals(25, names.size());
    }
    // Huzhou's statistics bureau publishes January–N cumulative figures
    LandingFile huzhou =
        LandingFile.read(
            twoYearsRoot.resolve("retail_sales/20190718-01/社会消费品零售总额（湖州市）2019年6月.csv"));
    assertEquals(5, huzhou.rows().size());
    assertTrue(huzhou.rows().stream().allMatch(row -> row.get(4).equals("ytd")));
  }

  // ---------------------------------------------------------------- helpers

  private static List<String> canonical(
      List<String> header, Map<String, List<String>> aliases, Path file) {
    List<String> out = new ArrayList<>();
    for (String name : header) {
      String column = null;
      for (Map.Entry<String, List<String>> entry : aliases.entrySet()) {
        if (entry.getKey().equals(name) || entry.getValue().contains(name)) {
          column = entry.getKey();
        }
      }
      assertTrue(column != null, file + ": header '" + name + "' has no alias");
      out.add(column);
    }
    return out;
  }

  private static BigDecimal money(String value, String where) {
    assertTrue(MONEY.matcher(value).matches(), where + ": '" + value + "'");
    return new BigDecimal(value);
  }

  /** value_cny per county of all customs files, the planted bad rows left out. */
  private static Map<String, BigDecimal> customsTotals(Path root, LandingGenerator.Summary run)
      throws IOException {
    Map<String, BigDecimal> totals = new TreeMap<>();
    for (Path file : files(root.resolve("customs_exports"))) {
      String relative = root.relativize(file).toString().replace('\\', '/');
      Set<Long> planted = new HashSet<>();
      for (LandingGenerator.PlantedRow row : run.planted()) {
        if (row.file().equals(relative) && !row.reason().startsWith("unknown town")) {
          planted.add(row.line());
        }
      }
      totalsOf(LandingFile.read(file), planted)
          .forEach((k, v) -> totals.merge(k, v, BigDecimal::add));
    }
    return totals;
  }

  /** value_cny per county of a customs file, except the given lines. */
  private static Map<String, BigDecimal> totalsOf(LandingFile file, Set<Long> except) {
    Map<String, BigDecimal> totals = new TreeMap<>();
    for (int i = 0; i < file.rows().size(); i++) {
      List<String> row = file.rows().get(i);
      String cny = row.get(9);
      if (!except.contains(i + 2L) && MONEY.matcher(cny).matches()) {
        totals.merge(row.get(1), new BigDecimal(cny), BigDecimal::add);
      }
    }
    return totals;
  }

  private static long lines(Path root, String source) throws IOException {
    long n = 0;
    for (Path file : files(root.resolve(source))) {
      n += LandingFile.read(file).rows().size();
    }
    return n;
  }

  private static List<Path> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static Map<String, byte[]> tree(Path root) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    for (Path file : files(root)) {
      out.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
    }
    return out;
  }
}
