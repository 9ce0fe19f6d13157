package io.saima.generate;

import static io.saima.generate.LandingContext.UTF8_BOM_CHINESE_LF;
import static io.saima.generate.LandingContext.money;
import static io.saima.generate.LandingContext.plant;
import static io.saima.generate.LandingContext.set;
import static io.saima.generate.LandingGenerator.delivery;
import static io.saima.generate.LandingGenerator.yyyymm;

import io.saima.catalog.Source;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The above-quota sales deliveries: one file a month of every above-designated-size wholesale,
 * retail, accommodation and catering firm's sales, a county's firms sharing a fixed part of its
 * retail sales of the month.
 *
 * <p>A file of its own because its firms, unlike customs exporters, report every month and keep
 * their size from month to month, and because it depends on {@link RetailLines} for its totals
 * while nothing depends on it.
 */
final class AboveQuotaLines {

  /** Above-designated-size wholesale, retail, accommodation and catering enterprises. */
  static final double ABOVE_QUOTA_ENTERPRISES = 30_000;

  static final List<String> ABOVE_QUOTA_COLUMNS =
      List.of("period", "county_code", "town_code", "enterprise_id", "industry", "sales_cny");

  private static final String[] AQ_INDUSTRIES = {
    "wholesale", "retail", "accommodation", "catering"
  };
  private static final double[] AQ_INDUSTRY_SHARES = {0.70, 0.22, 0.02, 0.06};

  private final LandingContext ctx;
  private final RetailLines retail;

  /** A county's share of the province's above-quota firms, as of its above-quota sales of 2019. */
  private final Map<String, Double> aboveQuotaWeight = new LinkedHashMap<>();

  AboveQuotaLines(LandingContext ctx, RetailLines retail) {
    this.ctx = ctx;
    this.retail = retail;
    double aqWeights = 0;
    for (Reference.County county : ctx.reference.counties()) {
      CountyProfile profile = ctx.profiles.get(county.code());
      aqWeights += profile.retail2019Cny() * profile.aboveQuotaRatio();
    }
    for (CountyProfile profile : ctx.profiles.values()) {
      aboveQuotaWeight.put(
          profile.countyCode(), profile.retail2019Cny() * profile.aboveQuotaRatio() / aqWeights);
    }
  }

  /** Writes one month's delivery. */
  void write(YearMonth period) {
    String folder = delivery(period, 20, 1);
    String name = FileNames.aboveQuota(period);
    try (CsvFile file =
        ctx.open(
            Source.ABOVE_QUOTA_SALES,
            folder,
            name,
            UTF8_BOM_CHINESE_LF,
            ABOVE_QUOTA_COLUMNS,
            aboveQuotaPlants(period))) {
      for (Reference.County county : ctx.reference.counties()) {
        aboveQuotaCounty(file, county, period);
      }
      ctx.count(Source.ABOVE_QUOTA_SALES, file);
    }
  }

  private void aboveQuotaCounty(CsvFile file, Reference.County county, YearMonth period) {
    CountyProfile p = ctx.profiles.get(county.code());
    String monthKey = yyyymm(period);
    double month = retail.retailMonth(county.code(), period) * p.aboveQuotaRatio();
    for (int k = 0; k < AQ_INDUSTRIES.length; k++) {
      long cents = Math.round(month * AQ_INDUSTRY_SHARES[k] * 100);
      long enterprises =
          Math.max(
              AQ_INDUSTRY_SHARES[k] >= 0.2
                  ? Math.max(1, ctx.reference.unitsOf(county.code()).size())
                  : 1,
              Math.round(
                  ctx.spec.scale()
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
          ctx.town(county, index),
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
                    Seeds.random(ctx.spec.seed(), "aq-size", countyCode, industry, enterprise)));
    return size
        * Seeds.logNormal(
            Seeds.random(ctx.spec.seed(), "aq-month", countyCode, industry, enterprise, monthKey),
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
}
