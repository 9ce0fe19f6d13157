package io.saima.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.saima.scoring.County;
import io.saima.scoring.Scheme;
import io.saima.scoring.ScoringFunction;
import io.saima.scoring.Target;
import io.saima.testing.SparkTestBase;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class MonteCarloTest extends SparkTestBase {
  private static final List<County> COUNTIES =
      List.of(
          new County("330521", "德清县", "other"),
          new County("330522", "长兴县", "other"),
          new County("330523", "安吉县", "other"));

  /** Exports only: scale 0.6, growth 0.4, efficacy coefficient. */
  private static Map<String, Scheme> schemes() {
    ScoringFunction efficacy =
        new ScoringFunction.Efficacy(60, 40, Double.NaN, Double.NaN, false, false, 100, 60);
    Scheme scheme =
        new Scheme(
            "t",
            "test",
            "",
            Scheme.Scope.PROVINCE,
            List.of(),
            List.of(
                new Scheme.Indicator(
                    "export",
                    1.0,
                    List.of(
                        new Scheme.Measure("value_ytd", 0.6, efficacy, Double.NaN, Double.NaN),
                        new Scheme.Measure("yoy_ytd_pct", 0.4, efficacy, Double.NaN, Double.NaN)))),
            null);
    Map<String, Scheme> out = new LinkedHashMap<>();
    out.put("t", scheme);
    return out;
  }

  private static Map<String, Row> byCounty(List<Row> rows) {
    Map<String, Row> out = new HashMap<>();
    rows.forEach(r -> out.put(r.getString(r.fieldIndex("region_code")), r));
    return out;
  }

  /**
   * Every county grows by the same rate every month: no noise and no provincial shock, so every
   * trial projects December exactly. Year end: 德清 110 × 12 = 1320 (+10 %), 长兴 200 × 12 = 2400 (0
   * %), 安吉 70 × 12 = 840 (+40 %). Scale: 72.31, 100, 60; growth: 70, 60, 100; totals 0.6 × scale +
   * 0.4 × growth: 71.38, 84, 76, so 长兴 1st, 安吉 2nd, 德清 3rd.
   */
  @Test
  void withZeroVarianceEveryTrialGivesTheDeterministicRanking() {
    Series s = new Series();
    s.flat("export", "330521", 2019, 12, 100).flat("export", "330521", 2020, 6, 110);
    s.flat("export", "330522", 2019, 12, 200).flat("export", "330522", 2020, 6, 200);
    s.flat("export", "330523", 2019, 12, 50).flat("export", "330523", 2020, 6, 70);
    List<Target> targets =
        List.of(
            new Target("330521", "export", 202012, "value", new BigDecimal("1320.00")),
            new Target("330522", "export", 202012, "growth_pct", new BigDecimal("0.01")));
    MonteCarlo.Setup setup = MonteCarlo.prepare(schemes(), s.figures(), COUNTIES, targets, 202006);
    assertEquals(0.0, setup.model().noise[0][0]);
    assertEquals(0.0, setup.model().provincialShock[0]);

    MonteCarlo.Results results = MonteCarlo.run(spark(), setup, COUNTIES, 200, 7, 2);

    Map<String, Row> ranks = byCounty(results.rankSimulation().collectAsList());
    int[] expected = {3, 1, 2};
    for (int c = 0; c < 3; c++) {
      Row row = ranks.get(COUNTIES.get(c).code());
      int rank = expected[c];
      assertEquals(rank, row.getInt(row.fieldIndex("most_likely_rank")));
      assertEquals(rank, row.getInt(row.fieldIndex("rank_p10")));
      assertEquals(rank, row.getInt(row.fieldIndex("rank_p90")));
      assertEquals(1.0, row.getList(row.fieldIndex("rank_probabilities")).get(rank - 1));
    }
    Map<String, Row> goals = byCounty(results.targetProbability().collectAsList());
    Row deqing = goals.get("330521");
    assertEquals(1.0, deqing.getDouble(deqing.fieldIndex("probability_met")), "1320 reaches 1320");
    assertEquals(
        new java.math.BigDecimal("1320.00"), deqing.getDecimal(deqing.fieldIndex("value_p50")));
    Row changxing = goals.get("330522");
    assertEquals(
        0.0, changxing.getDouble(changxing.fieldIndex("probability_met")), "0 % misses +0.01 %");
  }

  /** Months that wobble: the trials disagree, and the tallies must still be exact. */
  private static MonteCarlo.Setup noisy() {
    Series s = new Series();
    s.months("export", "330521", 2019, 1, 90, 60, 100, 110, 105, 120, 100, 110, 100, 105, 110, 130);
    s.months("export", "330521", 2020, 1, 100, 50, 95, 130, 120, 125);
    s.months("export", "330522", 2019, 1, 95, 70, 100, 100, 100, 100, 100, 100, 100, 100, 100, 120);
    s.months("export", "330522", 2020, 1, 85, 75, 110, 105, 90, 118);
    s.months("export", "330523", 2019, 1, 80, 50, 90, 100, 90, 95, 95, 90, 100, 95, 100, 110);
    s.months("export", "330523", 2020, 1, 90, 40, 100, 95, 110, 100);
    List<Target> targets =
        List.of(new Target("330521", "export", 202012, "value", new BigDecimal("1300.00")));
    return MonteCarlo.prepare(schemes(), s.figures(), COUNTIES, targets, 202006);
  }

  @Test
  void rankProbabilitiesOfEveryCountySumToOne() {
    MonteCarlo.Results results = MonteCarlo.run(spark(), noisy(), COUNTIES, 400, 11, 2);
    for (Row row : results.rankSimulation().collectAsList()) {
      List<Double> p = row.getList(row.fieldIndex("rank_probabilities"));
      assertEquals(1.0, p.stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
      assertEquals(400L, row.getLong(row.fieldIndex("trials")));
    }
    // and across counties, each rank is held by exactly one county in every trial
    List<Row> rows = results.rankSimulation().collectAsList();
    for (int r = 0; r < 3; r++) {
      double sum = 0;
      for (Row row : rows) {
        sum += (Double) row.getList(row.fieldIndex("rank_probabilities")).get(r);
      }
      assertEquals(1.0, sum, 1e-12, "rank " + (r + 1));
    }
  }

  @Test
  void theSameSeedGivesTheSameResultsHoweverTheTrialsArePartitioned() {
    MonteCarlo.Setup setup = noisy();
    List<Row> two =
        MonteCarlo.run(spark(), setup, COUNTIES, 300, 42, 2)
            .rankSimulation()
            .orderBy("region_code")
            .collectAsList();
    List<Row> five =
        MonteCarlo.run(spark(), setup, COUNTIES, 300, 42, 5)
            .rankSimulation()
            .orderBy("region_code")
            .collectAsList();
    assertEquals(two, five);
    Row targetTwo =
        MonteCarlo.run(spark(), setup, COUNTIES, 300, 42, 2).targetProbability().first();
    Row targetThree =
        MonteCarlo.run(spark(), setup, COUNTIES, 300, 42, 3).targetProbability().first();
    assertEquals(targetTwo, targetThree);
    Row otherSeed =
        MonteCarlo.run(spark(), setup, COUNTIES, 300, 43, 2).targetProbability().first();
    assertNotEquals(
        targetTwo.getDecimal(targetTwo.fieldIndex("value_p50")),
        otherSeed.getDecimal(otherSeed.fieldIndex("value_p50")),
        "another seed draws other paths");
  }
}
