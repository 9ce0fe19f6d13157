package io.saima.generate;

import static io.saima.generate.LandingContext.GBK_CHINESE;
import static io.saima.generate.LandingContext.UTF8_ENGLISH;
import static io.saima.generate.LandingContext.plant;
import static io.saima.generate.LandingContext.set;
import static io.saima.generate.LandingGenerator.delivery;
import static io.saima.generate.LandingGenerator.yyyymm;

import io.saima.catalog.Source;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The retail sales deliveries: one file per city and month from its statistics bureau, one row per
 * county with its retail and online retail sales in whole 万元, for the month or January to the month
 * as the city publishes them.
 *
 * <p>A file of its own because retail is a table of published figures, not a split of a total into
 * lines, and because its county-months are also the base of the above-quota sales (see {@link
 * AboveQuotaLines}).
 */
final class RetailLines {

  static final List<String> RETAIL_COLUMNS =
      List.of("period", "county_code", "retail_sales_cny", "online_retail_cny", "basis");

  private final LandingContext ctx;

  RetailLines(LandingContext ctx) {
    this.ctx = ctx;
  }

  /** Cities whose statistics bureaus publish January–N cumulative figures. */
  static boolean reportsYearToDate(String cityCode) {
    return cityCode.equals("330500") || cityCode.equals("331100");
  }

  /** Writes one month's delivery. */
  void write(YearMonth period) {
    String folder = delivery(period, 18, 1);
    for (String city : ctx.reference.cities()) {
      boolean ytd = reportsYearToDate(city);
      String name = FileNames.retail(period, ctx.reference.cityName(city));
      List<CsvFile.Plant> plants = new ArrayList<>();
      if (yyyymm(period).equals("201912") && city.equals("330100")) {
        // the city's own total row left in the county table
        plants.add(plant(13, "unknown_county", row -> set(row, 1, "330100")));
      }
      try (CsvFile file =
          ctx.open(
              Source.RETAIL_SALES,
              folder,
              name,
              ytd ? GBK_CHINESE : UTF8_ENGLISH,
              RETAIL_COLUMNS,
              plants)) {
        for (Reference.County county : ctx.reference.countiesOf(city)) {
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
        ctx.count(Source.RETAIL_SALES, file);
      }
    }
  }

  /** A county's retail sales of one month, in yuan, as the bureau publishes it (whole 万元). */
  long retailMonth(String countyCode, YearMonth period) {
    CountyProfile p = ctx.profiles.get(countyCode);
    SplittableRandom noise =
        Seeds.random(ctx.spec.seed(), "retail-noise", countyCode, yyyymm(period));
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
    CountyProfile p = ctx.profiles.get(countyCode);
    SplittableRandom noise =
        Seeds.random(ctx.spec.seed(), "online-noise", countyCode, yyyymm(period));
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
}
