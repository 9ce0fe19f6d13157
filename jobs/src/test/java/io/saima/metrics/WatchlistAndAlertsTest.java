package io.saima.metrics;

import static io.saima.metrics.SilverFixture.A;
import static io.saima.metrics.SilverFixture.A_TOWN1;
import static io.saima.metrics.SilverFixture.B;
import static io.saima.metrics.SilverFixture.money;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.saima.catalog.GoldTables;
import io.saima.testing.SparkTestBase;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class WatchlistAndAlertsTest extends SparkTestBase {

  private static final MetricsSettings SETTINGS =
      new MetricsSettings(
          3, 3, 30, new BigDecimal("100"), Set.copyOf(MetricsSettings.RULES), 3, "ytd_value", 5, 0);

  @Test
  void exportersThatStopOrFallMoreThanTheThresholdAreListedWithTheirAmounts() {
    SilverFixture f =
        new SilverFixture()
            .customs(201902, A, null, "E1", "0110", "1", "1000")
            .customs(202001, A, null, "E1", "0110", "1", "800")
            .customs(201902, A, null, "E2", "0110", "1", "1000")
            .customs(202002, A, null, "E2", "0110", "1", "500")
            .customs(202003, A, null, "E2", "0110", "1", "500")
            .customs(201902, B, null, "E3", "0110", "1", "1000")
            .customs(202002, B, null, "E3", "0110", "1", "800")
            .customs(202003, B, null, "E3", "0110", "1", "800")
            .customs(202002, B, null, "E4", "0110", "1", "300")
            // below min_base_cny: not listed when it stops
            .customs(201902, B, null, "E5", "0110", "1", "10")
            .delivered("customs_exports", 201902, 202001, 202002, 202003);
    SilverInputs in = f.inputs(spark());
    Dataset<Row> periods =
        spark()
            .createDataset(List.of(201902, 202001, 202002, 202003), Encoders.INT())
            .toDF("period");
    List<Row> rows =
        Metrics.enterpriseWatchlist(in, periods, SETTINGS).collectAsList().stream()
            .sorted(
                Comparator.comparing((Row r) -> r.<Integer>getAs("period"))
                    .thenComparing(r -> r.<String>getAs("enterprise_id")))
            .toList();

    assertEquals(3, rows.size(), rows.toString());
    Row e1 = rows.get(0);
    assertEquals(
        List.of(202002, "E1", "stopped"),
        List.of(e1.getAs("period"), e1.getAs("enterprise_id"), e1.getAs("reason")));
    assertEquals(money("0"), e1.getAs("value_month"));
    assertEquals(money("800"), e1.getAs("value_prev_month"));
    assertEquals(money("1000"), e1.getAs("value_month_ly"));
    assertEquals("甲县", e1.getAs("county_name"));
    Row e2 = rows.get(1);
    assertEquals(
        List.of(202002, "E2", "sharp_drop"),
        List.of(e2.getAs("period"), e2.getAs("enterprise_id"), e2.getAs("reason")));
    assertEquals(-50.0, e2.<Double>getAs("yoy_month_pct"), 1e-9);
    assertEquals(money("0"), e2.getAs("value_prev_month"));
    Row e4 = rows.get(2);
    assertEquals(
        List.of(202003, "E4", "stopped"),
        List.of(e4.getAs("period"), e4.getAs("enterprise_id"), e4.getAs("reason")));
    assertNull(e4.getAs("value_month_ly"), "201903 was never delivered");
  }

  private static Map<String, Object> values(Object... pairs) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void eachRuleRaisesOneAlertPerRegionIndicatorAndPeriod() {
    Dataset<Row> monthly =
        new GoldRows(GoldTables.INDICATOR_MONTHLY)
            .add(
                values(
                    "indicator",
                    "export",
                    "region_level",
                    "county",
                    "region_code",
                    A,
                    "period",
                    202002,
                    "yoy_ytd_pct",
                    -5.0,
                    "share_ytd_pct",
                    10.0,
                    "share_change_pp",
                    -0.5,
                    "currency",
                    "CNY"))
            .add(
                values(
                    "indicator",
                    "export",
                    "region_level",
                    "county",
                    "region_code",
                    B,
                    "period",
                    202002,
                    "yoy_ytd_pct",
                    3.0,
                    "share_ytd_pct",
                    10.0,
                    "share_change_pp",
                    0.5,
                    "currency",
                    "CNY"))
            .add(
                values(
                    "indicator",
                    "export",
                    "region_level",
                    "province",
                    "region_code",
                    "990000",
                    "period",
                    202002,
                    "yoy_ytd_pct",
                    -1.0,
                    "currency",
                    "CNY"))
            .frame(spark());
    Dataset<Row> rank =
        new GoldRows(GoldTables.INDICATOR_RANK)
            .add(
                values(
                    "indicator",
                    "export",
                    "period",
                    202002,
                    "measure",
                    "ytd_value",
                    "region_code",
                    A,
                    "rank",
                    5,
                    "n_ranked",
                    3,
                    "n_ranked_in_group",
                    1,
                    "rank_change",
                    -3))
            .add(
                values(
                    "indicator",
                    "export",
                    "period",
                    202002,
                    "measure",
                    "ytd_value",
                    "region_code",
                    B,
                    "rank",
                    2,
                    "n_ranked",
                    3,
                    "n_ranked_in_group",
                    1,
                    "rank_change",
                    -2))
            .add(
                values(
                    "indicator",
                    "export",
                    "period",
                    202002,
                    "measure",
                    "ytd_yoy",
                    "region_code",
                    B,
                    "rank",
                    3,
                    "n_ranked",
                    3,
                    "n_ranked_in_group",
                    1,
                    "rank_change",
                    -9))
            .frame(spark());
    Dataset<Row> attainment =
        new GoldRows(GoldTables.TARGET_ATTAINMENT)
            .add(
                values(
                    "region_code",
                    A,
                    "region_level",
                    "county",
                    "indicator",
                    "export",
                    "target_period",
                    202012,
                    "target_type",
                    "value",
                    "as_of_period",
                    202002,
                    "ahead_pp",
                    -6.0,
                    "completion_pct",
                    10.7,
                    "time_progress_pct",
                    16.7,
                    "status",
                    "behind"))
            .add(
                values(
                    "region_code",
                    A,
                    "region_level",
                    "county",
                    "indicator",
                    "export",
                    "target_period",
                    202006,
                    "target_type",
                    "value",
                    "as_of_period",
                    202002,
                    "ahead_pp",
                    -10.0,
                    "completion_pct",
                    23.3,
                    "time_progress_pct",
                    33.3,
                    "status",
                    "behind"))
            .add(
                values(
                    "region_code",
                    A_TOWN1,
                    "region_level",
                    "unit",
                    "indicator",
                    "export",
                    "target_period",
                    202012,
                    "target_type",
                    "value",
                    "as_of_period",
                    202002,
                    "ahead_pp",
                    -2.0,
                    "completion_pct",
                    14.7,
                    "time_progress_pct",
                    16.7,
                    "status",
                    "behind"))
            .frame(spark());

    List<Row> alerts = Metrics.alerts(monthly, rank, attainment, SETTINGS).collectAsList();
    Map<String, Row> byRule = new HashMap<>();
    for (Row alert : alerts) {
      assertNull(byRule.put(alert.getAs("rule"), alert), "one alert per rule here: " + alerts);
      assertEquals(A, alert.getAs("region_code"));
      assertEquals(202002, (int) alert.getAs("period"));
    }
    assertEquals(Set.copyOf(MetricsSettings.RULES), byRule.keySet());
    assertEquals(-5.0, byRule.get("negative_growth").<Double>getAs("value"), 1e-9);
    assertEquals(-3.0, byRule.get("rank_fall").<Double>getAs("value"), 1e-9);
    assertEquals(-10.0, byRule.get("behind_time_progress").<Double>getAs("value"), 1e-9);
    assertEquals(-0.5, byRule.get("share_falling").<Double>getAs("value"), 1e-9);

    MetricsSettings onlyGrowth =
        new MetricsSettings(
            3, 3, 30, BigDecimal.ZERO, Set.of("negative_growth"), 3, "ytd_value", 5, 0);
    assertEquals(1, Metrics.alerts(monthly, rank, attainment, onlyGrowth).count());
  }
}
