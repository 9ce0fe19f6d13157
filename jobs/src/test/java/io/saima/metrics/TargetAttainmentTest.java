package io.saima.metrics;

import static io.saima.metrics.SilverFixture.A;
import static io.saima.metrics.SilverFixture.A_TOWN1;
import static io.saima.metrics.SilverFixture.A_TOWN2;
import static io.saima.metrics.SilverFixture.B;
import static io.saima.metrics.SilverFixture.C;
import static io.saima.metrics.SilverFixture.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.saima.testing.SparkTestBase;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * County A exported 100 a month in 2019 (January-June 600, the year 1200) and 150 a month in
 * January-April 2020 (year to date 600, growth 50%), all through its town 1. Customs is delivered
 * up to 202004.
 */
class TargetAttainmentTest extends SparkTestBase {

  private static List<Row> attainment;
  private static List<Row> unitRanking;

  @BeforeAll
  static void build() {
    SilverFixture f = new SilverFixture();
    for (int month = 1; month <= 12; month++) {
      f.customs(201900 + month, A, A_TOWN1, "E1", "0110", "14", "100");
      f.delivered("customs_exports", 201900 + month);
    }
    for (int month = 1; month <= 4; month++) {
      f.customs(202000 + month, A, A_TOWN1, "E1", "0110", "21", "150");
      f.delivered("customs_exports", 202000 + month);
    }
    f.target(A, "export", 202012, "value", "1500")
        .target(A, "export", 202006, "value", "1000")
        .target(A, "export", 202003, "value", "400")
        .target(A, "export", 202002, "value", "400")
        .target(A, "export", 202006, "growth_pct", "20")
        .target(A, "export", 202006, "growth_pct", "60")
        .target(C, "export", 202012, "value", "100")
        .target(A, "fdi_actual", 202012, "value", "100")
        .target(B, "export", 202112, "value", "10")
        .target(A_TOWN1, "export", 202012, "value", "1000")
        .target(A_TOWN2, "export", 202012, "value", "100");
    SilverInputs in = f.inputs(spark());
    Dataset<Row> att = Metrics.targetAttainment(in, Metrics.indicatorMonthly(in));
    attainment = att.collectAsList();
    MetricsSettings oneEach =
        new MetricsSettings(1, 1, 30, BigDecimal.ZERO, Set.of(), 3, "ytd_value", 5, 0);
    unitRanking = Metrics.unitRanking(att, in, oneEach).collectAsList();
  }

  private static Row target(String region, String indicator, int period, String type, String v) {
    return attainment.stream()
        .filter(
            r ->
                r.getAs("region_code").equals(region)
                    && r.getAs("indicator").equals(indicator)
                    && (int) r.getAs("target_period") == period
                    && r.getAs("target_type").equals(type)
                    && ((BigDecimal) r.getAs("target_value")).compareTo(new BigDecimal(v)) == 0)
        .findFirst()
        .orElseThrow();
  }

  private static double d(Row row, String column) {
    return row.<Double>getAs(column);
  }

  @Test
  void fullYearTargetAheadOfTimeProgressIsOnTrack() {
    Row t = target(A, "export", 202012, "value", "1500");
    assertEquals(202004, (int) t.getAs("as_of_period"));
    assertEquals(money("600"), t.getAs("actual_value"));
    assertEquals(40.0, d(t, "completion_pct"), 1e-9);
    assertEquals(4.0 / 12 * 100, d(t, "time_progress_pct"), 1e-9);
    assertEquals(40.0 - 4.0 / 12 * 100, d(t, "ahead_pp"), 1e-9);
    assertEquals("on_track", t.getAs("status"));
    assertEquals(money("900"), t.getAs("gap_value"));
    // (1500 - 600) / (1200 - 400) - 1
    assertEquals(12.5, d(t, "required_growth_pct"), 1e-9);
    assertEquals("county", t.getAs("region_level"));
  }

  @Test
  void halfYearTargetMeasuresTimeProgressOverSixMonths() {
    Row t = target(A, "export", 202006, "value", "1000");
    assertEquals(4.0 / 6 * 100, d(t, "time_progress_pct"), 1e-9);
    assertEquals(60.0, d(t, "completion_pct"), 1e-9);
    assertEquals("behind", t.getAs("status"));
    assertEquals(money("400"), t.getAs("gap_value"));
    // (1000 - 600) / (600 - 400) - 1
    assertEquals(100.0, d(t, "required_growth_pct"), 1e-9);
  }

  @Test
  void atTheTargetsPeriodItIsMetOrBehind() {
    Row met = target(A, "export", 202003, "value", "400");
    assertEquals(202003, (int) met.getAs("as_of_period"), "later months do not count");
    assertEquals(money("450"), met.getAs("actual_value"));
    assertEquals(100.0, d(met, "time_progress_pct"), 1e-9);
    assertEquals("met", met.getAs("status"));
    assertEquals(money("0"), met.getAs("gap_value"));
    assertNull(met.getAs("required_growth_pct"), "no month left");
    Row behind = target(A, "export", 202002, "value", "400");
    assertEquals(money("300"), behind.getAs("actual_value"));
    assertEquals("behind", behind.getAs("status"));
    assertEquals(money("100"), behind.getAs("gap_value"));
  }

  @Test
  void growthTargetsCompareYearToDateGrowthAndMeanLastYearTimesOnePlusGrowth() {
    Row onTrack = target(A, "export", 202006, "growth_pct", "20");
    assertEquals(50.0, d(onTrack, "actual_growth_pct"), 1e-9);
    assertEquals(money("720"), onTrack.getAs("target_amount"));
    assertEquals(600.0 / 720 * 100, d(onTrack, "completion_pct"), 1e-9);
    assertEquals("on_track", onTrack.getAs("status"));
    assertEquals(money("120"), onTrack.getAs("gap_value"));
    // (720 - 600) / (600 - 400) - 1
    assertEquals(-40.0, d(onTrack, "required_growth_pct"), 1e-9);
    assertEquals("behind", target(A, "export", 202006, "growth_pct", "60").getAs("status"));
  }

  @Test
  void nothingDeliveredInTheWindowIsNoData() {
    Row fdi = target(A, "fdi_actual", 202012, "value", "100");
    assertEquals("no_data", fdi.getAs("status"));
    assertNull(fdi.getAs("as_of_period"));
    assertNull(fdi.getAs("completion_pct"));
    assertEquals("no_data", target(B, "export", 202112, "value", "10").getAs("status"));
    Row c = target(C, "export", 202012, "value", "100");
    assertEquals(money("0"), c.getAs("actual_value"), "delivered months without lines are 0");
    assertEquals("behind", c.getAs("status"));
  }

  @Test
  void unitsAreRankedOnCompletionWithGoldAndSnail() {
    assertEquals(2, unitRanking.size());
    Row first =
        unitRanking.stream()
            .filter(r -> r.getAs("unit_code").equals(A_TOWN1))
            .findFirst()
            .orElseThrow();
    Row last =
        unitRanking.stream()
            .filter(r -> r.getAs("unit_code").equals(A_TOWN2))
            .findFirst()
            .orElseThrow();
    assertEquals(60.0, d(first, "completion_pct"), 1e-9);
    assertEquals(1, (int) first.getAs("rank"));
    assertEquals("gold", first.getAs("badge"));
    assertEquals(2, (int) last.getAs("rank"));
    assertEquals("snail", last.getAs("badge"));
    assertEquals(2, (int) last.getAs("n_ranked"));
    assertEquals(A, last.getAs("county_code"));
  }
}
