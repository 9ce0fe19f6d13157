package io.saima.scoring;

import static io.saima.scoring.ScoringFixtures.A;
import static io.saima.scoring.ScoringFixtures.B;
import static io.saima.scoring.ScoringFixtures.C;
import static io.saima.scoring.ScoringFixtures.D;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.saima.catalog.Warehouse;
import io.saima.testing.SparkTestBase;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference scheme of DESIGN.md computed by hand on four counties, June 2020:
 *
 * <pre>
 *              export            fdi_actual        retail_sales
 *        ytd  yoy   scores   ytd yoy  scores   ytd yoy scores       total (0.4/0.3/0.3)
 *   A    100   10   60 60    50   0  100 60    400  8  80 100       24 + 24 + 27     = 75
 *   B    300 null  100 60    50  20  100 100   200  2  60 60        32 + 30 + 18     = 80
 *   C    200   30   80 100   50  10  100 80    200  4  60 73.33     36 + 27 + 20     = 83
 *   D    100   20   60 80    50 null 100 60    600  6 100 86.67     28 + 24 + 28     = 80
 * </pre>
 *
 * FDI's value is equal everywhere (max = min: 100 for all); a null growth scores 60. B and D tie at
 * 80 and share rank 2. In May every figure was equal, so every county was first.
 */
class ReferenceSchemeTest extends SparkTestBase {

  private static final Path SCHEMES =
      Path.of(System.getProperty("saima.home", "..")).resolve("conf/scoring");

  @TempDir static Path dir;

  /** Scores the fixture once; the tests read the tables it wrote. */
  @BeforeAll
  static void scoreTheFixture() {
    Warehouse warehouse = new Warehouse(spark(), dir.toString());
    ScoringFixtures.writeReference(warehouse, spark());
    ScoreStage.run(
        warehouse,
        Map.of("reference", SchemeLoader.loadFile(SCHEMES.resolve("reference.yaml"))),
        Optional.empty());
  }

  @Test
  void referenceSchemeScoresFourCountiesAsComputedByHand() {

    Map<String, Row> june = new HashMap<>();
    for (Row row :
        sql(
            "SELECT region_code, total_score, rank, rank_in_group, rank_change"
                + " FROM gold.competition_ranking WHERE scheme = 'reference' AND period = 202006")) {
      june.put(row.<String>getAs("region_code"), row);
    }
    assertEquals(75.0, june.get(A).<Double>getAs("total_score"), 1e-9);
    assertEquals(80.0, june.get(B).<Double>getAs("total_score"), 1e-9);
    assertEquals(83.0, june.get(C).<Double>getAs("total_score"), 1e-9);
    assertEquals(80.0, june.get(D).<Double>getAs("total_score"), 1e-9);
    assertEquals(4, june.get(A).<Integer>getAs("rank"));
    assertEquals(2, june.get(B).<Integer>getAs("rank"));
    assertEquals(1, june.get(C).<Integer>getAs("rank"));
    assertEquals(2, june.get(D).<Integer>getAs("rank"));
    // rank_in_group: A, B, C are "other"; D alone in "mountain26"
    assertEquals(3, june.get(A).<Integer>getAs("rank_in_group"));
    assertEquals(2, june.get(B).<Integer>getAs("rank_in_group"));
    assertEquals(1, june.get(C).<Integer>getAs("rank_in_group"));
    assertEquals(1, june.get(D).<Integer>getAs("rank_in_group"));
    // everyone was first in May
    assertEquals(-3, june.get(A).<Integer>getAs("rank_change"));
    assertEquals(-1, june.get(B).<Integer>getAs("rank_change"));
    assertEquals(0, june.get(C).<Integer>getAs("rank_change"));
    assertEquals(-1, june.get(D).<Integer>getAs("rank_change"));

    Row mayA =
        sql("SELECT total_score, rank, rank_change FROM gold.competition_ranking"
                + " WHERE scheme = 'reference' AND period = 202005 AND region_code = '"
                + A
                + "'")
            .get(0);
    assertEquals(100.0, mayA.<Double>getAs("total_score"), 1e-9);
    assertNull(mayA.getAs("rank_change"), "no previous period scored before May");
  }

  @Test
  void subScoresAndIndicatorRanksAreStoredPerIndicator() {

    Row retailC =
        sql("SELECT value_ytd_score, yoy_ytd_pct_score, indicator_score, indicator_rank,"
                + " share_change_pp_score FROM gold.competition_scores WHERE period = 202006"
                + " AND indicator = 'retail_sales' AND region_code = '"
                + C
                + "'")
            .get(0);
    assertEquals(60.0, retailC.<Double>getAs("value_ytd_score"), 1e-9);
    assertEquals(60 + 40 * 2.0 / 6, retailC.<Double>getAs("yoy_ytd_pct_score"), 1e-9);
    assertEquals((60 + 60 + 40 * 2.0 / 6) / 2, retailC.<Double>getAs("indicator_score"), 1e-9);
    assertEquals(3, retailC.<Integer>getAs("indicator_rank"));
    assertNull(retailC.getAs("share_change_pp_score"), "the scheme does not score the share");

    Row exportB =
        sql("SELECT yoy_ytd_pct, yoy_ytd_pct_score FROM gold.competition_scores"
                + " WHERE period = 202006 AND indicator = 'export' AND region_code = '"
                + B
                + "'")
            .get(0);
    assertNull(exportB.getAs("yoy_ytd_pct"));
    assertEquals(60.0, exportB.<Double>getAs("yoy_ytd_pct_score"), 1e-9);

    Row fdiD =
        sql("SELECT value_ytd_score, indicator_rank FROM gold.competition_scores"
                + " WHERE period = 202006 AND indicator = 'fdi_actual' AND region_code = '"
                + D
                + "'")
            .get(0);
    assertEquals(
        100.0, fdiD.<Double>getAs("value_ytd_score"), 1e-9, "equal values everywhere score 100");
    assertEquals(3, fdiD.<Integer>getAs("indicator_rank"));
  }

  @Test
  void scoreGapsNameWhatCostsMostAgainstTheCountyAbove() {

    // A (75) is below B and D (80): the nearest higher total, B before D by code.
    Row worst =
        sql("SELECT above_region_code, total_gap, indicator, measure, points_gap"
                + " FROM gold.score_gaps WHERE period = 202006 AND region_code = '"
                + A
                + "'"
                + " AND cost_rank = 1")
            .get(0);
    assertEquals(B, worst.<String>getAs("above_region_code"));
    assertEquals(5.0, worst.<Double>getAs("total_gap"), 1e-9);
    // against B: export value 0.2 × (100 − 60) = 8 is the largest cost
    assertEquals("export", worst.<String>getAs("indicator"));
    assertEquals("value_ytd", worst.<String>getAs("measure"));
    assertEquals(8.0, worst.<Double>getAs("points_gap"), 1e-9);
    double sum =
        sql("SELECT sum(points_gap) AS points_gap_sum FROM gold.score_gaps WHERE period = 202006"
                + " AND region_code = '"
                + A
                + "'")
            .get(0)
            .<Double>getAs("points_gap_sum");
    assertEquals(5.0, sum, 1e-9, "the points gaps add up to the total gap");
    assertRows(
        "the first county has no county above",
        spark()
            .sql(
                "SELECT count(*) AS gaps FROM gold.score_gaps WHERE period = 202006"
                    + " AND region_code = '"
                    + C
                    + "'"),
        row(0L));
  }
}
