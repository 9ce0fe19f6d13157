package io.saima.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.scoring.BoardBuilder;
import io.saima.scoring.County;
import io.saima.scoring.Figures;
import io.saima.scoring.Scheme;
import io.saima.scoring.SchemeLoader;
import io.saima.scoring.ScoreEngine;
import io.saima.scoring.YearFigures;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gaps to rank on five counties, applied to the figures and checked one cent below. */
class RankGapsTest {
  private static final Path SCHEMES =
      Path.of(System.getProperty("saima.home", "..")).resolve("conf/scoring");
  private static final int JUNE = 202006;

  private static final List<County> COUNTIES =
      List.of(
          new County("330521", "德清县", "other"),
          new County("330522", "长兴县", "other"),
          new County("330523", "安吉县", "other"),
          new County("331124", "松阳县", "mountain26"),
          new County("331125", "云和县", "mountain26"));

  /** Half a year of three indicators, last year flat, this year with different growth. */
  private static Map<Integer, YearFigures> figures() {
    Series s = new Series();
    double[][] lastYear = {{100, 300, 200, 50, 20}, {10, 12, 8, 2, 1}, {400, 300, 250, 90, 60}};
    double[][] thisYear = {
      {108, 290, 230, 61, 19}, {9, 15, 8.5, 2.6, 0.8}, {410, 318, 240, 99, 66}
    };
    String[] indicators = {"export", "fdi_actual", "retail_sales"};
    for (int i = 0; i < 3; i++) {
      for (int c = 0; c < COUNTIES.size(); c++) {
        s.flat(indicators[i], COUNTIES.get(c).code(), 2019, 12, lastYear[i][c] * 1_000_000);
        s.flat(indicators[i], COUNTIES.get(c).code(), 2020, 6, thisYear[i][c] * 1_000_000);
      }
    }
    return s.figures();
  }

  private static int rankAfter(
      Scheme scheme,
      YearFigures year,
      String county,
      String indicator,
      BigDecimal amount,
      RankGaps.RankedOn on) {
    YearFigures changed = year.copy();
    Figures f = year.get(JUNE, indicator, county).plusYtd(amount);
    changed.put(JUNE, indicator, county, f);
    BoardBuilder builder = new BoardBuilder(scheme, COUNTIES, List.of());
    int c = builder.indexOf(county);
    int i = scheme.indicatorNames().indexOf(indicator);
    ScoreEngine.Result r = new ScoreEngine(scheme).score(builder.board(changed, JUNE), null);
    return switch (on) {
      case TOTAL_SCORE -> r.ranks[c];
      case INDICATOR_SCORE -> r.indicatorRanks[i][c];
      default -> {
        // rank on the measure itself among all counties: one more than those strictly above
        String column = on.column();
        double mine = f.measure(column);
        int above = 0;
        for (County other : COUNTIES) {
          if (!other.code().equals(county)
              && year.get(JUNE, indicator, other.code()).measure(column)
                  > mine + (on == RankGaps.RankedOn.YOY_YTD_PCT ? 1e-12 : 0)) {
            above++;
          }
        }
        yield above + 1;
      }
    };
  }

  @Test
  void everyGapOnceAppliedReachesTheRankAndOneCentLessDoesNot() {
    Scheme reference = SchemeLoader.loadFile(SCHEMES.resolve("reference.yaml"));
    YearFigures year = figures().get(2020);
    List<RankGaps.Gap> gaps =
        RankGaps.all(new BoardBuilder(reference, COUNTIES, List.of()), year, JUNE, 0);
    assertTrue(gaps.size() >= 20, "most counties have a rank above them: " + gaps.size());
    for (RankGaps.Gap gap : gaps) {
      assertTrue(gap.reachable(), gap.describe());
      assertTrue(gap.verified(), gap.describe());
      int reached =
          rankAfter(
              reference, year, gap.regionCode(), gap.indicator(), gap.amount(), gap.rankedOn());
      assertTrue(reached <= gap.targetRank(), "applied: " + gap.describe() + " reached " + reached);
      if (gap.amount().signum() > 0) {
        int below =
            rankAfter(
                reference,
                year,
                gap.regionCode(),
                gap.indicator(),
                gap.amount().subtract(new BigDecimal("0.01")),
                gap.rankedOn());
        assertTrue(below > gap.targetRank(), "one cent less: " + gap.describe());
      }
    }
  }

  @Test
  void theGapOnATotalIsTheDifferenceToTheCountyAbove() {
    Scheme reference = SchemeLoader.loadFile(SCHEMES.resolve("reference.yaml"));
    YearFigures year = figures().get(2020);
    // export year to date in June: 安吉 230 × 6 = 1380 million, 德清 108 × 6 = 648 million, third
    RankGaps.Gap gap =
        RankGaps.find(
                new BoardBuilder(reference, COUNTIES, List.of()),
                year,
                JUNE,
                "330521",
                "export",
                RankGaps.RankedOn.VALUE_YTD,
                0)
            .orElseThrow();
    assertEquals(3, gap.currentRank());
    assertEquals(2, gap.targetRank());
    assertEquals(new BigDecimal("732000000.00"), gap.amount());
    assertEquals("exact", gap.method());
    assertEquals("CNY", gap.currency());
  }

  @Test
  void theGapOnGrowthIsTheGrowthGapTimesTheBase() {
    Scheme reference = SchemeLoader.loadFile(SCHEMES.resolve("reference.yaml"));
    YearFigures year = figures().get(2020);
    // retail growth: 松阳 +10 %, 云和 +10 %, 长兴 +6 %, 德清 +2.5 %, 安吉 −4 %; 德清 is 4th and
    // needs +6 % on its base of 2400 million: 2544 − 2460 = 84 million
    RankGaps.Gap gap =
        RankGaps.find(
                new BoardBuilder(reference, COUNTIES, List.of()),
                year,
                JUNE,
                "330521",
                "retail_sales",
                RankGaps.RankedOn.YOY_YTD_PCT,
                3)
            .orElseThrow();
    assertEquals(4, gap.currentRank());
    assertEquals(0, new BigDecimal("84000000.00").compareTo(gap.amount()), gap.describe());
    assertTrue(gap.verified());
  }

  @Test
  void aCountyAlreadyAtTheRankHasNoGap() {
    Scheme reference = SchemeLoader.loadFile(SCHEMES.resolve("reference.yaml"));
    YearFigures year = figures().get(2020);
    assertFalse(
        RankGaps.find(
                new BoardBuilder(reference, COUNTIES, List.of()),
                year,
                JUNE,
                "330522",
                "export",
                RankGaps.RankedOn.VALUE_YTD,
                0)
            .isPresent(),
        "长兴 has the largest exports");
  }
}
