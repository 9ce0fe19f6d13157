package io.saima.metrics;

import static io.saima.metrics.SilverFixture.A;
import static io.saima.metrics.SilverFixture.A_TOWN1;
import static io.saima.metrics.SilverFixture.A_TOWN2;
import static io.saima.metrics.SilverFixture.B;
import static io.saima.metrics.SilverFixture.C;
import static io.saima.metrics.SilverFixture.C_TOWN1;
import static io.saima.metrics.SilverFixture.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.Indicators;
import io.saima.catalog.SilverTables;
import io.saima.testing.SparkTestBase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IndicatorMonthlyTest extends SparkTestBase {

  private static List<Row> rows;

  /**
   * Customs delivered for 201901, 201902, 202001 and 202002 (no lines at all); 202003 never.
   * Retail: county A publishes January-to-month cumulative figures, B the month, C nothing.
   */
  static SilverFixture fixture() {
    return new SilverFixture()
        .customs(201901, A, A_TOWN1, "E1", "0214", "100", "700")
        .customs(201901, A, A_TOWN1, "E2", "9610", "10", "70")
        .customs(201901, B, null, "E3", "0110", "50", "345")
        .customs(201902, A, A_TOWN1, "E1", "0110", "50", "350")
        .customs(202001, A, A_TOWN1, "E1", "0615", "150", "1050")
        .customs(202001, A, A_TOWN2, "E2", "9610", "20", "140")
        // a town of county C on a line of county A: counts for A, for no unit
        .customs(202001, A, C_TOWN1, "E5", "0110", "5", "35")
        .customs(202001, B, null, "E3", "0110", "40", "280")
        .customs(202001, C, C_TOWN1, "E4", "1039", "30", "210")
        .delivered("customs_exports", 201901, 201902, 202001, 202002)
        .fdi(202001, A, A_TOWN1, "P1", "1000")
        .delivered("fdi_inflows", 202001)
        .retail(202001, A, "1000", "100", "ytd")
        .retail(202002, A, "1800", "150", "ytd")
        .retail(202003, A, "3000", null, "ytd")
        .retail(202001, B, "500", "50", "month")
        .retail(202002, B, "400", "40", "month")
        .retail(202003, B, "600", "60", "month")
        .delivered("retail_sales", 202001, 202002, 202003);
  }

  @BeforeAll
  static void build() {
    rows = Metrics.indicatorMonthly(fixture().inputs(spark())).collectAsList();
  }

  private static Optional<Row> find(String indicator, String region, int period) {
    return rows.stream()
        .filter(
            r ->
                r.getAs("indicator").equals(indicator)
                    && r.getAs("region_code").equals(region)
                    && (int) r.getAs("period") == period)
        .findFirst();
  }

  private static Row get(String indicator, String region, int period) {
    return find(indicator, region, period)
        .orElseThrow(() -> new AssertionError("no row " + indicator + " " + region + " " + period));
  }

  private static BigDecimal amount(Row row, String column) {
    return row.getAs(column);
  }

  private static Double pct(Row row, String column) {
    return row.getAs(column);
  }

  /**
   * silver.customs_monthly: the lines of one month, county, town, trade mode and enterprise become
   * one row with their exact sums and count; a null town is a town of its own.
   */
  @Test
  void customsLinesAreKeptAsExactSumsPerMonthCountyTownTradeModeAndEnterprise() {
    SilverFixture f =
        new SilverFixture()
            .customs(201901, A, A_TOWN1, "E1", "0214", "100.10", "700.70")
            .customs(201901, A, A_TOWN1, "E1", "0214", "0.20", "1.40")
            .customs(201901, A, A_TOWN1, "E1", "0110", "5", "35")
            .customs(201901, B, null, "E3", "0110", "50", "345")
            .customs(201901, B, null, "E3", "0110", "0.01", "0.07");
    var sums = f.inputs(spark()).customsMonthly();
    assertEquals(
        SilverTables.MONEY_SUM, sums.schema().apply("value_cny").dataType(), "no rounding");
    List<String> got =
        sums.orderBy("county_code", "trade_mode").collectAsList().stream()
            .map(
                r ->
                    String.join(
                        " ",
                        String.valueOf(r.<Integer>getAs("period")),
                        r.<String>getAs("county_code"),
                        String.valueOf(r.<String>getAs("town_code")),
                        r.<String>getAs("trade_mode"),
                        r.<String>getAs("enterprise_id"),
                        r.<String>getAs("enterprise_name"),
                        r.<BigDecimal>getAs("value_cny").toPlainString(),
                        r.<BigDecimal>getAs("value_usd").toPlainString(),
                        String.valueOf(r.<Long>getAs("line_count"))))
            .toList();
    assertEquals(
        List.of(
            "201901 " + A + " " + A_TOWN1 + " 0110 E1 企业E1 35.00 5.00 1",
            "201901 " + A + " " + A_TOWN1 + " 0214 E1 企业E1 702.10 100.30 2",
            "201901 " + B + " null 0110 E3 企业E3 345.07 50.01 2"),
        got);
  }

  @Test
  void deliveredMonthWithoutLinesIsZeroAndUndeliveredMonthHasNoRow() {
    Row c = get("export", C, 201901);
    assertEquals(money("0"), amount(c, "value_month"));
    Row a = get("export", A, 202002);
    assertEquals(money("0"), amount(a, "value_month"));
    assertEquals(money("1225"), amount(a, "value_ytd"));
    assertEquals(money("350"), amount(a, "value_month_ly"));
    assertEquals(money("1120"), amount(a, "value_ytd_ly"));
    assertTrue(find("export", A, 202003).isEmpty(), "202003 was never delivered");
    assertTrue(find("export", "990000", 202003).isEmpty());
    assertTrue(find("fdi_actual", A, 201901).isEmpty(), "FDI for 2019 was never delivered");
  }

  @Test
  void growthIsNullOnZeroOrMissingBaseAndComputedOtherwise() {
    Row a = get("export", A, 202002);
    assertEquals(-100.0, pct(a, "yoy_month_pct"), 1e-9);
    assertEquals((1225.0 - 1120.0) / 1120.0 * 100, pct(a, "yoy_ytd_pct"), 1e-9);
    // last year 0 (delivered, nothing exported)
    Row c = get("export", C, 202001);
    assertEquals(money("210"), amount(c, "value_month"));
    assertEquals(money("0"), amount(c, "value_month_ly"));
    assertNull(pct(c, "yoy_month_pct"));
    assertNull(pct(c, "yoy_ytd_pct"));
    Row b = get("export", B, 202002);
    assertNull(pct(b, "yoy_month_pct"), "0 on 0 is no growth figure");
    // last year never delivered
    Row fdi = get("fdi_actual", A, 202001);
    assertEquals(money("1000"), amount(fdi, "value_month"));
    assertNull(amount(fdi, "value_month_ly"));
    assertNull(pct(fdi, "yoy_month_pct"));
    assertEquals("USD", fdi.getAs("currency"));
  }

  @Test
  void processingTradeExportsCountTradeModes0214And0615Only() {
    // A: 0214 in January 2019 (700), 0615 in January 2020 (1050); its 0110 and 9610 lines do not
    // count. B exported in general trade only: delivered, nothing processed.
    Row a = get("processing_trade_export", A, 202001);
    assertEquals(money("1050"), amount(a, "value_month"));
    assertEquals(money("700"), amount(a, "value_month_ly"));
    assertEquals(50.0, pct(a, "yoy_month_pct"), 1e-9);
    assertEquals("CNY", a.getAs("currency"));
    assertEquals(
        money("1050"), amount(get("processing_trade_export", A_TOWN1, 202001), "value_month"));
    assertEquals(money("0"), amount(get("processing_trade_export", A, 201902), "value_month"));
    Row b = get("processing_trade_export", B, 202001);
    assertEquals(money("0"), amount(b, "value_month"));
    assertNull(pct(b, "yoy_month_pct"));
    // the province: A's processing trade only
    assertEquals(
        money("1050"), amount(get("processing_trade_export", "990000", 202001), "value_month"));
    assertEquals(100.0, pct(a, "share_ytd_pct"), 1e-9);
  }

  @Test
  void cumulativeRetailBecomesMonthsByDifference() {
    assertEquals(money("1000"), amount(get("retail_sales", A, 202001), "value_month"));
    assertEquals(money("800"), amount(get("retail_sales", A, 202002), "value_month"));
    Row march = get("retail_sales", A, 202003);
    assertEquals(money("1200"), amount(march, "value_month"));
    assertEquals(money("3000"), amount(march, "value_ytd"));
    assertEquals(money("1500"), amount(get("retail_sales", B, 202003), "value_ytd"));
    assertEquals(money("0"), amount(get("retail_sales", C, 202003), "value_month"));
    assertEquals(money("50"), amount(get("online_retail", A, 202002), "value_month"));
    // online retail not published for March: the month and the year to date are unknown
    assertNull(amount(get("online_retail", A, 202003), "value_month"));
    assertNull(amount(get("online_retail", A, 202003), "value_ytd"));
    assertEquals(money("4500"), amount(get("retail_sales", "990000", 202003), "value_ytd"));
  }

  @Test
  void cityAndProvinceTotalsAreTheSumsOfTheirCounties() {
    Row province = get("export", "990000", 202001);
    assertEquals("province", province.getAs("region_level"));
    assertEquals("测试省", province.getAs("region_name"));
    assertEquals(money("1715"), amount(province, "value_month"));
    assertEquals(money("1505"), amount(get("export", "990100", 202001), "value_month"));
    assertEquals(money("210"), amount(get("export", "990200", 202001), "value_month"));
    assertEquals(money("1200"), amount(get("retail_sales", "990100", 202002), "value_month"));
    // every indicator and period: province = cities = counties
    Metrics.indicatorMonthly(fixture().inputs(spark())).createOrReplaceTempView("im_sums");
    List<Row> totals =
        sql(
            "WITH t AS (SELECT indicator, period, region_level,"
                + " CASE WHEN COUNT(value_month) = COUNT(*) THEN SUM(value_month) END"
                + " AS month_total,"
                + " CASE WHEN COUNT(value_ytd) = COUNT(*) THEN SUM(value_ytd) END AS ytd_total"
                + " FROM im_sums"
                + " WHERE region_level IN ('province', 'city', 'county')"
                + " GROUP BY indicator, period, region_level)"
                + " SELECT a.indicator, a.period, a.region_level,"
                + " a.month_total <=> c.month_total AND a.ytd_total <=> c.ytd_total AS equal"
                + " FROM t a JOIN t c ON c.indicator = a.indicator AND c.period = a.period"
                + " AND c.region_level = 'county'");
    long indicatorMonths =
        sql("SELECT DISTINCT indicator, period FROM im_sums WHERE region_level = 'county'").size();
    // the months the fixture delivers, by source; every indicator has each month of its source
    Map<String, Integer> delivered =
        Map.of("customs_exports", 4, "fdi_inflows", 1, "retail_sales", 3, "above_quota_sales", 0);
    assertEquals(
        Indicators.all().stream().mapToLong(i -> delivered.get(i.source())).sum(),
        indicatorMonths,
        "indicator-months");
    assertEquals(3 * indicatorMonths, totals.size(), "every indicator-month at 3 levels");
    List<Row> mismatches = totals.stream().filter(r -> !r.<Boolean>getAs("equal")).toList();
    assertEquals(List.of(), mismatches);
  }

  @Test
  void shareOfTheProvinceAndItsChangeInPoints() {
    Row a = get("export", A, 202001);
    double share = 1225.0 / 1715.0 * 100;
    double shareLy = 770.0 / 1115.0 * 100;
    assertEquals(share, pct(a, "share_ytd_pct"), 1e-9);
    assertEquals(shareLy, pct(a, "share_ytd_ly_pct"), 1e-9);
    assertEquals(share - shareLy, pct(a, "share_change_pp"), 1e-9);
    assertEquals(100.0, pct(get("export", "990000", 202001), "share_ytd_pct"), 1e-9);
  }

  @Test
  void townCodesOutsideTheirCountyCountForTheCountyButForNoUnit() {
    assertEquals(money("1225"), amount(get("export", A, 202001), "value_month"));
    assertEquals(money("1050"), amount(get("export", A_TOWN1, 202001), "value_month"));
    assertEquals(money("140"), amount(get("export", A_TOWN2, 202001), "value_month"));
    Row c1 = get("export", C_TOWN1, 202001);
    assertEquals("unit", c1.getAs("region_level"));
    assertEquals(money("210"), amount(c1, "value_month"), "the stray 35 is not C's town's");
    assertEquals(money("0"), amount(get("export", A_TOWN2, 201902), "value_month"));
    assertTrue(find("retail_sales", A_TOWN1, 202001).isEmpty(), "retail has no towns");
    List<Row> stray =
        Metrics.strayTownCodes(fixture().inputs(spark()))
            .where("indicator = 'export'")
            .collectAsList();
    assertEquals(1, stray.size());
    assertEquals(A, stray.get(0).getAs("county_code"));
    assertEquals(C_TOWN1, stray.get(0).getAs("town_code"));
  }

  @Test
  void crossBorderCountsOnlyItsTradeModesAndDollarsAreSummedAsGiven() {
    assertEquals(money("140"), amount(get("cbec_export", A, 202001), "value_month"));
    assertEquals(money("0"), amount(get("cbec_export", C, 202001), "value_month"));
    assertEquals(money("70"), amount(get("cbec_export", A, 201901), "value_month"));
    Row usd = get("export_usd", A, 202001);
    assertEquals(money("175"), amount(usd, "value_month"));
    assertEquals("USD", usd.getAs("currency"));
    assertEquals(money("1000"), amount(get("fdi_actual", A_TOWN1, 202001), "value_month"));
  }
}
