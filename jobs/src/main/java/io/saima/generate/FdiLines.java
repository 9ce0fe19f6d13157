package io.saima.generate;

import static io.saima.generate.LandingContext.CHINESE;
import static io.saima.generate.LandingContext.GBK_CHINESE;
import static io.saima.generate.LandingContext.money;
import static io.saima.generate.LandingContext.plant;
import static io.saima.generate.LandingContext.set;
import static io.saima.generate.LandingGenerator.delivery;
import static io.saima.generate.LandingGenerator.yyyymm;

import io.saima.catalog.Source;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The FDI inflows deliveries: one GBK file a month from the commerce bureau, each county-month's
 * actually used foreign investment split into project arrivals, and April 2020 sent as an Excel
 * workbook.
 *
 * <p>A file of its own because FDI is drawn differently from the other sources (lumpy arrivals,
 * months without any in small counties, project numbers instead of firms) and is the one source
 * with a delivery in another format.
 */
final class FdiLines {

  /** The average FDI arrival at scale 1, in US dollars. */
  static final double FDI_ARRIVAL_USD = 2_500_000;

  /** The one month the commerce bureau sent as an Excel workbook instead of a CSV file. */
  static final YearMonth FDI_AS_XLSX = YearMonth.of(2020, 4);

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

  private final LandingContext ctx;

  FdiLines(LandingContext ctx) {
    this.ctx = ctx;
  }

  /** Writes one month's delivery. */
  void write(YearMonth period) {
    String folder = delivery(period, 10, 1);
    if (period.equals(FDI_AS_XLSX)) {
      // a month's arrivals are a few thousand rows at most, so the workbook is built in memory
      String name = FileNames.fdi(period, "xlsx");
      Path path = ctx.spec.out().resolve(Source.FDI_INFLOWS.id()).resolve(folder).resolve(name);
      List<String[]> lines = new ArrayList<>();
      try (CsvFile file =
          new CsvFile(
              path,
              Source.FDI_INFLOWS.id() + "/" + folder + "/" + name,
              GBK_CHINESE,
              FDI_COLUMNS,
              CHINESE,
              fdiPlants(period),
              ctx.planted,
              lines)) {
        for (Reference.County county : ctx.reference.counties()) {
          fdiCounty(file, county, period);
        }
        ctx.count(Source.FDI_INFLOWS, file);
      }
      XlsxFile.write(path, "实到外资", lines.get(0), lines.subList(1, lines.size()));
      ctx.fileWritten();
      return;
    }
    String name = FileNames.fdi(period, "csv");
    try (CsvFile file =
        ctx.open(Source.FDI_INFLOWS, folder, name, GBK_CHINESE, FDI_COLUMNS, fdiPlants(period))) {
      for (Reference.County county : ctx.reference.counties()) {
        fdiCounty(file, county, period);
      }
      ctx.count(Source.FDI_INFLOWS, file);
    }
  }

  private void fdiCounty(CsvFile file, Reference.County county, YearMonth period) {
    CountyProfile p = ctx.profiles.get(county.code());
    String monthKey = yyyymm(period);
    SplittableRandom noise = Seeds.random(ctx.spec.seed(), "fdi-noise", county.code(), monthKey);
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
            ctx.reference.unitsOf(county.code()).isEmpty() ? 1 : 4,
            Math.round(usd / FDI_ARRIVAL_USD * ctx.spec.scale()));
    SplittableRandom sizing = Seeds.random(ctx.spec.seed(), "fdi-split", county.code(), monthKey);
    double weightSum = 0;
    for (long i = 0; i < arrivals; i++) {
      weightSum += Seeds.logNormal(sizing, 0.8);
    }
    SplittableRandom split = Seeds.random(ctx.spec.seed(), "fdi-split", county.code(), monthKey);
    SplittableRandom random = Seeds.random(ctx.spec.seed(), "fdi-line", county.code(), monthKey);
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
      row[2] = ctx.town(county, 500_000 + project);
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

  private static String pad4(long n) {
    String s = Long.toString(n);
    return "0000".substring(Math.min(4, s.length())) + s;
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
}
