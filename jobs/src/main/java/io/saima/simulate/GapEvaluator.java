package io.saima.simulate;

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

/**
 * The gap search of {@link RankGaps} for one county, indicator and kind of rank: ranks the county
 * under an added amount with the board otherwise fixed, and finds the least amount that reaches a
 * rank, exactly on a total or a growth rate and by bisection over cents on a score.
 */
final class GapEvaluator {
  /**
   * Beyond this many yuan (or dollars) a rank is called unreachable: 10^16, a hundred provinces.
   */
  private static final long LIMIT_CENTS = 1_000_000_000_000_000_000L;

  final Scheme scheme;
  final ScoreEngine engine;
  final Board board;
  final int[] previousBaseRanks;
  final int county;
  final int indicator;
  final Figures base;
  final RankGaps.RankedOn on;
  final int[] pool;

  GapEvaluator(
      BoardBuilder builder,
      YearFigures year,
      int period,
      String code,
      String indicatorName,
      RankGaps.RankedOn on) {
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
        return on == RankGaps.RankedOn.TOTAL_SCORE
            ? r.ranks[county]
            : r.indicatorRanks[indicator][county];
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
    double tie = on == RankGaps.RankedOn.YOY_YTD_PCT ? RankGaps.GROWTH_TIE : 0;
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
      gap = gap.add(RankGaps.CENT);
    }
    while (gap.signum() > 0 && rank(gap.subtract(RankGaps.CENT)) <= target) {
      gap = gap.subtract(RankGaps.CENT);
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
  GapEvaluator init(YearFigures year, int period, String indicatorName) {
    for (int c = 0; c < board.size(); c++) {
      Figures f = year.get(period, indicatorName, board.codes()[c]);
      if (f != null) {
        figures.put(c, f);
      }
    }
    return this;
  }
}
