package io.saima.simulate;

import io.saima.catalog.Indicators;
import io.saima.scoring.BoardBuilder;
import io.saima.scoring.YearFigures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Gap to rank: the least amount that, added to one county's year-to-date value of one indicator
 * with every other county held fixed, lifts it to a given rank (DOMAIN.md, "Ranking simulations").
 * Growth and share move with the amount as gold computes them, and so do the province's total and
 * every county's share.
 *
 * <ul>
 *   <li>On the indicator's total ({@code value_ytd}) the gap is exact: the r-th highest value of
 *       the others minus ours.
 *   <li>On growth ({@code yoy_ytd_pct}) it is exact too: last year's value × (1 + the r-th highest
 *       growth of the others / 100) minus ours, rounded up to the cent.
 *   <li>On a composite score (indicator score or total score) it is found by bisection over cents:
 *       the score is piecewise linear in the amount and the county's rank never worsens as the
 *       amount grows, so the search ends on the least cent that reaches the rank.
 * </ul>
 *
 * Every gap is checked by applying it: with the amount the county reaches the rank, with one cent
 * less it does not.
 */
public final class RankGaps {
  private RankGaps() {}

  /** What the rank is on. */
  public enum RankedOn {
    TOTAL_SCORE("total_score"),
    INDICATOR_SCORE("indicator_score"),
    VALUE_YTD("value_ytd"),
    YOY_YTD_PCT("yoy_ytd_pct");

    private final String column;

    RankedOn(String column) {
      this.column = column;
    }

    public String column() {
      return column;
    }

    public static RankedOn of(String column) {
      for (RankedOn on : values()) {
        if (on.column.equals(column)) {
          return on;
        }
      }
      throw new IllegalArgumentException(column);
    }
  }

  /** The answer for one county, indicator, kind of rank and target rank. */
  public record Gap(
      String scheme,
      int period,
      String regionCode,
      String indicator,
      RankedOn rankedOn,
      int currentRank,
      int targetRank,
      boolean reachable,
      BigDecimal amount,
      String currency,
      BigDecimal valueYtd,
      BigDecimal valueYtdNeeded,
      Integer reachedRank,
      Integer rankOneCentLess,
      String method) {

    /** The amount reaches the rank and one cent less does not. */
    public boolean verified() {
      return reachable
          && reachedRank != null
          && reachedRank <= targetRank
          && (amount.signum() == 0 || (rankOneCentLess != null && rankOneCentLess > targetRank));
    }

    public String describe() {
      if (!reachable) {
        return String.format(
            Locale.ROOT,
            "%s %s %s on %s %s: rank %d, rank %d cannot be reached with %s alone",
            scheme,
            period,
            regionCode,
            indicator,
            rankedOn.column(),
            currentRank,
            targetRank,
            indicator);
      }
      return String.format(
          Locale.ROOT,
          "%s %s %s on %s %s: rank %d -> %d needs %s %s more %s (verified: %s)",
          scheme,
          period,
          regionCode,
          indicator,
          rankedOn.column(),
          currentRank,
          targetRank,
          amount.toPlainString(),
          currency,
          indicator,
          verified() ? "yes" : "NO");
    }
  }

  /** The currency an indicator is counted in (its definition, {@link Indicators}). */
  public static String currency(String indicator) {
    return Indicators.of(indicator).currency();
  }

  static final BigDecimal CENT = new BigDecimal("0.01");

  /** Growth rates closer than this (percentage points) are equal. */
  static final double GROWTH_TIE = 1e-12;

  /**
   * The gap for one county.
   *
   * @param targetRank the rank to reach; 0 for the next rank (one better than the current one)
   * @return empty when the county already holds the target rank, has no figures, or is not ranked
   *     on growth (no last year)
   */
  public static java.util.Optional<Gap> find(
      BoardBuilder builder,
      YearFigures year,
      int period,
      String county,
      String indicator,
      RankedOn on,
      int targetRank) {
    GapEvaluator evaluator =
        new GapEvaluator(builder, year, period, county, indicator, on)
            .init(year, period, indicator);
    if (evaluator.base == null) {
      return java.util.Optional.empty();
    }
    int current = evaluator.rank(BigDecimal.ZERO);
    if (current == Integer.MAX_VALUE) {
      // no growth without last year's figures: the county is not ranked on it
      return java.util.Optional.empty();
    }
    int target = targetRank > 0 ? targetRank : current - 1;
    if (target < 1 || current <= target) {
      return java.util.Optional.empty();
    }
    BigDecimal amount;
    String method;
    switch (on) {
      case VALUE_YTD -> {
        amount = evaluator.exactValueGap(target);
        method = "exact";
      }
      case YOY_YTD_PCT -> {
        amount = evaluator.exactGrowthGap(target);
        method = "exact";
      }
      default -> {
        amount = evaluator.search(target);
        method = "search";
      }
    }
    BigDecimal ytd = evaluator.base.valueYtd();
    if (amount == null) {
      return java.util.Optional.of(
          new Gap(
              builder.scheme().name(),
              period,
              county,
              indicator,
              on,
              current,
              target,
              false,
              null,
              currency(indicator),
              ytd,
              null,
              null,
              null,
              method));
    }
    int reached = evaluator.rank(amount);
    Integer oneLess = amount.signum() > 0 ? evaluator.rank(amount.subtract(CENT)) : null;
    return java.util.Optional.of(
        new Gap(
            builder.scheme().name(),
            period,
            county,
            indicator,
            on,
            current,
            target,
            true,
            amount,
            currency(indicator),
            ytd,
            (ytd == null ? BigDecimal.ZERO : ytd).add(amount),
            reached,
            oneLess,
            method));
  }

  /** Gaps to the next rank for every county of the scheme, every indicator and kind of rank. */
  public static List<Gap> all(BoardBuilder builder, YearFigures year, int period, int targetRank) {
    List<Gap> out = new ArrayList<>();
    for (var county : builder.counties()) {
      for (String indicator : builder.scheme().indicatorNames()) {
        for (RankedOn on : RankedOn.values()) {
          find(builder, year, period, county.code(), indicator, on, targetRank).ifPresent(out::add);
        }
      }
    }
    return out;
  }
}
