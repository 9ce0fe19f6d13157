package io.saima.scoring;

import io.saima.scoring.Scheme.Indicator;
import io.saima.scoring.Scheme.Measure;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scoring arithmetic of a scheme on one period's {@link Board}: sub-scores, indicator scores,
 * totals and ranks. It is the one implementation behind {@code gold.competition_scores}, the
 * what-if scenarios, the gap search and the Monte Carlo trials, so that they can never disagree.
 *
 * <p>Ranks are SQL {@code RANK()} descending: one more than the number of counties with a higher
 * score, so ties share a rank. Scores closer than {@link #TIE} points count as equal, so that two
 * totals summed in a different order cannot be told apart by rounding.
 */
public final class ScoreEngine implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Scores are on a 0–100 scale; differences below this are rounding, not merit. */
  public static final double TIE = 1e-9;

  private final Scheme scheme;

  public ScoreEngine(Scheme scheme) {
    this.scheme = scheme;
  }

  public Scheme scheme() {
    return scheme;
  }

  /** The scores of one period. Arrays are indexed by county as in the board. */
  public static final class Result implements Serializable {
    private static final long serialVersionUID = 1L;
    public final int period;
    public final double[][][] subScores;
    public final double[][] indicatorScores;
    public final int[][] indicatorRanks;
    public final double[] baseScores;
    public final int[] baseRanks;
    public final double[] bonus;
    public final double[] totals;
    public final int[] ranks;
    public final int[] ranksInGroup;
    public final int[] poolSizes;

    Result(int period, int indicators, int[] measuresPerIndicator, int n) {
      this.period = period;
      subScores = new double[indicators][][];
      for (int i = 0; i < indicators; i++) {
        subScores[i] = new double[measuresPerIndicator[i]][n];
      }
      indicatorScores = new double[indicators][n];
      indicatorRanks = new int[indicators][n];
      baseScores = new double[n];
      baseRanks = new int[n];
      bonus = new double[n];
      totals = new double[n];
      ranks = new int[n];
      ranksInGroup = new int[n];
      poolSizes = new int[n];
    }
  }

  /**
   * Scores one period.
   *
   * @param previousBaseRanks each county's rank on the base score in the previous period of the
   *     same year (0 when unknown), for the progress bonus; null when there is none
   */
  public Result score(Board board, int[] previousBaseRanks) {
    List<Indicator> indicators = scheme.indicators();
    int n = board.size();
    int[] measureCounts = indicators.stream().mapToInt(i -> i.measures().size()).toArray();
    Result r = new Result(board.period(), indicators.size(), measureCounts, n);
    List<int[]> pools = pools(board);
    double[] x = new double[n];
    for (int i = 0; i < indicators.size(); i++) {
      Indicator indicator = indicators.get(i);
      for (int m = 0; m < indicator.measures().size(); m++) {
        Measure measure = indicator.measures().get(m);
        double[] raw = board.measures()[i][m];
        for (int c = 0; c < n; c++) {
          x[c] = measure.winsorise(raw[c]);
        }
        double[] targets = board.targets() == null ? null : board.targets()[i][m];
        for (int[] pool : pools) {
          measure.function().score(x, targets, pool, r.subScores[i][m]);
        }
        for (int c = 0; c < n; c++) {
          r.indicatorScores[i][c] += measure.weight() * r.subScores[i][m][c];
        }
      }
      for (int c = 0; c < n; c++) {
        r.baseScores[c] += indicator.weight() * r.indicatorScores[i][c];
      }
      for (int[] pool : pools) {
        rank(r.indicatorScores[i], pool, r.indicatorRanks[i]);
      }
    }
    for (int[] pool : pools) {
      rank(r.baseScores, pool, r.baseRanks);
      for (int c : pool) {
        r.poolSizes[c] = pool.length;
      }
    }
    for (int c = 0; c < n; c++) {
      if (scheme.hasProgressBonus() && previousBaseRanks != null && previousBaseRanks[c] > 0) {
        r.bonus[c] = scheme.progressBonus().points(previousBaseRanks[c] - r.baseRanks[c]);
      }
      r.totals[c] = r.baseScores[c] + r.bonus[c];
    }
    for (int[] pool : pools) {
      rank(r.totals, pool, r.ranks);
    }
    for (int[] group : groups(board)) {
      rank(r.totals, group, r.ranksInGroup);
    }
    return r;
  }

  /** Scores consecutive periods of one year in order, carrying the base ranks for the bonus. */
  public List<Result> scoreYear(List<Board> boards) {
    List<Result> out = new ArrayList<>();
    int[] previous = null;
    int previousPeriod = 0;
    for (Board board : boards) {
      boolean consecutive =
          previousPeriod != 0
              && board.period() / 100 == previousPeriod / 100
              && board.period() % 100 == previousPeriod % 100 + 1;
      Result result = score(board, consecutive ? previous : null);
      out.add(result);
      previous = result.baseRanks;
      previousPeriod = board.period();
    }
    return out;
  }

  /** Who is scored together: everyone, or each competition group. */
  public List<int[]> pools(Board board) {
    if (scheme.scope() == Scheme.Scope.PROVINCE) {
      int[] all = new int[board.size()];
      for (int c = 0; c < all.length; c++) {
        all[c] = c;
      }
      return List.of(all);
    }
    return groups(board);
  }

  static List<int[]> groups(Board board) {
    Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
    for (int c = 0; c < board.size(); c++) {
      byGroup.computeIfAbsent(board.groups()[c], g -> new ArrayList<>()).add(c);
    }
    List<int[]> out = new ArrayList<>();
    for (List<Integer> members : byGroup.values()) {
      out.add(members.stream().mapToInt(Integer::intValue).toArray());
    }
    return out;
  }

  /** SQL RANK() descending within the pool, scores closer than {@link #TIE} tied. */
  static void rank(double[] scores, int[] pool, int[] out) {
    for (int c : pool) {
      int above = 0;
      for (int d : pool) {
        if (scores[d] > scores[c] + TIE) {
          above++;
        }
      }
      out[c] = above + 1;
    }
  }
}
