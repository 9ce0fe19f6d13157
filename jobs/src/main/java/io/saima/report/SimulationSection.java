package io.saima.report;

import io.saima.report.Bulletin.Phrase;
import io.saima.report.Bulletin.ProbabilityRow;
import io.saima.report.Bulletin.RankSimulationRow;
import io.saima.report.Bulletin.ScenarioRow;
import io.saima.report.Bulletin.Simulations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/**
 * The simulations (三、目标进度与模拟): how likely each target is to be met, where the county is likely to
 * finish the year, and the what-if scenarios. The months they start from are listed together, since
 * the simulations need not all have run on the same month.
 */
final class SimulationSection {
  private static final String PROBABILITY = "gold.target_probability";
  private static final String RANK_SIMULATION = "gold.rank_simulation";
  private static final String SCENARIOS = "gold.scenario_results";

  private final GoldSnapshot gold;
  private final FigureBook book;
  private final Map<String, String> currencies;
  private final Map<String, String> scenarioLabels;

  SimulationSection(
      GoldSnapshot gold,
      FigureBook book,
      Map<String, String> currencies,
      Map<String, String> scenarioLabels) {
    this.gold = gold;
    this.book = book;
    this.currencies = currencies;
    this.scenarioLabels = scenarioLabels;
  }

  Simulations simulations() {
    String[] pKey = {"region_code", "indicator", "target_period", "target_type"};
    List<ProbabilityRow> probabilities = new ArrayList<>();
    Set<Integer> asOf = new TreeSet<>();
    gold.probabilities.stream()
        .sorted(
            Comparator.comparing((Row r) -> (Integer) r.getAs("target_period"))
                .thenComparing(r -> Labels.KEY_INDICATORS.indexOf((String) r.getAs("indicator")))
                .thenComparing(r -> (String) r.getAs("target_type")))
        .forEach(
            p -> {
              asOf.add(p.getAs("as_of_period"));
              Unit money = Unit.money(currencies.getOrDefault(p.getAs("indicator"), "CNY"));
              Phrase goal =
                  ((String) p.getAs("target_type")).equals("growth_pct")
                      ? Phrase.of(
                          "增长 ", book.of(PROBABILITY, p, "target_value", Unit.PERCENT, pKey), "%")
                      : Phrase.of(
                          book.of(PROBABILITY, p, "target_value", money, pKey), money.label());
              probabilities.add(
                  new ProbabilityRow(
                      Labels.indicator(p.getAs("indicator")),
                      Labels.targetName(p.getAs("target_period")),
                      goal,
                      book.of(PROBABILITY, p, "probability_met", Unit.PROBABILITY, pKey),
                      book.of(PROBABILITY, p, "value_p10", money, pKey),
                      book.of(PROBABILITY, p, "value_p50", money, pKey),
                      book.of(PROBABILITY, p, "value_p90", money, pKey),
                      money.label()));
            });
    List<RankSimulationRow> ranks = new ArrayList<>();
    String[] rKey = {"scheme", "region_code"};
    gold.rankSimulation.stream()
        .sorted(
            Comparator.comparing((Row r) -> !"reference".equals(r.getAs("scheme")))
                .thenComparing(r -> (String) r.getAs("scheme")))
        .forEach(
            r -> {
              asOf.add(r.getAs("as_of_period"));
              List<?> probabilitiesOfRanks = r.getList(r.fieldIndex("rank_probabilities"));
              ranks.add(
                  new RankSimulationRow(
                      Labels.scheme(r.getAs("scheme")),
                      probabilitiesOfRanks.size(),
                      book.of(RANK_SIMULATION, r, "current_rank", Unit.RANK, rKey),
                      book.of(RANK_SIMULATION, r, "most_likely_rank", Unit.RANK, rKey),
                      book.of(RANK_SIMULATION, r, "rank_p10", Unit.RANK, rKey),
                      book.of(RANK_SIMULATION, r, "rank_p90", Unit.RANK, rKey),
                      book.of(RANK_SIMULATION, r, "expected_rank", Unit.SCORE, rKey)));
            });
    List<ScenarioRow> scenarios = new ArrayList<>();
    String[] sKey = {"scenario", "scheme", "period", "region_code"};
    gold.scenarios.stream()
        .sorted(
            Comparator.comparing((Row r) -> (String) r.getAs("scenario"))
                .thenComparing(r -> !"reference".equals(r.getAs("scheme")))
                .thenComparing(r -> (String) r.getAs("scheme")))
        .forEach(
            s ->
                scenarios.add(
                    new ScenarioRow(
                        scenarioLabels.getOrDefault(s.getAs("scenario"), s.getAs("scenario")),
                        Labels.scheme(s.getAs("scheme"))
                            + "（"
                            + Labels.period(s.getAs("period"))
                            + "）",
                        book.of(SCENARIOS, s, "total_score_baseline", Unit.SCORE, sKey),
                        book.of(SCENARIOS, s, "total_score_scenario", Unit.SCORE, sKey),
                        book.of(SCENARIOS, s, "score_change", Unit.SCORE_CHANGE, sKey),
                        book.of(SCENARIOS, s, "rank_baseline", Unit.RANK, sKey),
                        book.of(SCENARIOS, s, "rank_scenario", Unit.RANK, sKey),
                        book.of(SCENARIOS, s, "rank_change", Unit.RANK_MOVE, sKey))));
    String asOfLabel =
        asOf.isEmpty() ? "" : String.join("、", asOf.stream().map(Labels::period).toList());
    Set<Integer> scenarioPeriods = new TreeSet<>();
    gold.scenarios.forEach(r -> scenarioPeriods.add(r.getAs("period")));
    return new Simulations(
        asOfLabel,
        probabilities,
        ranks,
        scenarios,
        String.join("、", scenarioPeriods.stream().map(Labels::period).toList()));
  }
}
