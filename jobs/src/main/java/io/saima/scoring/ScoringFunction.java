package io.saima.scoring;

import java.io.Serializable;

/**
 * How one measure becomes a sub-score, over the counties scored together (a pool). Each function is
 * the rule a provincial assessment document would state (DOMAIN.md, "Scoring in Chinese performance
 * assessments"); the numbers are configuration.
 */
public sealed interface ScoringFunction extends Serializable {

  /** Sub-scores for {@code pool} (indices into {@code x}); {@code x} holds NaN for a null. */
  void score(double[] x, double[] target, int[] pool, double[] out);

  /**
   * 功效系数法: {@code base + span × (x − x_low) / (x_high − x_low)}. Without fixed bounds the worst
   * county of the pool is x_low and the best x_high, so scores run from base to base + span; with
   * fixed bounds or a target as x_high a county beyond them is held at the end of the range.
   *
   * @param xLow fixed x_low, or NaN for the pool's worst
   * @param xHigh fixed x_high, or NaN for the pool's best
   * @param targetAsHigh the county's own target is its x_high (the pool's best when it has none)
   * @param equalScore the score of every county when x_high = x_low
   * @param nullScore the score of a county whose measure is null
   */
  record Efficacy(
      double base,
      double span,
      double xLow,
      double xHigh,
      boolean targetAsHigh,
      boolean smallerIsBetter,
      double equalScore,
      double nullScore)
      implements ScoringFunction {
    @Override
    public void score(double[] x, double[] target, int[] pool, double[] out) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i : pool) {
        if (!Double.isNaN(x[i])) {
          min = Math.min(min, x[i]);
          max = Math.max(max, x[i]);
        }
      }
      // "best" and "worst" of the pool in the direction that scores high
      double poolBest = smallerIsBetter ? min : max;
      double poolWorst = smallerIsBetter ? max : min;
      boolean clip = !Double.isNaN(xLow) || !Double.isNaN(xHigh) || targetAsHigh;
      for (int i : pool) {
        if (Double.isNaN(x[i])) {
          out[i] = nullScore;
          continue;
        }
        double low = Double.isNaN(xLow) ? poolWorst : xLow;
        double high = Double.isNaN(xHigh) ? poolBest : xHigh;
        if (targetAsHigh && target != null && !Double.isNaN(target[i])) {
          high = target[i];
        }
        if (high == low) {
          out[i] = equalScore;
          continue;
        }
        double s = base + span * (x[i] - low) / (high - low);
        if (clip) {
          s = Math.max(base, Math.min(base + span, s));
        }
        out[i] = s;
      }
    }
  }

  /**
   * 排名赋分: {@code full × (N − rank + 1) / N}, rank by SQL {@code RANK()} over the counties with a
   * value (ties share the better rank), N their number.
   */
  record RankPoints(double full, boolean smallerIsBetter, double nullScore)
      implements ScoringFunction {
    @Override
    public void score(double[] x, double[] target, int[] pool, double[] out) {
      int n = 0;
      for (int i : pool) {
        if (!Double.isNaN(x[i])) {
          n++;
        }
      }
      for (int i : pool) {
        if (Double.isNaN(x[i])) {
          out[i] = nullScore;
          continue;
        }
        int above = 0;
        for (int j : pool) {
          if (!Double.isNaN(x[j]) && (smallerIsBetter ? x[j] < x[i] : x[j] > x[i])) {
            above++;
          }
        }
        int rank = above + 1;
        out[i] = full * (n - rank + 1) / n;
      }
    }
  }

  /**
   * Standardised score {@code center + scale × z}, z clipped to ±clip; z uses the pool's mean and
   * population standard deviation of the counties with a value.
   */
  record ZScore(
      double center,
      double scale,
      double clip,
      boolean smallerIsBetter,
      double equalScore,
      double nullScore)
      implements ScoringFunction {
    @Override
    public void score(double[] x, double[] target, int[] pool, double[] out) {
      int n = 0;
      double sum = 0;
      for (int i : pool) {
        if (!Double.isNaN(x[i])) {
          n++;
          sum += x[i];
        }
      }
      double mean = n == 0 ? 0 : sum / n;
      double squares = 0;
      for (int i : pool) {
        if (!Double.isNaN(x[i])) {
          squares += (x[i] - mean) * (x[i] - mean);
        }
      }
      double sd = n == 0 ? 0 : Math.sqrt(squares / n);
      for (int i : pool) {
        if (Double.isNaN(x[i])) {
          out[i] = nullScore;
        } else if (sd == 0) {
          out[i] = equalScore;
        } else {
          double z = (x[i] - mean) / sd;
          if (smallerIsBetter) {
            z = -z;
          }
          out[i] = center + scale * Math.max(-clip, Math.min(clip, z));
        }
      }
    }
  }

  /** Min–max to 0–100 (or any {@code scale}) over the pool. */
  record MinMax(double scale, boolean smallerIsBetter, double equalScore, double nullScore)
      implements ScoringFunction {
    @Override
    public void score(double[] x, double[] target, int[] pool, double[] out) {
      new Efficacy(0, scale, Double.NaN, Double.NaN, false, smallerIsBetter, equalScore, nullScore)
          .score(x, target, pool, out);
    }
  }

  /**
   * Target met or not: {@code met} points when the measure reaches the threshold (a fixed value, or
   * the county's own target), {@code notMet} otherwise; a county without a target or a value gets
   * {@code nullScore}.
   */
  record Threshold(
      double threshold,
      boolean useTarget,
      boolean smallerIsBetter,
      double met,
      double notMet,
      double nullScore)
      implements ScoringFunction {
    @Override
    public void score(double[] x, double[] target, int[] pool, double[] out) {
      for (int i : pool) {
        double bar = useTarget ? (target == null ? Double.NaN : target[i]) : threshold;
        if (Double.isNaN(x[i]) || Double.isNaN(bar)) {
          out[i] = nullScore;
        } else {
          boolean reached = smallerIsBetter ? x[i] <= bar : x[i] >= bar;
          out[i] = reached ? met : notMet;
        }
      }
    }
  }

  /** Whether this function reads the counties' targets. */
  default boolean usesTargets() {
    return (this instanceof Efficacy e && e.targetAsHigh())
        || (this instanceof Threshold t && t.useTarget());
  }
}
