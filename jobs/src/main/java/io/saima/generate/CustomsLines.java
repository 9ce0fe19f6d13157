package io.saima.generate;

import static io.saima.generate.LandingContext.GBK_CHINESE;
import static io.saima.generate.LandingContext.UTF8_BOM_CHINESE;
import static io.saima.generate.LandingContext.UTF8_ENGLISH;
import static io.saima.generate.LandingContext.money;
import static io.saima.generate.LandingGenerator.yyyymm;

import io.saima.catalog.Source;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The customs exports deliveries: one file per city and month, each county-month's exports split by
 * kind of trade into as many lines as the scale asks for, every line in both currencies at its
 * day's rate; and the re-delivery of March 2020.
 *
 * <p>A file of its own because customs is nearly all of a run's lines and the source with the most
 * moving parts: firms that keep their name, town and goods from line to line, daily exchange rates,
 * four kinds of trade, three senders' encodings and a revision.
 */
final class CustomsLines {

  /** Customs lines of a realistic province-year at scale 1. */
  static final double CUSTOMS_LINES_PER_YEAR = 3_000_000;

  /** Exporting enterprises of the province. */
  static final double EXPORTERS = 80_000;

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

  private enum Segment {
    GENERAL,
    PROCESSING,
    PROCUREMENT,
    CBEC
  }

  private final LandingContext ctx;

  /** A county's share of the province's lines, less than proportional to its exports. */
  private final Map<String, Double> customsLineWeight = new LinkedHashMap<>();

  // the customs month being written: its key, its days' rates and the firms met so far
  private String monthKey;
  private double[] dayRates;
  private final Map<Long, Firm> firms = new HashMap<>();

  CustomsLines(LandingContext ctx) {
    this.ctx = ctx;
    double exportWeights = 0;
    for (Reference.County county : ctx.reference.counties()) {
      exportWeights += StrictMath.pow(ctx.profiles.get(county.code()).export2019Cny(), 0.8);
    }
    for (CountyProfile profile : ctx.profiles.values()) {
      customsLineWeight.put(
          profile.countyCode(), StrictMath.pow(profile.export2019Cny(), 0.8) / exportWeights);
    }
  }

  /** Writes one month's files into {@code folder}; a revision plants no bad rows. */
  void write(YearMonth period, String folder, boolean revision) {
    monthKey = yyyymm(period);
    dayRates = new double[period.lengthOfMonth()];
    for (int day = 1; day <= dayRates.length; day++) {
      dayRates[day - 1] = ctx.reference.dayRate(period, day);
    }
    List<String> cities = ctx.reference.cities();
    for (int i = 0; i < cities.size(); i++) {
      String city = cities.get(i);
      CsvFile.Style style =
          switch (i % 3) {
            case 0 -> GBK_CHINESE;
            case 1 -> UTF8_BOM_CHINESE;
            default -> UTF8_ENGLISH;
          };
      String name = FileNames.customs(period, city, ctx.reference.cityName(city));
      try (CsvFile file =
          ctx.open(
              Source.CUSTOMS_EXPORTS,
              folder,
              name,
              style,
              CUSTOMS_COLUMNS,
              revision ? List.of() : CustomsBadRows.plants(period, city))) {
        for (Reference.County county : ctx.reference.countiesOf(city)) {
          customsCounty(file, county, period, revision);
        }
        ctx.count(Source.CUSTOMS_EXPORTS, file);
      }
    }
  }

  private void customsCounty(
      CsvFile file, Reference.County county, YearMonth period, boolean revision) {
    CountyProfile p = ctx.profiles.get(county.code());
    firms.clear();
    SplittableRandom monthNoise =
        Seeds.random(ctx.spec.seed(), "export-noise", county.code(), yyyymm(period));
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
        ctx.spec.scale()
            * CUSTOMS_LINES_PER_YEAR
            * customsLineWeight.get(county.code())
            * total
            / p.export2019Cny();
    // A county with towns in units.csv keeps enough firms and lines for every town to show, even
    // in a tiny sample.
    int units = ctx.reference.unitsOf(county.code()).size();
    lineCount = Math.max(lineCount, 10.0 * units);
    long enterprises =
        Math.max(
            Math.max(3, 5L * units),
            Math.round(ctx.spec.scale() * EXPORTERS * customsLineWeight.get(county.code())));
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
          Seeds.random(ctx.spec.seed(), "customs-split", county.code(), monthKey, segment.name());
      double weightSum = 0;
      for (long i = 0; i < lines; i++) {
        weightSum += Seeds.logNormal(sizing, 1.3);
      }
      SplittableRandom split =
          Seeds.random(ctx.spec.seed(), "customs-split", county.code(), monthKey, segment.name());
      SplittableRandom attributes =
          Seeds.random(ctx.spec.seed(), "customs-line", county.code(), monthKey, segment.name());
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
        ctx.town(county, index),
        Seeds.mix(0, "hs", county.code(), index));
  }

  /** Skewed towards low numbers: a county's first enterprises are its big exporters. */
  private static long skewed(SplittableRandom random, long pool) {
    double u = random.nextDouble();
    return Math.min(pool - 1, (long) (pool * u * u * u));
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
}
