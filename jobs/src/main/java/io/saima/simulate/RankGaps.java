package io.saima.simulate;

import io.saima.catalog.Indicators;
import io.saima.scoring.Board;
import io.saima.scoring.BoardBuilder;
import io.saima.scoring.Figures;
import io.saima.scoring.Scheme;
import io.saima.scoring.ScoreEngine;
import io.saima.scoring.YearFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
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

  private static final BigDecimal CENT = new BigDecimal("0.01");

  /** Growth rates closer than this (percentage points) are equal. */
  static final double GROWTH_TIE = 1e-12;

  /**
   * Beyond this many yuan (or dollars) a rank is called unreachable: 10^16, a hundred provinces.
   */
  private static final long LIMIT_CENTS = 1_000_000_000_000_000_000L;

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
    Evaluator evaluator =
        new Evaluator(builder, year, period, county, indicator, on).init(year, period, indicator);
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

  /** Ranks the county under an added amount, the board otherwise fixed. */
  private static final class Evaluator {
    final Scheme scheme;
    final ScoreEngine engine;
    final Board board;
    final int[] previousBaseRanks;
    final int county;
    final int indicator;
    final Figures base;
    final RankedOn on;
    final int[] pool;

    Evaluator(
        BoardBuilder builder,
        YearFigures year,
        int period,
        String code,
        String indicatorName,
        RankedOn on) {
      this.scheme = builder.scheme();
      this.engine = new ScoreEngine(scheme);
      this.board = builder.board(year, period).copy();
      this.county = builder.indexOf(code);
      this.indicator = scheme.indicatorNames().indexOf(indicatorName);
      this.on = on;
      this.base = county < 0 ? null : year.get(period, indicatorName, code);
      int previousPeriod = period % 100 == 1 ? 0 : period - 1;
      if (scheme.hasProgressBonus()
          && previousPeriod != 0
          && year.completePeriods(scheme.indicatorNames()).contains(previousPeriod)) {
        previousBaseRanks = engine.score(builder.board(year, previousPeriod), null).baseRanks;
      } else {
        previousBaseRanks = null;
      }
      int[] found = null;
      if (county >= 0) {
        for (int[] p : engine.pools(board)) {
          for (int c : p) {
            if (c == county) {
              found = p;
            }
          }
        }
      }
      this.pool = found;
    }

    int rank(BigDecimal amount) {
      Figures f = base.plusYtd(amount);
      List<Scheme.Measure> measures = scheme.indicators().get(indicator).measures();
      for (int m = 0; m < measures.size(); m++) {
        board.measures()[indicator][m][county] = f.measure(measures.get(m).column());
      }
      switch (on) {
        case VALUE_YTD:
          return rankOf(f.valueYtd().doubleValue(), column("value_ytd"));
        case YOY_YTD_PCT:
          return f.yoyYtdPct() == null
              ? Integer.MAX_VALUE
              : rankOf(f.yoyYtdPct(), column("yoy_ytd_pct"));
        default:
          ScoreEngine.Result r = engine.score(board, previousBaseRanks);
          return on == RankedOn.TOTAL_SCORE ? r.ranks[county] : r.indicatorRanks[indicator][county];
      }
    }

    /** The others' values of a measure, read from the fixed board's year figures. */
    double[] column(String measure) {
      return othersValues.computeIfAbsent(measure, this::others);
    }

    private final java.util.Map<String, double[]> othersValues = new java.util.HashMap<>();

    private double[] others(String measure) {
      List<Double> values = new ArrayList<>();
      for (int c : pool) {
        if (c != county) {
          double v = othersFigures(c, measure);
          if (!Double.isNaN(v)) {
            values.add(v);
          }
        }
      }
      return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private double othersFigures(int c, String measure) {
      Figures f = figuresOf(c);
      return f == null ? Double.NaN : f.measure(measure);
    }

    /** RANK() descending among the pool: one more than the others strictly above. */
    int rankOf(double value, double[] othersAscending) {
      int above = 0;
      // growth is a double computed from decimals: equal growth may differ in the last bits, so
      // growth within 1e-12 points counts as equal (far below a cent on any county's base);
      // totals are compared exactly
      double tie = on == RankedOn.YOY_YTD_PCT ? GROWTH_TIE : 0;
      for (double v : othersAscending) {
        if (v > value + tie) {
          above++;
        }
      }
      return above + 1;
    }

    /** The r-th highest of the others, or NaN when fewer than r others have a value. */
    double rthHighest(String measure, int r) {
      double[] ascending = column(measure);
      return r <= ascending.length ? ascending[ascending.length - r] : Double.NaN;
    }

    BigDecimal exactValueGap(int target) {
      BigDecimal needed = decimalRthHighest(target);
      if (needed == null) {
        return BigDecimal.ZERO;
      }
      BigDecimal gap = needed.subtract(base.valueYtd() == null ? BigDecimal.ZERO : base.valueYtd());
      return gap.signum() > 0 ? gap : BigDecimal.ZERO;
    }

    private BigDecimal decimalRthHighest(int r) {
      List<BigDecimal> values = new ArrayList<>();
      for (int c : pool) {
        if (c != county) {
          Figures f = figuresOf(c);
          if (f != null && f.valueYtd() != null) {
            values.add(f.valueYtd());
          }
        }
      }
      values.sort(java.util.Comparator.reverseOrder());
      return r <= values.size() ? values.get(r - 1) : null;
    }

    BigDecimal exactGrowthGap(int target) {
      BigDecimal lastYear = base.valueYtdLy();
      if (lastYear == null || lastYear.signum() <= 0) {
        return null;
      }
      double growth = rthHighest("yoy_ytd_pct", target);
      if (Double.isNaN(growth)) {
        return BigDecimal.ZERO;
      }
      BigDecimal needed =
          lastYear.multiply(BigDecimal.ONE.add(BigDecimal.valueOf(growth).movePointLeft(2)));
      BigDecimal ytd = base.valueYtd() == null ? BigDecimal.ZERO : base.valueYtd();
      BigDecimal gap = needed.subtract(ytd).setScale(2, RoundingMode.CEILING);
      if (gap.signum() < 0) {
        gap = BigDecimal.ZERO;
      }
      // growth is compared in floating point, as gold stores it: settle the last cent by trying
      while (rank(gap) > target) {
        gap = gap.add(CENT);
      }
      while (gap.signum() > 0 && rank(gap.subtract(CENT)) <= target) {
        gap = gap.subtract(CENT);
      }
      return gap;
    }

    BigDecimal search(int target) {
      long lo = 0; // does not reach
      long hi = 100;
      BigDecimal ytd = base.valueYtd() == null ? BigDecimal.ZERO : base.valueYtd().abs();
      hi = Math.max(hi, ytd.movePointRight(2).longValue() / 8);
      while (rank(cents(hi)) > target) {
        lo = hi;
        if (hi > LIMIT_CENTS / 2) {
          return null;
        }
        hi *= 2;
      }
      while (hi - lo > 1) {
        long mid = lo + (hi - lo) / 2;
        if (rank(cents(mid)) <= target) {
          hi = mid;
        } else {
          lo = mid;
        }
      }
      return cents(hi);
    }

    private static BigDecimal cents(long cents) {
      return BigDecimal.valueOf(cents, 2);
    }

    private Figures figuresOf(int c) {
      return figures.get(c);
    }

    private final java.util.Map<Integer, Figures> figures = new java.util.HashMap<>();

    /** Reads every county's figures of the indicator in the period. */
    Evaluator init(YearFigures year, int period, String indicatorName) {
      for (int c = 0; c < board.size(); c++) {
        Figures f = year.get(period, indicatorName, board.codes()[c]);
        if (f != null) {
          figures.put(c, f);
        }
      }
      return this;
    }
  }
}
