package io.saima.scoring;

import static org.apache.spark.sql.functions.col;

import io.saima.catalog.GoldTables;
import io.saima.scoring.Scheme.Indicator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Competition scores and ranking from gold figures: pure functions from DataFrames to DataFrames.
 *
 * <p>A province has ninety counties and a handful of indicators, so a year of a scheme is a few
 * thousand figures: they are gathered on the driver and scored by {@link ScoreEngine}, the same
 * arithmetic the simulations run on executors.
 */
public final class CompetitionScoring {
  private CompetitionScoring() {}

  /** The two tables of one scoring run. */
  public record Scored(Dataset<Row> scores, Dataset<Row> ranking) {}

  /**
   * Scores a scheme.
   *
   * @param indicatorMonthly rows of {@code gold.indicator_monthly} (county and province rows are
   *     used)
   * @param regions {@code silver.regions}
   * @param targets {@code silver.targets}
   * @param periods the periods rebuilt; empty for every period that can be scored. The later
   *     periods of the same year are returned with them, since their rank change and progress bonus
   *     depend on the period before; earlier periods are scored but not returned.
   */
  public static Scored score(
      Scheme scheme,
      Dataset<Row> indicatorMonthly,
      Dataset<Row> regions,
      Dataset<Row> targets,
      Optional<Set<Integer>> periods) {
    return score(
        indicatorMonthly.sparkSession(),
        scheme,
        figures(indicatorMonthly, scheme.indicatorNames()),
        counties(regions),
        targets(targets),
        periods);
  }

  /**
   * Scores a scheme on figures, counties and targets already read ({@link #figures}, {@link
   * #counties}, {@link #targets}), so that several schemes or scenarios scored together read them
   * once. The figures may hold indicators the scheme does not use.
   */
  public static Scored score(
      SparkSession spark,
      Scheme scheme,
      Map<Integer, YearFigures> years,
      List<County> counties,
      List<Target> targets,
      Optional<Set<Integer>> periods) {
    BoardBuilder builder = new BoardBuilder(scheme, counties, targets);
    List<Row> scoreRows = new ArrayList<>();
    List<Row> rankingRows = new ArrayList<>();
    for (YearFigures year : years.values()) {
      if (periods.isPresent() && periods.get().stream().noneMatch(p -> p / 100 == year.year())) {
        continue;
      }
      List<Integer> scored = year.completePeriods(scheme.indicatorNames());
      List<ScoreEngine.Result> results =
          new ScoreEngine(scheme).scoreYear(builder.boards(year, scored));
      for (int k = 0; k < results.size(); k++) {
        ScoreEngine.Result result = results.get(k);
        if (periods.isPresent() && !affected(periods.get(), result.period)) {
          continue;
        }
        ScoreEngine.Result previous =
            k > 0 && results.get(k - 1).period == result.period - 1 ? results.get(k - 1) : null;
        scoreRows.addAll(scoreRows(scheme, builder.counties(), year, result));
        rankingRows.addAll(rankingRows(scheme, builder.counties(), result, previous));
      }
    }
    return new Scored(
        spark.createDataFrame(scoreRows, GoldTables.COMPETITION_SCORES.schema()),
        spark.createDataFrame(rankingRows, GoldTables.COMPETITION_RANKING.schema()));
  }

  /** A period is rescored when it, or an earlier period of its year, was rebuilt. */
  static boolean affected(Set<Integer> rebuilt, int period) {
    return rebuilt.stream().anyMatch(p -> p / 100 == period / 100 && p <= period);
  }

