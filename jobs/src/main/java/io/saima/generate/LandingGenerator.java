package io.saima.generate;

import io.saima.ingest.Source;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes synthetic deliveries in the landing contract of DESIGN.md: {@code
 * <out>/<source>/<delivery>/*.csv}, one delivery per source and month, named by its arrival date.
 *
 * <p>Money depends only on the seed, never on the scale: each county-month total is computed first
 * (calibrated to DOMAIN.md) and then split among as many lines as the scale asks for, so a small
 * sample tells the same story as a full province-year. Lines are written as they are drawn; nothing
 * beyond one county-month's parameters is held in memory.
 */
public final class LandingGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(LandingGenerator.class);

  /** Customs lines of a realistic province-year at scale 1. */
  static final double CUSTOMS_LINES_PER_YEAR = 3_000_000;

  /** Above-designated-size wholesale, retail, accommodation and catering enterprises. */
  static final double ABOVE_QUOTA_ENTERPRISES = 30_000;

  /** Exporting enterprises of the province. */
  static final double EXPORTERS = 80_000;

  /** The average FDI arrival at scale 1, in US dollars. */
  static final double FDI_ARRIVAL_USD = 2_500_000;

  static final Charset GBK = Charset.forName("GBK");

  static final CsvFile.Style GBK_CHINESE =
      new CsvFile.Style("GBK, Chinese headers, CRLF", GBK, false, true, true);
  static final CsvFile.Style UTF8_BOM_CHINESE =
      new CsvFile.Style(
          "UTF-8 with BOM, Chinese headers, CRLF", StandardCharsets.UTF_8, true, true, true);
  static final CsvFile.Style UTF8_BOM_CHINESE_LF =
      new CsvFile.Style(
          "UTF-8 with BOM, Chinese headers, LF", StandardCharsets.UTF_8, true, false, true);
  static final CsvFile.Style UTF8_ENGLISH =
      new CsvFile.Style("UTF-8, English headers, LF", StandardCharsets.UTF_8, false, false, false);

  /** The usual Chinese column names of the deliveries (also aliases in application.yaml). */
  static final Map<String, String> CHINESE = new LinkedHashMap<>();

  static {
    CHINESE.put("period", "统计月份");
    CHINESE.put("county_code", "县市区代码");
    CHINESE.put("town_code", "乡镇街道代码");
    CHINESE.put("enterprise_id", "统一社会信用代码");
    CHINESE.put("enterprise_name", "企业名称");
    CHINESE.put("hs_code", "商品编码");
    CHINESE.put("trade_mode", "贸易方式");
    CHINESE.put("destination", "目的国");
    CHINESE.put("value_usd", "美元金额");
    CHINESE.put("value_cny", "人民币金额");
    CHINESE.put("project_id", "项目编号");
    CHINESE.put("investor_country", "投资方国别");
    CHINESE.put("industry", "行业");
    CHINESE.put("contract_usd", "合同外资美元");
    CHINESE.put("actual_usd", "实到外资美元");
    CHINESE.put("retail_sales_cny", "社会消费品零售总额");
    CHINESE.put("online_retail_cny", "网络零售额");
    CHINESE.put("basis", "口径");
    CHINESE.put("sales_cny", "销售额");
  }

  static final List<String> CUSTOMS_COLUMNS =
      List.of(
          "period",
          "county_code",
          "town_code",
          "enterprise_id",
          "enterprise_name",
          "hs_code",
          "trade_mode",
          "destination",
          "value_usd",
          "value_cny");
  static final List<String> FDI_COLUMNS =
      List.of(
          "period",
          "county_code",
          "town_code",
          "project_id",
          "investor_country",
          "industry",
          "contract_usd",
          "actual_usd");
  static final List<String> RETAIL_COLUMNS =
      List.of("period", "county_code", "retail_sales_cny", "online_retail_cny", "basis");
  static final List<String> ABOVE_QUOTA_COLUMNS =
      List.of("period", "county_code", "town_code", "enterprise_id", "industry", "sales_cny");

  /** Frequent 8-digit tariff lines of Zhejiang's exports. */
  private static final String[] HS_CODES = {
    "61091000", "62034200", "61102000", "54076100", "60063200", "63026010", "94036090", "94017900",
    "94054090", "85165000", "85094010", "84145110", "84818040", "84831090", "87089990", "73239300",
    "82055900", "95030021", "95051000", "67029090", "39269090", "42022200", "64029990", "85044014",
    "85176299", "85414020", "85076000", "90049090", "96081000", "73181500", "84212999", "84501100",
    "85287211", "29419090", "38089199", "48191000", "70139900", "69120010", "44219190", "94049090",
    "85437099", "84715040", "85258013", "63079000", "62046200", "40169390"
  };

  private static final String[] DESTINATIONS = {
    "US", "JP", "DE", "GB", "KR", "NL", "FR", "IT", "ES", "AU", "CA", "IN", "RU", "BR", "MX", "AE",
    "SA", "VN", "TH", "MY", "SG", "ID", "PH", "HK", "TW", "PL", "TR", "NG", "ZA", "CL", "AR", "EG",
    "PK", "BD", "IL", "BE", "SE", "CZ", "UA", "KZ", "IQ", "PE", "CO", "NZ"
  };
  private static final double[] DESTINATION_WEIGHTS =
      Seeds.cumulative(
          16.5, 5.0, 4.2, 3.6, 2.6, 2.2, 2.0, 2.0, 1.9, 2.3, 1.8, 3.0, 2.6, 2.2, 1.9, 2.0, 1.3, 2.8,
          1.8, 2.2, 1.6, 1.9, 1.6, 3.0, 1.0, 1.4, 1.2, 1.0, 1.0, 1.1, 0.7, 0.8, 0.8, 0.7, 0.6, 1.0,
          0.6, 0.5, 0.7, 0.6, 0.6, 0.6, 0.6, 0.4);

  private static final String[] INVESTORS = {
    "HK", "SG", "VG", "KY", "JP", "KR", "US", "DE", "TW", "MO", "GB", "NL", "AU", "WS", "FR", "CH"
  };
  private static final double[] INVESTOR_WEIGHTS =
      Seeds.cumulative(62, 6, 6, 3, 4, 3, 3, 2, 3, 1, 1, 1, 1, 1, 0.5, 0.5);

  /** GB/T 4754 sections of foreign-invested projects. */
  private static final String[] FDI_INDUSTRIES = {
    "C", "K", "I", "L", "F", "M", "D", "E", "G", "N", "R"
  };

  private static final double[] FDI_INDUSTRY_WEIGHTS =
      Seeds.cumulative(45, 10, 10, 9, 7, 8, 3, 2, 2, 2, 2);

  private static final String[] AQ_INDUSTRIES = {
    "wholesale", "retail", "accommodation", "catering"
  };
  private static final double[] AQ_INDUSTRY_SHARES = {0.70, 0.22, 0.02, 0.06};

  private enum Segment {
    GENERAL,
    PROCESSING,
    PROCUREMENT,
    CBEC
  }

  private final GeneratorSpec spec;
  private final Reference reference;
  private final Map<String, CountyProfile> profiles = new LinkedHashMap<>();
  private final Map<String, Double> customsLineWeight = new LinkedHashMap<>();
  private final Map<String, Double> aboveQuotaWeight = new LinkedHashMap<>();
  private final List<PlantedRow> planted = new ArrayList<>();
  private final Map<String, Long> linesBySource = new LinkedHashMap<>();
  private long files;

  // the customs month being written: its key, its days' rates and the firms met so far
  private String monthKey;
  private double[] dayRates;
  private final Map<Long, Firm> firms = new HashMap<>();

  public LandingGenerator(GeneratorSpec spec) {
    this.spec = spec;
    this.reference = Reference.load(spec.reference());
    Map<String, CountyProfile> bundled = CountyProfile.bundled();
    double exportWeights = 0;
    double aqWeights = 0;
    for (Reference.County county : reference.counties()) {
      CountyProfile profile =
          bundled.getOrDefault(county.code(), CountyProfile.derived(county.code()));
      profiles.put(county.code(), profile);
      exportWeights += StrictMath.pow(profile.export2019Cny(), 0.8);
      aqWeights += profile.retail2019Cny() * profile.aboveQuotaRatio();
    }
    for (CountyProfile profile : profiles.values()) {
      customsLineWeight.put(
          profile.countyCode(), StrictMath.pow(profile.export2019Cny(), 0.8) / exportWeights);
      aboveQuotaWeight.put(
          profile.countyCode(), profile.retail2019Cny() * profile.aboveQuotaRatio() / aqWeights);
    }
    for (Source source : Source.values()) {
      linesBySource.put(source.id(), 0L);
    }
  }

  /** A deliberately bad row: where it is and why ingestion should refuse (or warn about) it. */
  public record PlantedRow(String file, long line, String reason) {}

  /** What was written. */
  public record Summary(long files, Map<String, Long> linesBySource, List<PlantedRow> planted) {
    public long lines() {
      return linesBySource.values().stream().mapToLong(Long::longValue).sum();
    }

    public String describe() {
      StringBuilder out = new StringBuilder();
      out.append(files).append(" files, ").append(lines()).append(" lines (");
      String separator = "";
      for (Map.Entry<String, Long> entry : linesBySource.entrySet()) {
        out.append(separator).append(entry.getKey()).append(' ').append(entry.getValue());
        separator = ", ";
      }
      return out.append("), ").append(planted.size()).append(" planted bad rows").toString();
    }
  }

  public Summary run() {
    for (YearMonth period = spec.from();
        !period.isAfter(spec.to());
        period = period.plusMonths(1)) {
      customs(period, delivery(period, 15, 1), false);
      fdi(period);
      retail(period);
      aboveQuota(period);
      LOG.info(
          "{}: {} lines so far ({} customs lines)",
          period,
          linesBySource.values().stream().mapToLong(Long::longValue).sum(),
          linesBySource.get(Source.CUSTOMS_EXPORTS.id()));
    }
    YearMonth revised = YearMonth.of(2020, 3);
    YearMonth arrival = YearMonth.of(2020, 5);
    if (!revised.isBefore(spec.from()) && !arrival.isAfter(spec.to())) {
      // Customs re-issues March 2020 with the May figures: late declarations and corrections.
      customs(revised, delivery(arrival, 15, 2), true);
    }
    for (PlantedRow row : planted) {
      LOG.info("planted {} at {} line {}", row.reason(), row.file(), row.line());
    }
    return new Summary(
        files, Collections.unmodifiableMap(new TreeMap<>(linesBySource)), List.copyOf(planted));
  }

  /** Period 201901 arrives in the next month, e.g. {@code 20190215-01}. */
  static String delivery(YearMonth period, int day, int sequence) {
    YearMonth arrival = period.plusMonths(1);
    return String.format(
        java.util.Locale.ROOT,
        "%04d%02d%02d-%02d",
        arrival.getYear(),
        arrival.getMonthValue(),
        day,
        sequence);
  }

  static String yyyymm(YearMonth period) {
    return String.format(
        java.util.Locale.ROOT, "%04d%02d", period.getYear(), period.getMonthValue());
  }

  // ---------------------------------------------------------------- customs exports

  private void customs(YearMonth period, String folder, boolean revision) {
    monthKey = yyyymm(period);
    dayRates = new double[period.lengthOfMonth()];
    for (int day = 1; day <= dayRates.length; day++) {
      dayRates[day - 1] = reference.dayRate(period, day);
    }
    List<String> cities = reference.cities();
    for (int i = 0; i < cities.size(); i++) {
      String city = cities.get(i);
      CsvFile.Style style =
          switch (i % 3) {
            case 0 -> GBK_CHINESE;
            case 1 -> UTF8_BOM_CHINESE;
            default -> UTF8_ENGLISH;
          };
      String name = FileNames.customs(period, city, reference.cityName(city));
      try (CsvFile file =
          open(
              Source.CUSTOMS_EXPORTS,
              folder,
              name,
              style,
              CUSTOMS_COLUMNS,
              revision ? List.of() : customsPlants(period, city))) {
        for (Reference.County county : reference.countiesOf(city)) {
          customsCounty(file, county, period, revision);
        }
        count(Source.CUSTOMS_EXPORTS, file);
      }
    }
  }

  private void customsCounty(
      CsvFile file, Reference.County county, YearMonth period, boolean revision) {
    CountyProfile p = profiles.get(county.code());
    firms.clear();
    SplittableRandom monthNoise =
        Seeds.random(spec.seed(), "export-noise", county.code(), yyyymm(period));
    double total =
        Calibration.month(
                p.export2019Cny(),
                Calibration.EXPORT_SEASON,
                Calibration.EXPORT_PATH_2020,
                p.exportGrowth2020Pct(),
                period)
            * Seeds.logNormal(monthNoise, 0.02)
            * (revision ? revisionFactor(county.code()) : 1.0);
    double cbecShare = p.cbecShare2019Pct() / 100.0;
    if (period.getYear() >= 2020) {
      cbecShare *= (1 + p.cbecGrowth2020Pct() / 100.0) / (1 + p.exportGrowth2020Pct() / 100.0);
    }
    double procurement = p.procurementSharePct() / 100.0;
    double processing = p.processingSharePct() / 100.0;
    double general = Math.max(0, 1 - cbecShare - procurement - processing);
    double lineCount =
        spec.scale()
            * CUSTOMS_LINES_PER_YEAR
            * customsLineWeight.get(county.code())
            * total
            / p.export2019Cny();
    // A county with towns in units.csv keeps enough firms and lines for every town to show, even
    // in a tiny sample.
    int units = reference.unitsOf(county.code()).size();
    lineCount = Math.max(lineCount, 10.0 * units);
    long enterprises =
        Math.max(
            Math.max(3, 5L * units),
            Math.round(spec.scale() * EXPORTERS * customsLineWeight.get(county.code())));
    double[] shares = {general, processing, procurement, cbecShare};
    String monthKey = yyyymm(period);
    for (Segment segment : Segment.values()) {
      double share = shares[segment.ordinal()];
      long cents = Math.round(total * share * 100);
      if (cents <= 0) {
        continue;
      }
      long lines = Math.max(1, Math.round(lineCount * share));
      // Two identical generators: the first sums the weights, the second splits the total.
      SplittableRandom sizing =
          Seeds.random(spec.seed(), "customs-split", county.code(), monthKey, segment.name());
      double weightSum = 0;
      for (long i = 0; i < lines; i++) {
        weightSum += Seeds.logNormal(sizing, 1.3);
      }
      SplittableRandom split =
          Seeds.random(spec.seed(), "customs-split", county.code(), monthKey, segment.name());
      SplittableRandom attributes =
          Seeds.random(spec.seed(), "customs-line", county.code(), monthKey, segment.name());
      double cumulative = 0;
      long allocated = 0;
      for (long i = 0; i < lines; i++) {
        cumulative += Seeds.logNormal(split, 1.3);
        long upTo = i == lines - 1 ? cents : Math.round(cents * (cumulative / weightSum));
        long lineCents = Math.max(1, upTo - allocated);
        allocated += lineCents;
        String[] row =
            customsLine(file, county, period, segment, enterprises, attributes, lineCents);
        if (i == 0
            && segment == Segment.GENERAL
            && !row[2].isEmpty()
            && monthKey.equals("202002")) {
          row[2] = county.code() + "999";
          file.rowWithNote(row, "unknown town_code (row kept, town left empty, warning)");
        } else {
          file.row(row);
        }
      }
    }
  }

  private String[] customsLine(
      CsvFile file,
      Reference.County county,
      YearMonth period,
      Segment segment,
      long enterprises,
      SplittableRandom random,
      long cnyCents) {
    long index;
    long pool;
    switch (segment) {
      case CBEC -> {
        pool = Math.max(1, enterprises / 8);
        index = 100_000 + skewed(random, pool);
      }
      case PROCUREMENT -> {
        pool = Math.max(2, enterprises / 2);
        index = 200_000 + skewed(random, pool);
      }
      default -> index = skewed(random, enterprises);
    }
    Firm firm = firms.computeIfAbsent(index, i -> firm(county, i));
    long h = firm.hsHash();
    String hs =
        random.nextDouble() < 0.75
            ? HS_CODES[(int) Long.remainderUnsigned(h, HS_CODES.length)]
            : HS_CODES[random.nextInt(HS_CODES.length)];
    if (Long.remainderUnsigned(h >>> 20, 4) == 0) {
      hs = hs + (Long.remainderUnsigned(h >>> 24, 2) == 0 ? "00" : "90");
    }
    String mode =
        switch (segment) {
          case GENERAL -> "0110";
          case PROCESSING -> random.nextDouble() < 0.6 ? "0615" : "0214";
          case PROCUREMENT -> "1039";
          case CBEC -> cbecMode(period, random.nextDouble());
        };
    String destination = DESTINATIONS[Seeds.pick(random, DESTINATION_WEIGHTS)];
    int day = 1 + random.nextInt(period.lengthOfMonth());
    double rate = dayRates[day - 1];
    long usdCents = Math.round(cnyCents / rate);
    String[] row = new String[file.width()];
    row[0] = monthKey;
    row[1] = county.code();
    row[2] = firm.town();
    row[3] = firm.creditCode();
    row[4] = firm.name();
    row[5] = hs;
    row[6] = mode;
    row[7] = destination;
    row[8] = money(usdCents);
    row[9] = money(cnyCents);
    return row;
  }

  /** What stays the same for an exporter from line to line. */
  private record Firm(String creditCode, String name, String town, long hsHash) {}

  private Firm firm(Reference.County county, long index) {
    return new Firm(
        Enterprises.creditCode(county.code(), index),
        Enterprises.name(county.shortName(), index),
        town(county, index),
        Seeds.mix(0, "hs", county.code(), index));
  }

  /**
   * 9710 and 9810 were piloted from July 2020; before that cross-border exports were 9610 or 1210.
   */
  static String cbecMode(YearMonth period, double u) {
    if (period.isBefore(YearMonth.of(2020, 7))) {
      return u < 0.78 ? "9610" : "1210";
    }
    return u < 0.50 ? "9610" : u < 0.72 ? "9710" : u < 0.87 ? "9810" : "1210";
  }

  /** Counties whose March 2020 customs figures the revision changes, and by how much. */
  static double revisionFactor(String countyCode) {
    if (countyCode.equals("330521")) {
      return 1.031;
    }
    double u = Seeds.stableUniform(countyCode, "revision-2020-03");
    return u < 0.08 ? 1.0 + u / 2 : 1.0;
  }

  private List<CsvFile.Plant> customsPlants(YearMonth period, String city) {
    List<CsvFile.Plant> plants = new ArrayList<>();
    String p = yyyymm(period);
    // Each row copies the good row before it and breaks one thing, as real bad rows do.
    if (p.equals("201903") && city.equals("330700")) {
      plants.add(plant(5, "missing_field", row -> set(row, 5, "")));
    }
    if (p.equals("201905") && city.equals("330200")) {
      plants.add(plant(7, "bad_number", row -> set(set(row, 8, "12,480.50"), 9, "")));
    }
    if (p.equals("201907") && city.equals("330300")) {
      plants.add(plant(4, "bad_period", row -> set(row, 0, "2019-07")));
    }
    if (p.equals("201909") && city.equals("330500")) {
      plants.add(plant(6, "negative_amount", row -> set(set(row, 8, "-1229.57"), 9, "-8650.00")));
    }
    if (p.equals("201911") && city.equals("330100")) {
      plants.add(plant(3, "unknown_county", row -> set(row, 1, "330101")));
    }
    if (p.equals("202001") && city.equals("330600")) {
      plants.add(plant(8, "invalid_enterprise_id", row -> set(row, 3, wrongCheck(row[3]))));
    }
    if (p.equals("202004") && city.equals("330400")) {
      plants.add(plant(2, "no_amount", row -> set(set(row, 8, ""), 9, "")));
    }
    if (p.equals("202006") && city.equals("330500")) {
      plants.add(plant(9, "duplicate_row", row -> row));
    }
    return plants;
  }

  // ---------------------------------------------------------------- FDI arrivals

  /** The one month the commerce bureau sent as an Excel workbook instead of a CSV file. */
  static final YearMonth FDI_AS_XLSX = YearMonth.of(2020, 4);

  private void fdi(YearMonth period) {
    String folder = delivery(period, 10, 1);
    if (period.equals(FDI_AS_XLSX)) {
      // a month's arrivals are a few thousand rows at most, so the workbook is built in memory
      String name = FileNames.fdi(period, "xlsx");
      Path path = spec.out().resolve(Source.FDI_INFLOWS.id()).resolve(folder).resolve(name);
      List<String[]> lines = new ArrayList<>();
      try (CsvFile file =
          new CsvFile(
              path,
              Source.FDI_INFLOWS.id() + "/" + folder + "/" + name,
              GBK_CHINESE,
              FDI_COLUMNS,
              CHINESE,
              fdiPlants(period),
              planted,
              lines)) {
        for (Reference.County county : reference.counties()) {
          fdiCounty(file, county, period);
        }
        count(Source.FDI_INFLOWS, file);
      }
      XlsxFile.write(path, "实到外资", lines.get(0), lines.subList(1, lines.size()));
      files++;
      return;
    }
    String name = FileNames.fdi(period, "csv");
    try (CsvFile file =
        open(Source.FDI_INFLOWS, folder, name, GBK_CHINESE, FDI_COLUMNS, fdiPlants(period))) {
      for (Reference.County county : reference.counties()) {
        fdiCounty(file, county, period);
      }
      count(Source.FDI_INFLOWS, file);
    }
  }

  private void fdiCounty(CsvFile file, Reference.County county, YearMonth period) {
    CountyProfile p = profiles.get(county.code());
    String monthKey = yyyymm(period);
    SplittableRandom noise = Seeds.random(spec.seed(), "fdi-noise", county.code(), monthKey);
    double usd =
        Calibration.month(
                p.fdi2019Usd(),
                Calibration.FDI_SEASON,
                Calibration.FDI_PATH_2020,
                p.fdiGrowth2020Pct(),
                period)
            * Seeds.logNormal(noise, 0.25)
            / StrictMath.exp(0.25 * 0.25 / 2);
    if (p.fdi2019Usd() < 30e6) {
      // small counties see months without any arrival; the others carry the year
      if (noise.nextDouble() < 0.35) {
        return;
      }
      usd /= 0.65;
    }
    long cents = Math.round(usd * 100);
    long arrivals =
        Math.max(
            reference.unitsOf(county.code()).isEmpty() ? 1 : 4,
            Math.round(usd / FDI_ARRIVAL_USD * spec.scale()));
    SplittableRandom sizing = Seeds.random(spec.seed(), "fdi-split", county.code(), monthKey);
    double weightSum = 0;
    for (long i = 0; i < arrivals; i++) {
      weightSum += Seeds.logNormal(sizing, 0.8);
    }
    SplittableRandom split = Seeds.random(spec.seed(), "fdi-split", county.code(), monthKey);
    SplittableRandom random = Seeds.random(spec.seed(), "fdi-line", county.code(), monthKey);
    double cumulative = 0;
    long allocated = 0;
    long offset = period.getMonthValue() % 3;
    for (long i = 0; i < arrivals; i++) {
      cumulative += Seeds.logNormal(split, 0.8);
      long upTo = i == arrivals - 1 ? cents : Math.round(cents * (cumulative / weightSum));
      long actual = Math.max(100, upTo - allocated);
      allocated += actual;
      long project = i + offset + (period.getMonthValue() % 2) * arrivals;
      String[] row = new String[file.width()];
      row[0] = monthKey;
      row[1] = county.code();
      row[2] = town(county, 500_000 + project);
      row[3] = county.code() + period.getYear() + pad4(project);
      row[4] = INVESTORS[Seeds.pick(random, INVESTOR_WEIGHTS)];
      row[5] = FDI_INDUSTRIES[Seeds.pick(random, FDI_INDUSTRY_WEIGHTS)];
      double contract = random.nextDouble();
      row[6] =
          contract < 0.15 ? "" : money(Math.round(actual * (1.0 + 2.0 * contract) / 100) * 100);
      row[7] = money(actual);
      file.row(row);
    }
  }

  private List<CsvFile.Plant> fdiPlants(YearMonth period) {
    List<CsvFile.Plant> plants = new ArrayList<>();
    switch (yyyymm(period)) {
      case "201904" ->
          plants.add(
              plant(
                  3,
                  "missing_field",
                  row -> set(set(row, 3, row[3].substring(0, 10) + "9901"), 7, "")));
      case "201910" ->
          plants.add(
              new CsvFile.Plant(
                  5,
                  "conflicting_duplicate",
                  row -> {
                    String project = row[3].substring(0, 10) + "9902";
                    return List.of(
                        set(set(row.clone(), 3, project), 7, "3200000.00"),
                        set(set(row.clone(), 3, project), 7, "2300000.00"));
                  }));
      case "202005" -> plants.add(plant(6, "duplicate_row", row -> row));
      case "202008" ->
          plants.add(
              plant(
                  4,
                  "negative_amount",
                  row ->
                      set(
                          set(set(row, 3, row[3].substring(0, 10) + "9903"), 6, ""),
                          7,
                          "-500000.00")));
      default -> {}
    }
    return plants;
  }

  // ---------------------------------------------------------------- retail sales

  /** Cities whose statistics bureaus publish January–N cumulative figures. */
  static boolean reportsYearToDate(String cityCode) {
    return cityCode.equals("330500") || cityCode.equals("331100");
  }

  private void retail(YearMonth period) {
    String folder = delivery(period, 18, 1);
    for (String city : reference.cities()) {
      boolean ytd = reportsYearToDate(city);
      String name = FileNames.retail(period, reference.cityName(city));
      List<CsvFile.Plant> plants = new ArrayList<>();
      if (yyyymm(period).equals("201912") && city.equals("330100")) {
        // the city's own total row left in the county table
        plants.add(plant(13, "unknown_county", row -> set(row, 1, "330100")));
      }
      try (CsvFile file =
          open(
              Source.RETAIL_SALES,
              folder,
              name,
              ytd ? GBK_CHINESE : UTF8_ENGLISH,
              RETAIL_COLUMNS,
              plants)) {
        for (Reference.County county : reference.countiesOf(city)) {
          long retail = 0;
          long online = 0;
          YearMonth first = ytd ? YearMonth.of(period.getYear(), 1) : period;
          for (YearMonth m = first; !m.isAfter(period); m = m.plusMonths(1)) {
            retail += retailMonth(county.code(), m);
            online += onlineMonth(county.code(), m);
          }
          String[] row = {
            yyyymm(period),
            county.code(),
            Long.toString(retail),
            Long.toString(online),
            ytd ? "ytd" : "month"
          };
          String p = yyyymm(period);
          if (p.equals("202010") && county.code().equals("330329")) {
            // sent twice with different figures: neither can be trusted
            file.row(row);
            file.plantHere(
                set(row.clone(), 2, Long.toString(retail + 12_340_000)),
                "conflicting_duplicate (with the row above)");
          } else if (p.equals("202011") && county.code().equals("330328")) {
            file.plantHere(
                set(row.clone(), 2, String.format(java.util.Locale.ROOT, "%.2f亿", retail / 1e8)),
                "bad_number");
          } else {
            file.row(row);
          }
        }
        count(Source.RETAIL_SALES, file);
      }
    }
  }

  /** A county's retail sales of one month, in yuan, as the bureau publishes it (whole 万元). */
  private long retailMonth(String countyCode, YearMonth period) {
    CountyProfile p = profiles.get(countyCode);
    SplittableRandom noise = Seeds.random(spec.seed(), "retail-noise", countyCode, yyyymm(period));
    double value =
        Calibration.month(
                p.retail2019Cny(),
                Calibration.RETAIL_SEASON,
                Calibration.RETAIL_PATH_2020,
                p.retailGrowth2020Pct(),
                period)
            * Seeds.logNormal(noise, 0.01);
    return Math.round(value / 10_000) * 10_000;
  }

  private long onlineMonth(String countyCode, YearMonth period) {
    CountyProfile p = profiles.get(countyCode);
    SplittableRandom noise = Seeds.random(spec.seed(), "online-noise", countyCode, yyyymm(period));
    double value =
        Calibration.month(
                p.retail2019Cny() * p.onlineRatio(),
                Calibration.RETAIL_SEASON,
                Calibration.ONLINE_PATH_2020,
                p.onlineGrowth2020Pct(),
                period)
            * Seeds.logNormal(noise, 0.04);
    return Math.round(value / 10_000) * 10_000;
  }

  // ---------------------------------------------------------------- above-quota sales

  private void aboveQuota(YearMonth period) {
    String folder = delivery(period, 20, 1);
    String name = FileNames.aboveQuota(period);
    try (CsvFile file =
        open(
            Source.ABOVE_QUOTA_SALES,
            folder,
            name,
            UTF8_BOM_CHINESE_LF,
            ABOVE_QUOTA_COLUMNS,
            aboveQuotaPlants(period))) {
      for (Reference.County county : reference.counties()) {
        aboveQuotaCounty(file, county, period);
      }
      count(Source.ABOVE_QUOTA_SALES, file);
    }
  }

  private void aboveQuotaCounty(CsvFile file, Reference.County county, YearMonth period) {
    CountyProfile p = profiles.get(county.code());
    String monthKey = yyyymm(period);
    double month = retailMonth(county.code(), period) * p.aboveQuotaRatio();
    for (int k = 0; k < AQ_INDUSTRIES.length; k++) {
      long cents = Math.round(month * AQ_INDUSTRY_SHARES[k] * 100);
      long enterprises =
          Math.max(
              AQ_INDUSTRY_SHARES[k] >= 0.2
                  ? Math.max(1, reference.unitsOf(county.code()).size())
                  : 1,
              Math.round(
                  spec.scale()
                      * ABOVE_QUOTA_ENTERPRISES
                      * aboveQuotaWeight.get(county.code())
                      * AQ_INDUSTRY_SHARES[k]));
      // each firm keeps its size from month to month, with a little monthly noise
      double weightSum = 0;
      for (long e = 0; e < enterprises; e++) {
        weightSum += firmWeight(county.code(), k, e, monthKey);
      }
      double cumulative = 0;
      long allocated = 0;
      for (long e = 0; e < enterprises; e++) {
        cumulative += firmWeight(county.code(), k, e, monthKey);
        long upTo = e == enterprises - 1 ? cents : Math.round(cents * (cumulative / weightSum));
        long sales = Math.max(100, upTo - allocated);
        allocated += sales;
        long index = 300_000 + k * 100_000L + e;
        String[] row = {
          monthKey,
          county.code(),
          town(county, index),
          Enterprises.creditCode(county.code(), index),
          AQ_INDUSTRIES[k],
          money(sales)
        };
        file.row(row);
      }
    }
  }

  private double firmWeight(String countyCode, int industry, long enterprise, String monthKey) {
    double size =
        StrictMath.exp(
            1.0
                * Seeds.gaussian(
                    Seeds.random(spec.seed(), "aq-size", countyCode, industry, enterprise)));
    return size
        * Seeds.logNormal(
            Seeds.random(spec.seed(), "aq-month", countyCode, industry, enterprise, monthKey),
            0.08);
  }

  private List<CsvFile.Plant> aboveQuotaPlants(YearMonth period) {
    List<CsvFile.Plant> plants = new ArrayList<>();
    switch (yyyymm(period)) {
      // an old 15-digit business registration number instead of the credit code
      case "201906" ->
          plants.add(
              plant(
                  12,
                  "invalid_enterprise_id",
                  row -> set(row, 3, row[1] + "000" + row[3].substring(10, 16))));
      case "201908" ->
          plants.add(
              plant(
                  20,
                  "missing_field",
                  row -> set(set(row, 3, Enterprises.creditCode(row[1], 999_001)), 4, "")));
      case "202003" ->
          plants.add(
              new CsvFile.Plant(
                  15,
                  "conflicting_duplicate",
                  row -> {
                    String id = Enterprises.creditCode(row[1], 999_002);
                    return List.of(
                        set(set(row.clone(), 3, id), 5, "4180000.00"),
                        set(set(row.clone(), 3, id), 5, "4810000.00"));
                  }));
      case "202007" -> plants.add(plant(30, "duplicate_row", row -> row));
      case "202009" ->
          plants.add(
              plant(
                  25,
                  "bad_number",
                  row ->
                      set(set(row, 3, Enterprises.creditCode(row[1], 999_003)), 5, "56,200.00")));
      default -> {}
    }
    return plants;
  }

  // ---------------------------------------------------------------- helpers

  private CsvFile open(
      Source source,
      String folder,
      String name,
      CsvFile.Style style,
      List<String> columns,
      List<CsvFile.Plant> plants) {
    Path path = spec.out().resolve(source.id()).resolve(folder).resolve(name);
    files++;
    return new CsvFile(
        path, source.id() + "/" + folder + "/" + name, style, columns, CHINESE, plants, planted);
  }

  private void count(Source source, CsvFile file) {
    linesBySource.merge(source.id(), file.lines() - 1, Long::sum);
  }

  /**
   * The town of an enterprise (or project) of a county that has units in units.csv; empty for
   * counties without. (One Deqing customs line of February 2020 gets a town code that is not in
   * units.csv instead: see {@link #customsCounty}.)
   */
  private String town(Reference.County county, long index) {
    List<Reference.Unit> units = reference.unitsOf(county.code());
    if (units.isEmpty()) {
      return "";
    }
    double u = Seeds.stableUniform("town", county.code(), index);
    double total = 0;
    for (Reference.Unit unit : units) {
      total += unit.weight();
    }
    double acc = 0;
    for (Reference.Unit unit : units) {
      acc += unit.weight() / total;
      if (u < acc) {
        return unit.code();
      }
    }
    return units.get(units.size() - 1).code();
  }

  /** Skewed towards low numbers: a county's first enterprises are its big exporters. */
  private static long skewed(SplittableRandom random, long pool) {
    double u = random.nextDouble();
    return Math.min(pool - 1, (long) (pool * u * u * u));
  }

  static String money(long cents) {
    StringBuilder out = new StringBuilder(16);
    long abs = Math.abs(cents);
    if (cents < 0) {
      out.append('-');
    }
    out.append(abs / 100).append('.');
    long fraction = abs % 100;
    if (fraction < 10) {
      out.append('0');
    }
    return out.append(fraction).toString();
  }

  private static String pad4(long n) {
    String s = Long.toString(n);
    return "0000".substring(Math.min(4, s.length())) + s;
  }

  private static String[] set(String[] row, int index, String value) {
    row[index] = value;
    return row;
  }

  /** A mistyped check character: the next one of the alphabet. */
  static String wrongCheck(String code) {
    String alphabet = io.saima.ingest.CreditCode.ALPHABET;
    char next = alphabet.charAt((alphabet.indexOf(code.charAt(17)) + 1) % alphabet.length());
    return code.substring(0, 17) + next;
  }

  private static CsvFile.Plant plant(
      int afterRow, String reason, java.util.function.UnaryOperator<String[]> make) {
    return new CsvFile.Plant(afterRow, reason, row -> List.<String[]>of(make.apply(row)));
  }
}
