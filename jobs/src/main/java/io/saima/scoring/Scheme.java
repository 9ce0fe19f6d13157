package io.saima.scoring;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A competition scheme, as configured in {@code conf/scoring/<name>.yaml}: which indicators count
 * and how much, the measures behind each indicator's sub-scores, how each measure is scored, who is
 * scored together, and the optional progress bonus (进位).
 *
 * @param source the file it was read from, for messages
 * @param scope {@link Scope#PROVINCE}: all counties are scored and ranked together; {@link
 *     Scope#GROUP}: each competition group is scored and ranked on its own
 * @param groups only counties of these competition groups take part; empty for all
 */
public record Scheme(
    String name,
    String source,
    String description,
    Scope scope,
    List<String> groups,
    List<Indicator> indicators,
    ProgressBonus progressBonus)
    implements Serializable {

  /** Who is scored and ranked together. */
  public enum Scope {
    PROVINCE,
    GROUP
  }

  /** One indicator of the scheme: its weight in the total and its sub-scores. */
  public record Indicator(String name, double weight, List<Measure> measures)
      implements Serializable {}

  /**
   * One sub-score: a column of {@code gold.indicator_monthly}, its weight in the indicator score,
   * its scoring function and, for growth on a tiny base, optional winsorising bounds (NaN: none).
   */
  public record Measure(
      String column, double weight, ScoringFunction function, double winsorLow, double winsorHigh)
      implements Serializable {

    /** The measure as scored: clipped to the winsorising bounds. */
    public double winsorise(double x) {
      if (Double.isNaN(x)) {
        return x;
      }
      double out = x;
      if (!Double.isNaN(winsorLow)) {
        out = Math.max(winsorLow, out);
      }
      if (!Double.isNaN(winsorHigh)) {
        out = Math.min(winsorHigh, out);
      }
      return out;
    }
  }

  /**
   * 进位: points for each place climbed on the base score since the previous period of the same year,
   * at most {@code cap}; with {@code deduct}, the same for each place lost, at most {@code cap}
   * off.
   */
  public record ProgressBonus(double pointsPerPlace, double cap, boolean deduct)
      implements Serializable {
    public double points(int placesClimbed) {
      if (placesClimbed > 0) {
        return Math.min(cap, pointsPerPlace * placesClimbed);
      }
      if (placesClimbed < 0 && deduct) {
        return -Math.min(cap, pointsPerPlace * -placesClimbed);
      }
      return 0;
    }
  }

  public boolean hasProgressBonus() {
    return progressBonus != null;
  }

  public boolean usesTargets() {
    return indicators.stream()
        .flatMap(i -> i.measures().stream())
        .anyMatch(m -> m.function().usesTargets());
  }

  public List<String> indicatorNames() {
    return indicators.stream().map(Indicator::name).toList();
  }

  /** The same scheme with other indicator weights (a what-if on the rules, not the figures). */
  public Scheme withIndicatorWeights(Map<String, Double> weights, String newName) {
    List<Indicator> out = new ArrayList<>();
    for (Indicator indicator : indicators) {
      double weight = weights.getOrDefault(indicator.name(), indicator.weight());
      out.add(new Indicator(indicator.name(), weight, indicator.measures()));
    }
    return new Scheme(newName, source, description, scope, groups, out, progressBonus);
  }
}
