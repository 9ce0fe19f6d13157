package io.saima.report;

import static io.saima.report.Rows.is;

import io.saima.report.Bulletin.League;
import io.saima.report.Bulletin.LeagueRow;
import io.saima.report.Bulletin.Phrase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/**
 * The county league tables (二、全省排名): one per key indicator and one per scoring scheme. Each shows
 * the top of the province and the home county among its neighbours rather than every county, and
 * says what it would take to move up, since that is what the table is read for.
 */
final class LeagueSection {
  static final String RANK = "gold.indicator_rank";
  private static final String RANKING = "gold.competition_ranking";
  private static final String RANK_GAPS = "gold.rank_gaps";
  private static final String SCORE_GAPS = "gold.score_gaps";

  /** Rows shown at the top of a league table. */
  static final int TOP = 10;

  /** Neighbours shown above and below the home county. */
  static final int NEIGHBOURS = 2;

  private final GoldSnapshot gold;
  private final FigureBook book;
  private final Map<String, String> currencies;

  LeagueSection(GoldSnapshot gold, FigureBook book, Map<String, String> currencies) {
    this.gold = gold;
    this.book = book;
    this.currencies = currencies;
  }

  /** The key indicators' leagues, then the schemes' in the order of {@link #schemes()}. */
  List<League> leagues() {
    List<League> leagues = new ArrayList<>();
    for (String indicator : Labels.KEY_INDICATORS) {
      indicatorLeague(indicator).ifPresent(leagues::add);
    }
    for (String scheme : schemes()) {
      schemeLeague(scheme).ifPresent(leagues::add);
    }
    return leagues;
  }

  private Optional<League> indicatorLeague(String indicator) {
    List<Row> rows =
        gold.leagueRanks.stream()
            .filter(is("indicator", indicator).and(r -> r.getAs("rank") != null))
            .sorted(
                Comparator.comparing((Row r) -> (Integer) r.getAs("rank"))
                    .thenComparing(r -> (String) r.getAs("region_code")))
            .toList();
    if (rows.stream().noneMatch(is("region_code", gold.region))) {
      return Optional.empty();
    }
    Unit money = Unit.money(currencies.getOrDefault(indicator, "CNY"));
    String[] key = {"indicator", "period", "measure", "region_code"};
    List<LeagueRow> shown = shown(rows, RANK, "value", money, key);
    List<Phrase> gaps = new ArrayList<>();
    gold.rankGaps.stream()
        .filter(is("indicator", indicator).and(is("ranked_on", "value_ytd")))
        .sorted(Comparator.comparing((Row r) -> !"reference".equals(r.getAs("scheme"))))
        .findFirst()
        .ifPresentOrElse(
            g -> gaps.add(gapPhrase(g, Labels.indicator(indicator) + "累计")),
            () ->
                gaps.add(
                    Phrase.of(Labels.indicator(indicator) + "未纳入计分方案，无追赶差距测算（gold.rank_gaps）。")));
    return Optional.of(
        new League(
            "rank-" + indicator,
            Labels.indicator(indicator) + "（" + Labels.ytd(gold.period) + "累计）",
            money.label(),
            rows.get(0).<Integer>getAs("n_ranked"),
            shown,
            gaps));
  }

  /**
   * The rows a league shows (the top, the county and its neighbours), each figure taken from the
   * table's cell: rank, the ranked value in its unit, and the change of rank.
   */
  private List<LeagueRow> shown(
      List<Row> rows, String table, String valueColumn, Unit valueUnit, String[] key) {
    List<LeagueRow> shown = new ArrayList<>();
    for (int i : shownPositions(rows)) {
      Row r = rows.get(i);
      shown.add(
          new LeagueRow(
              book.of(table, r, "rank", Unit.RANK, key),
              r.getAs("region_code"),
              r.getAs("region_name"),
              book.of(table, r, valueColumn, valueUnit, key),
              book.of(table, r, "rank_change", Unit.RANK_MOVE, key),
              gold.region.equals(r.getAs("region_code")),
              !shown.isEmpty() && i > previous(shown, rows) + 1));
    }
    return shown;
  }

  /** The position in {@code rows} of the last row shown so far. */
  private static int previous(List<LeagueRow> shown, List<Row> rows) {
    String code = shown.get(shown.size() - 1).code();
    for (int i = 0; i < rows.size(); i++) {
      if (code.equals(rows.get(i).getAs("region_code"))) {
        return i;
      }
    }
    return -1;
  }

