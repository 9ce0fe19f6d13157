package io.saima.metrics;

import static io.saima.metrics.SilverFixture.A;
import static io.saima.metrics.SilverFixture.B;
import static io.saima.metrics.SilverFixture.C;
import static io.saima.metrics.SilverFixture.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.saima.catalog.GoldTables;
import io.saima.testing.SparkTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IndicatorRankTest extends SparkTestBase {

  private static List<Row> ranks;

  private static Map<String, Object> county(
      String code, int period, String valueYtd, Double yoyYtd, Double shareChange) {
    Map<String, Object> m = new HashMap<>();
    m.put("indicator", "export");
    m.put("region_level", "county");
    m.put("region_code", code);
    m.put("period", period);
    m.put("year", period / 100);
    m.put("month", period % 100);
    m.put("value_ytd", money(valueYtd));
    m.put("yoy_ytd_pct", yoyYtd);
    m.put("share_change_pp", shareChange);
    m.put("currency", "CNY");
    return m;
  }

  @BeforeAll
  static void rank() {
    var monthly =
        new GoldRows(GoldTables.INDICATOR_MONTHLY)
            .add(county(A, 202001, "50", 1.0, 0.5))
            .add(county(B, 202001, "80", 2.0, null))
            .add(county(C, 202001, "60", 3.0, null))
            // February: A and B tie on the year to date; B's growth is unknown
            .add(county(A, 202002, "100", 10.0, 0.5))
            .add(county(B, 202002, "100", null, 0.5))
            .add(county(C, 202002, "50", 5.0, 0.5))
            .frame(spark());
    ranks =
        Metrics.indicatorRank(monthly, new SilverFixture().inputs(spark()).regions())
            .collectAsList();
  }

  private static Row get(String measure, String county, int period) {
    return ranks.stream()
        .filter(
            r ->
                r.getAs("measure").equals(measure)
                    && r.getAs("region_code").equals(county)
                    && (int) r.getAs("period") == period)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void tiesShareARankAndTheNextRankSkips() {
    assertEquals(1, (int) get("ytd_value", A, 202002).getAs("rank"));
    assertEquals(1, (int) get("ytd_value", B, 202002).getAs("rank"));
    assertEquals(3, (int) get("ytd_value", C, 202002).getAs("rank"));
    assertEquals(3, (int) get("ytd_value", C, 202002).getAs("n_ranked"));
    // all three share change 0.5: all first
    assertEquals(1, (int) get("share_change", C, 202002).getAs("rank"));
  }

  @Test
  void countiesWithoutAValueAreNeitherRankedNorCounted() {
    Row b = get("ytd_yoy", B, 202002);
    assertNull(b.getAs("rank"));
    assertNull(b.getAs("rank_in_group"));
    assertNull(b.getAs("value"));
    assertEquals(2, (int) b.getAs("n_ranked"));
    assertEquals(1, (int) get("ytd_yoy", A, 202002).getAs("rank"));
    assertEquals(2, (int) get("ytd_yoy", C, 202002).getAs("rank"));
    assertEquals(1, (int) get("share_change", A, 202001).getAs("n_ranked"));
  }

  @Test
  void groupsAreRankedWithinThemselves() {
    Row c = get("ytd_value", C, 202002);
    assertEquals("plain", c.getAs("competition_group"));
    assertEquals(2, (int) c.getAs("rank_in_group"));
    assertEquals(2, (int) c.getAs("n_ranked_in_group"));
    assertEquals(1, (int) get("ytd_value", A, 202002).getAs("rank_in_group"));
    assertEquals(1, (int) get("ytd_value", A, 202002).getAs("n_ranked_in_group"));
    assertEquals("甲县", get("ytd_value", A, 202002).getAs("region_name"));
  }

  @Test
  void rankChangeIsLastMonthsRankMinusThisOneAndNullInJanuary() {
    // January ytd_value: B 1, C 2, A 3; February: A 1, B 1, C 3
    assertEquals(2, (int) get("ytd_value", A, 202002).getAs("rank_change"));
    assertEquals(0, (int) get("ytd_value", B, 202002).getAs("rank_change"));
    assertEquals(-1, (int) get("ytd_value", C, 202002).getAs("rank_change"));
    assertNull(get("ytd_value", A, 202001).getAs("rank_change"));
    assertNull(get("ytd_yoy", B, 202002).getAs("rank_change"), "no rank, no movement");
  }
}
