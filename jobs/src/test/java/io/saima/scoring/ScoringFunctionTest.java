package io.saima.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** Each scoring function on five counties, one of them null, computed by hand. */
class ScoringFunctionTest {
  private static final double NULL = Double.NaN;
  private static final double[] X = {10, 30, NULL, 20, 30};
  private static final int[] ALL = {0, 1, 2, 3, 4};

  private static double[] score(ScoringFunction f, double[] x, double[] target) {
    double[] out = new double[x.length];
    f.score(x, target, ALL, out);
    return out;
  }

  @Test
  void efficacyCoefficientRunsFromBaseAtTheWorstToBasePlusSpanAtTheBest() {
    var f = new ScoringFunction.Efficacy(60, 40, NULL, NULL, false, false, 100, 60);
    assertArrayEquals(new double[] {60, 100, 60, 80, 100}, score(f, X, null), 1e-12);
  }

  @Test
  void efficacyCoefficientGivesEveryoneTheEqualScoreWhenMaxEqualsMin() {
    var f = new ScoringFunction.Efficacy(60, 40, NULL, NULL, false, false, 100, 60);
    assertArrayEquals(
        new double[] {100, 100, 60, 100, 100}, score(f, new double[] {5, 5, NULL, 5, 5}, null));
  }

  @Test
  void efficacyCoefficientSmallerIsBetterSwapsTheEnds() {
    var f = new ScoringFunction.Efficacy(60, 40, NULL, NULL, false, true, 100, 60);
    assertArrayEquals(new double[] {100, 60, 60, 80, 60}, score(f, X, null), 1e-12);
  }

  @Test
  void efficacyCoefficientWithFixedBoundsClipsCountiesBeyondThem() {
    var f = new ScoringFunction.Efficacy(60, 40, 15, 25, false, false, 100, 60);
    assertArrayEquals(new double[] {60, 100, 60, 80, 100}, score(f, X, null), 1e-12);
    var wide = new ScoringFunction.Efficacy(60, 40, 0, 40, false, false, 100, 60);
    assertArrayEquals(new double[] {70, 90, 60, 80, 90}, score(wide, X, null), 1e-12);
  }

  @Test
  void efficacyCoefficientWithTargetAsXHighScoresAgainstEachCountysOwnTarget() {
    var f = new ScoringFunction.Efficacy(60, 40, NULL, NULL, true, false, 100, 60);
    // x_low is the pool's worst (10): county 1 reaches 30 of its target 50 (80); county 3 has
    // none (the pool's best, 30, is its x_high: 80); county 4 beats its target (held at 100)
    double[] targets = {NULL, 50, NULL, NULL, 20};
    assertArrayEquals(new double[] {60, 80, 60, 80, 100}, score(f, X, targets), 1e-12);
  }

  @Test
  void rankPointsGiveFullTimesNMinusRankPlusOneOverN() {
    var f = new ScoringFunction.RankPoints(100, false, 0);
    // four ranked: 30, 30 share rank 1; 20 rank 3; 10 rank 4
    assertArrayEquals(new double[] {25, 100, 0, 50, 100}, score(f, X, null), 1e-12);
  }

  @Test
  void zScoreIsCenterPlusScaleTimesZClipped() {
    var f = new ScoringFunction.ZScore(50, 10, 1, false, 50, 20);
    // mean 22.5, population sd sqrt((156.25 + 56.25 + 6.25 + 56.25) / 4) = sqrt(68.75)
    double sd = Math.sqrt(68.75);
    double[] expected = {
      50 + 10 * Math.max(-1, (10 - 22.5) / sd),
      50 + 10 * (7.5 / sd),
      20,
      50 + 10 * (-2.5 / sd),
      50 + 10 * (7.5 / sd)
    };
    assertArrayEquals(expected, score(f, X, null), 1e-12);
    // z of the first county is -1.507..., clipped to -1
    assertArrayEquals(new double[] {40}, new double[] {score(f, X, null)[0]}, 1e-12);
  }

  @Test
  void minMaxRunsFromZeroToOneHundred() {
    var f = new ScoringFunction.MinMax(100, false, 100, 0);
    assertArrayEquals(new double[] {0, 100, 0, 50, 100}, score(f, X, null), 1e-12);
  }

  @Test
  void thresholdGivesMetOrNotMetAgainstAFixedValueOrTheCountysTarget() {
    var fixed = new ScoringFunction.Threshold(20, false, false, 100, 0, 0);
    assertArrayEquals(new double[] {0, 100, 0, 100, 100}, score(fixed, X, null), 1e-12);
    var own = new ScoringFunction.Threshold(NULL, true, false, 100, 0, 0);
    double[] targets = {5, 40, 1, NULL, 30};
    assertArrayEquals(new double[] {100, 0, 0, 0, 100}, score(own, X, targets), 1e-12);
  }

  @Test
  void poolsAreScoredSeparately() {
    var f = new ScoringFunction.Efficacy(60, 40, NULL, NULL, false, false, 100, 60);
    double[] out = new double[5];
    f.score(X, null, new int[] {0, 1}, out);
    f.score(X, null, new int[] {3, 4}, out);
    assertArrayEquals(new double[] {60, 100, 0, 60, 100}, out, 1e-12);
  }
}
