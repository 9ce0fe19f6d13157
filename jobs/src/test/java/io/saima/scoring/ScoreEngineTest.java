package io.saima.scoring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mountain scheme's progress bonus (进位) and within-group ranks, on boards built by hand. */
class ScoreEngineTest {
  private static final Path SCHEMES =
      Path.of(System.getProperty("saima.home", "..")).resolve("conf/scoring");

  /** One indicator, one measure: the simplest scheme with a bonus of 0.5 a place, capped at 1. */
  private static Scheme bonusScheme() {
    return new Scheme(
        "b",
        "test",
        "",
        Scheme.Scope.GROUP,
        List.of(),
        List.of(
            new Scheme.Indicator(
                "export",
                1.0,
                List.of(
                    new Scheme.Measure(
                        "value_ytd",
                        1.0,
                        new ScoringFunction.RankPoints(100, false, 0),
                        Double.NaN,
                        Double.NaN)))),
        new Scheme.ProgressBonus(0.5, 1.0, false));
  }

  private static Board board(int period, double... values) {
    String[] codes = {"a", "b", "c", "d", "e"};
    String[] groups = {"g", "g", "g", "g", "h"};
    return new Board(period, codes, groups, new double[][][] {{values}}, null);
  }

  @Test
  void progressBonusPaysForPlacesClimbedSinceTheLastPeriodUpToTheCap() {
    ScoreEngine engine = new ScoreEngine(bonusScheme());
    List<ScoreEngine.Result> results =
        engine.scoreYear(List.of(board(202005, 4, 3, 2, 1, 9), board(202006, 1, 2, 3, 4, 9)));
    ScoreEngine.Result june = results.get(1);
    // group g in May: a 1st, b 2nd, c 3rd, d 4th; in June d 1st (+3 places, capped at 1 point),
    // c 2nd (+1, 0.5), b 3rd and a 4th (fell; no deduction); e alone in h
    assertArrayEquals(new double[] {0, 0, 0.5, 1, 0}, june.bonus, 1e-12);
    assertArrayEquals(new double[] {25, 50, 75.5, 101, 100}, june.totals, 1e-12);
    assertArrayEquals(new int[] {4, 3, 2, 1, 1}, june.ranks);
    assertArrayEquals(new double[] {0, 0, 0, 0, 0}, results.get(0).bonus, 1e-12);
  }

  @Test
  void noBonusAcrossAGapOfMonthsOrYears() {
    ScoreEngine engine = new ScoreEngine(bonusScheme());
    List<ScoreEngine.Result> results =
        engine.scoreYear(List.of(board(202004, 4, 3, 2, 1, 9), board(202006, 1, 2, 3, 4, 9)));
    assertArrayEquals(new double[] {0, 0, 0, 0, 0}, results.get(1).bonus, 1e-12);
  }

  @Test
  void winsorisingClipsGrowthBeforeScoring() {
    Scheme mountain = SchemeLoader.loadFile(SCHEMES.resolve("mountain.yaml"));
    Scheme.Measure growth = mountain.indicators().get(0).measures().get(1);
    assertArrayEquals(
        new double[] {60, -30, 12.5},
        new double[] {growth.winsorise(250), growth.winsorise(-80), growth.winsorise(12.5)});
  }
}