  /** The top ten, and the home county with two neighbours above and below. */
  private Set<Integer> shownPositions(List<Row> rows) {
    Set<Integer> positions = new TreeSet<>();
    for (int i = 0; i < Math.min(TOP, rows.size()); i++) {
      positions.add(i);
    }
    for (int i = 0; i < rows.size(); i++) {
      if (gold.region.equals(rows.get(i).getAs("region_code"))) {
        for (int j = Math.max(0, i - NEIGHBOURS);
            j <= Math.min(rows.size() - 1, i + NEIGHBOURS);
            j++) {
          positions.add(j);
        }
      }
    }
    return positions;
  }

  private Phrase gapPhrase(Row g, String what) {
    String[] key = {"scheme", "period", "region_code", "indicator", "ranked_on", "target_rank"};
    Unit money = Unit.money(g.getAs("currency"));
    Figure target = book.of(RANK_GAPS, g, "target_rank", Unit.RANK, key);
    if (!Boolean.TRUE.equals(g.getAs("reachable"))) {
      return Phrase.of(what + "：仅靠本项无法升至第 ", target, " 位");
    }
    return Phrase.of(
        what + "再增加 ",
        book.of(RANK_GAPS, g, "amount", money, key),
        money.label() + "，可升至第 ",
        target,
        " 位");
  }

  /** The schemes the home county is ranked on, the reference scheme first, then by name. */
  List<String> schemes() {
    Set<String> out = new LinkedHashSet<>();
    gold.ranking.stream()
        .filter(is("region_code", gold.region))
        .map(r -> (String) r.getAs("scheme"))
        .sorted(Comparator.comparing((String s) -> !s.equals("reference")).thenComparing(s -> s))
        .forEach(out::add);
    return List.copyOf(out);
  }

  private Optional<League> schemeLeague(String scheme) {
    List<Row> rows =
        gold.ranking.stream()
            .filter(is("scheme", scheme))
            .sorted(
                Comparator.comparing((Row r) -> (Integer) r.getAs("rank"))
                    .thenComparing(r -> (String) r.getAs("region_code")))
            .toList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    String[] key = {"scheme", "period", "region_code"};
    List<LeagueRow> shown = shown(rows, RANKING, "total_score", Unit.SCORE, key);
    List<Phrase> gaps = new ArrayList<>();
    gold.rankGaps.stream()
        .filter(is("scheme", scheme).and(is("ranked_on", "total_score")))
        .sorted(Comparator.comparing((Row r) -> (String) r.getAs("indicator")))
        .forEach(g -> gaps.add(gapPhrase(g, "仅" + Labels.indicator(g.getAs("indicator")))));
    List<Row> costs =
        gold.scoreGaps.stream()
            .filter(is("scheme", scheme))
            .sorted(Comparator.comparing((Row r) -> (Integer) r.getAs("cost_rank")))
            .toList();
    if (!costs.isEmpty()) {
      String[] costKey = {"scheme", "period", "region_code", "indicator", "measure"};
      Row c0 = costs.get(0);
      List<Object> parts = new ArrayList<>();
      parts.add("与上一位" + c0.getAs("above_region_name") + "（第 ");
      parts.add(book.of(SCORE_GAPS, c0, "above_rank", Unit.RANK, costKey));
      parts.add(" 位）相差 ");
      parts.add(book.of(SCORE_GAPS, c0, "total_gap", Unit.SCORE, costKey));
      parts.add(" 分");
      List<Row> positive =
          costs.stream().filter(r -> ((Double) r.getAs("points_gap")) > 0).limit(3).toList();
      if (!positive.isEmpty()) {
        parts.add("，失分最多的是：");
        for (int i = 0; i < positive.size(); i++) {
          Row c = positive.get(i);
          parts.add(
              (i > 0 ? "；" : "")
                  + Labels.indicatorShort(c.getAs("indicator"))
                  + Labels.measure(c.getAs("measure"))
                  + " ");
          parts.add(book.of(SCORE_GAPS, c, "points_gap", Unit.SCORE, costKey));
          parts.add(" 分");
        }
      }
      parts.add("。");
      gaps.add(0, new Phrase(parts));
    }
    return Optional.of(
        new League(
            "score-" + scheme,
            Labels.scheme(scheme) + " 总得分",
            "分",
            rows.get(0).<Integer>getAs("n_ranked"),
            shown,
            gaps));
  }
}
