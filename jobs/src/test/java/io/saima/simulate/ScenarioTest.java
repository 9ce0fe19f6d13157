package io.saima.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.saima.catalog.GoldTables;
import io.saima.scoring.Figures;
import io.saima.scoring.Scheme;
import io.saima.scoring.SchemeLoader;
import io.saima.scoring.ScoringFixtures;
import io.saima.testing.SparkTestBase;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class ScenarioTest extends SparkTestBase {
  private static final Path SCHEMES =
      Path.of(System.getProperty("saima.home", "..")).resolve("conf/scoring");

  private static Scenario scenario(String yaml) {
    return Scenario.parse(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "scenario.yaml");
  }

  /**
   * Exports of two Huzhou counties (德清 330521, 长兴 330522), their city and the province, January and
   * February of 2019 and 2020, with every derived column as gold computes it:
   *
   * <pre>
   *          2019-01 2019-02 2020-01 2020-02
   *   德清       100     100     120      80
   *   长兴       300     300     300     330
   * </pre>
   */
  private static Dataset<Row> exports() {
    Map<String, double[]> months = new HashMap<>();
    months.put("330521", new double[] {100, 100, 120, 80});
    months.put("330522", new double[] {300, 300, 300, 330});
    double[] total = {400, 400, 420, 410};
    int[] periods = {201901, 201902, 202001, 202002};
    List<Row> rows = new ArrayList<>();
    for (String level : List.of("county", "city", "province")) {
      List<String> codes =
          level.equals("county")
              ? List.of("330521", "330522")
              : List.of(level.equals("city") ? "330500" : "330000");
      for (String code : codes) {
        double[] v = level.equals("county") ? months.get(code) : total;
        for (int k = 0; k < 4; k++) {
          int year = k / 2;
          BigDecimal month = amount(v[k]);
          BigDecimal ytd = amount(k % 2 == 0 ? v[k] : v[k] + v[k - 1]);
          BigDecimal provinceYtd = amount(k % 2 == 0 ? total[k] : total[k] + total[k - 1]);
          BigDecimal monthLy = year == 0 ? null : amount(v[k - 2]);
          BigDecimal ytdLy = year == 0 ? null : amount(k % 2 == 0 ? v[k - 2] : v[k - 2] + v[k - 3]);
          BigDecimal provinceLy =
              year == 0 ? null : amount(k % 2 == 0 ? total[k - 2] : total[k - 2] + total[k - 3]);
          Double share = Figures.sharePct(ytd, provinceYtd);
          Double shareLy = Figures.sharePct(ytdLy, provinceLy);
          rows.add(
              RowFactory.create(
                  "export",
                  level,
                  code,
                  null,
                  periods[k],
                  periods[k] / 100,
                  periods[k] % 100,
                  month,
                  ytd,
                  monthLy,
                  ytdLy,
                  Figures.growthPct(month, monthLy),
                  Figures.growthPct(ytd, ytdLy),
                  share,
                  shareLy,
                  share == null || shareLy == null ? null : share - shareLy,
                  "CNY"));
        }
      }
    }
    return spark().createDataFrame(rows, GoldTables.INDICATOR_MONTHLY.schema());
  }

  private static BigDecimal amount(double v) {
    return BigDecimal.valueOf(v).setScale(2);
  }

  private static Map<String, Row> byRegion(Dataset<Row> frame, int period) {
    Map<String, Row> out = new HashMap<>();
    for (Row row : frame.filter("period = " + period).collectAsList()) {
      out.put(row.getString(row.fieldIndex("region_code")), row);
    }
    return out;
  }

  @Test
  void aScenarioThatAddsNothingGivesBackTheBaselineFigures() {
    Scenario zero =
        scenario(
            """
            name: zero
            adjustments:
              - {type: amount, indicator: export, region: "330521", amount: 0, from: 202001, to: 202002}
              - {type: growth_shock, indicator: export, regions: all, pct: 0, from: 202001, to: 202002}
            """);
    Dataset<Row> baseline = exports();
    assertSameRows(
        baseline, ScenarioFigures.apply(zero, baseline, ScoringFixtures.regions(spark())));
  }

  @Test
  void anAmountSpreadOverMonthsMovesTheYearToDateGrowthAndEveryShare() {
    Scenario plus =
        scenario(
            """
            name: plus
            adjustments:
              - {type: amount, indicator: export, region: "330521", amount: 50, from: 202001, to: 202002}
            """);
    Map<String, Row> feb =
        byRegion(ScenarioFigures.apply(plus, exports(), ScoringFixtures.regions(spark())), 202002);
    Row deqing = feb.get("330521");
    // 25 a month: February 80 + 25 = 105, year to date 200 + 50 = 250 against 200 last year
    assertEquals(new BigDecimal("105.00"), deqing.getDecimal(deqing.fieldIndex("value_month")));
    assertEquals(new BigDecimal("250.00"), deqing.getDecimal(deqing.fieldIndex("value_ytd")));
    assertEquals(25.0, deqing.getDouble(deqing.fieldIndex("yoy_ytd_pct")), 1e-12);
    assertEquals(5.0, deqing.getDouble(deqing.fieldIndex("yoy_month_pct")), 1e-12);
    // the province and the city grow with it: 830 + 50 = 880
    assertEquals(
        new BigDecimal("880.00"),
        feb.get("330000").getDecimal(feb.get("330000").fieldIndex("value_ytd")));
    assertEquals(
        new BigDecimal("880.00"),
        feb.get("330500").getDecimal(feb.get("330500").fieldIndex("value_ytd")));
    assertEquals(250.0 / 880 * 100, deqing.getDouble(deqing.fieldIndex("share_ytd_pct")), 1e-12);
    assertEquals(
        250.0 / 880 * 100 - 25.0, deqing.getDouble(deqing.fieldIndex("share_change_pp")), 1e-12);
    // 长兴's own figures and growth stay; its share falls because the province grew
    Row changxing = feb.get("330522");
    assertEquals(new BigDecimal("630.00"), changxing.getDecimal(changxing.fieldIndex("value_ytd")));
    assertEquals(5.0, changxing.getDouble(changxing.fieldIndex("yoy_ytd_pct")), 1e-12);
    assertEquals(
        630.0 / 880 * 100, changxing.getDouble(changxing.fieldIndex("share_ytd_pct")), 1e-12);
    // last year is untouched
    Row deqingLastYear =
        byRegion(ScenarioFigures.apply(plus, exports(), ScoringFixtures.regions(spark())), 201902)
            .get("330521");
    assertEquals(
        new BigDecimal("200.00"),
        deqingLastYear.getDecimal(deqingLastYear.fieldIndex("value_ytd")));
    assertNull(deqingLastYear.get(deqingLastYear.fieldIndex("yoy_ytd_pct")));
  }

  @Test
  void aGrowthShockScalesTheMonthsOfTheCountiesNamed() {
    Scenario shock =
        scenario(
            """
            name: shock
            adjustments:
              - {type: growth_shock, indicator: export, regions: ["330522"], pct: -10, from: 202002, to: 202002}
            """);
    Map<String, Row> feb =
        byRegion(ScenarioFigures.apply(shock, exports(), ScoringFixtures.regions(spark())), 202002);
    Row changxing = feb.get("330522");
    assertEquals(
        new BigDecimal("297.00"), changxing.getDecimal(changxing.fieldIndex("value_month")));
    assertEquals(new BigDecimal("597.00"), changxing.getDecimal(changxing.fieldIndex("value_ytd")));
    assertEquals(
        new BigDecimal("200.00"),
        feb.get("330521").getDecimal(feb.get("330521").fieldIndex("value_ytd")));
  }

  @Test
  void aZeroScenarioLeavesEveryScoreAndRankAsInTheBaselineAndWeightsMoveTotals() {
    Map<String, Scheme> schemes =
        Map.of("reference", SchemeLoader.loadFile(SCHEMES.resolve("reference.yaml")));
    Dataset<Row> monthly = ScoringFixtures.referenceFigures().frame(spark());
    Dataset<Row> regions = ScoringFixtures.regions(spark());
    Dataset<Row> targets = ScoringFixtures.noTargets(spark());
    Scenario zero =
        scenario(
            """
            name: zero
            period: 202006
            adjustments:
              - {type: amount, indicator: export, region: "330521", amount: 0, from: 202006, to: 202006}
            """);
    for (Row row :
        ScenarioStage.compare(zero, schemes, monthly, regions, targets).collectAsList()) {
      assertEquals(0.0, row.getDouble(row.fieldIndex("score_change")), 0.0);
      assertEquals(0, row.getInt(row.fieldIndex("rank_change")));
    }
    Scenario weights =
        scenario(
            """
            name: weights
            period: 202006
            adjustments:
              - {type: weights, scheme: reference, indicators: {export: 0.5, fdi_actual: 0.25, retail_sales: 0.25}}
            """);
    Map<String, Row> results =
        byRegion(ScenarioStage.compare(weights, schemes, monthly, regions, targets), 202006);
    // 德清: export 60, FDI 80, retail 90 -> 0.5 × 60 + 0.25 × 80 + 0.25 × 90 = 72.5 (was 75)
    Row deqing = results.get("330521");
    assertEquals(72.5, deqing.getDouble(deqing.fieldIndex("total_score_scenario")), 1e-9);
    assertEquals(-2.5, deqing.getDouble(deqing.fieldIndex("score_change")), 1e-9);
  }
}