  static List<Row> scoreRows(
      Scheme scheme, List<County> counties, YearFigures year, ScoreEngine.Result r) {
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < scheme.indicators().size(); i++) {
      Indicator indicator = scheme.indicators().get(i);
      for (int c = 0; c < counties.size(); c++) {
        County county = counties.get(c);
        Figures f = year.get(r.period, indicator.name(), county.code());
        Map<String, Double> sub = new HashMap<>();
        for (int m = 0; m < indicator.measures().size(); m++) {
          sub.put(indicator.measures().get(m).column(), r.subScores[i][m][c]);
        }
        out.add(
            RowFactory.create(
                scheme.name(),
                r.period,
                r.period / 100,
                county.code(),
                county.name(),
                county.group(),
                indicator.name(),
                indicator.weight(),
                f == null ? null : f.valueMonth(),
                f == null ? null : f.valueYtd(),
                f == null ? null : f.yoyMonthPct(),
                f == null ? null : f.yoyYtdPct(),
                f == null ? null : f.shareYtdPct(),
                f == null ? null : f.shareChangePp(),
                sub.get("value_month"),
                sub.get("value_ytd"),
                sub.get("yoy_month_pct"),
                sub.get("yoy_ytd_pct"),
                sub.get("share_ytd_pct"),
                sub.get("share_change_pp"),
                r.indicatorScores[i][c],
                indicator.weight() * r.indicatorScores[i][c],
                r.indicatorRanks[i][c]));
      }
    }
    return out;
  }

  static List<Row> rankingRows(
      Scheme scheme, List<County> counties, ScoreEngine.Result r, ScoreEngine.Result previous) {
    List<Row> out = new ArrayList<>();
    for (int c = 0; c < counties.size(); c++) {
      County county = counties.get(c);
      out.add(
          RowFactory.create(
              scheme.name(),
              r.period,
              r.period / 100,
              county.code(),
              county.name(),
              county.group(),
              r.baseScores[c],
              r.bonus[c],
              r.totals[c],
              r.ranks[c],
              r.ranksInGroup[c],
              r.poolSizes[c],
              previous == null ? null : previous.ranks[c] - r.ranks[c]));
    }
    return out;
  }

  /** The indicators of these schemes, each once, in the order the schemes name them. */
  public static Set<String> indicators(Collection<Scheme> schemes) {
    Set<String> out = new LinkedHashSet<>();
    schemes.forEach(scheme -> out.addAll(scheme.indicatorNames()));
    return out;
  }

  /** The counties of {@code silver.regions}. */
  public static List<County> counties(Dataset<Row> regions) {
    List<County> out = new ArrayList<>();
    for (Row row :
        regions.select("county_code", "county_name", "competition_group").collectAsList()) {
      out.add(new County(row.getString(0), row.getString(1), row.getString(2)));
    }
    return out;
  }

  /** The rows of {@code silver.targets}. */
  public static List<Target> targets(Dataset<Row> targets) {
    List<Target> out = new ArrayList<>();
    for (Row row :
        targets
            .select("region_code", "indicator", "target_period", "target_type", "target_value")
            .collectAsList()) {
      out.add(
          new Target(
              row.getString(0),
              row.getString(1),
              row.getInt(2),
              row.getString(3),
              row.getDecimal(4)));
    }
    return out;
  }

  /** County figures of these indicators by year, with the province's year to date beside each. */
  public static Map<Integer, YearFigures> figures(
      Dataset<Row> indicatorMonthly, Collection<String> indicators) {
    List<Row> rows =
        indicatorMonthly
            .filter(col("indicator").isin(indicators.toArray()))
            .filter(col("region_level").isin("county", "province"))
            .select(
                "indicator",
                "region_level",
                "region_code",
                "period",
                "value_month",
                "value_ytd",
                "value_ytd_ly",
                "yoy_month_pct",
                "yoy_ytd_pct",
                "share_ytd_pct",
                "share_ytd_ly_pct",
                "share_change_pp")
            .collectAsList();
    Map<String, BigDecimal> province = new HashMap<>();
    for (Row row : rows) {
      if ("province".equals(row.getString(1))) {
        province.put(row.getString(0) + "/" + row.getInt(3), row.getDecimal(5));
      }
    }
    Map<Integer, YearFigures> out = new TreeMap<>();
    for (Row row : rows) {
      if (!"county".equals(row.getString(1))) {
        continue;
      }
      int period = row.getInt(3);
      Figures f =
          new Figures(
              row.getDecimal(4),
              row.getDecimal(5),
              row.getDecimal(6),
              doubleOrNull(row, 7),
              doubleOrNull(row, 8),
              doubleOrNull(row, 9),
              doubleOrNull(row, 10),
              doubleOrNull(row, 11),
              province.get(row.getString(0) + "/" + period));
      out.computeIfAbsent(period / 100, YearFigures::new)
          .put(period, row.getString(0), row.getString(2), f);
    }
    return out;
  }

  private static Double doubleOrNull(Row row, int i) {
    return row.isNullAt(i) ? null : row.getDouble(i);
  }
}
