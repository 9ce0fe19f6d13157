package io.saima.report;

import io.saima.report.Bulletin.AlertItem;
import io.saima.report.Bulletin.ChartSpec;
import io.saima.report.Bulletin.DeliveryNote;
import io.saima.report.Bulletin.Footnotes;
import io.saima.report.Bulletin.Headline;
import io.saima.report.Bulletin.League;
import io.saima.report.Bulletin.LeagueRow;
import io.saima.report.Bulletin.Phrase;
import io.saima.report.Bulletin.ProbabilityRow;
import io.saima.report.Bulletin.RankSimulationRow;
import io.saima.report.Bulletin.ScenarioRow;
import io.saima.report.Bulletin.Series;
import io.saima.report.Bulletin.Simulations;
import io.saima.report.Bulletin.TableNote;
import io.saima.report.Bulletin.TargetLight;
import io.saima.report.Bulletin.UnitBoard;
import io.saima.report.Bulletin.UnitRow;
import io.saima.report.Bulletin.WatchItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;

/**
 * Builds the {@link Bulletin} from the rows of a {@link GoldSnapshot}: selection, ordering and
 * wording only. Every number is taken from one gold cell through {@link FigureBook}; nothing is
 * computed here that a table does not hold.
 */
public final class BulletinBuilder {
  private static final String MONTHLY = "gold.indicator_monthly";
  private static final String RANK = "gold.indicator_rank";
  private static final String RANKING = "gold.competition_ranking";
  private static final String RANK_GAPS = "gold.rank_gaps";
  private static final String SCORE_GAPS = "gold.score_gaps";
  private static final String TARGETS = "gold.target_attainment";
  private static final String PROBABILITY = "gold.target_probability";
  private static final String RANK_SIMULATION = "gold.rank_simulation";
  private static final String SCENARIOS = "gold.scenario_results";
  private static final String UNITS = "gold.unit_ranking";
  private static final String WATCHLIST = "gold.enterprise_watchlist";
  private static final String ALERTS = "gold.alerts";

  /** Rows shown at the top of a league table. */
  static final int TOP = 10;

  /** Neighbours shown above and below the home county. */
  static final int NEIGHBOURS = 2;

  /** Entries of the enterprise watchlist shown. */
  static final int WATCH_TOP = 10;

  private final GoldSnapshot gold;
  private final FigureBook book;
  private final String regionName;
  private final Map<String, String> currencies = new LinkedHashMap<>();

  private final Map<String, String> scenarioLabels;

  private BulletinBuilder(
      GoldSnapshot gold, String regionName, Map<String, String> scenarioLabels) {
    this.gold = gold;
    this.scenarioLabels = scenarioLabels;
    this.book = new FigureBook(gold.versions);
    this.regionName = regionName;
    for (Row row : gold.monthly) {
      currencies.putIfAbsent(row.getAs("indicator"), row.getAs("currency"));
    }
  }

  /**
   * @param scenarioLabels the scenarios' descriptions by name; a scenario not listed is shown by
   *     its name
   */
  public static Bulletin build(
      GoldSnapshot gold, String regionName, Map<String, String> scenarioLabels) {
    return new BulletinBuilder(gold, regionName, scenarioLabels).build();
  }

  private Bulletin build() {
    int period = gold.period;
    List<Headline> headlines = headlines();
    List<Phrase> summary = summary(headlines);
    List<League> leagues = new ArrayList<>();
    for (String indicator : Labels.KEY_INDICATORS) {
      indicatorLeague(indicator).ifPresent(leagues::add);
    }
    for (String scheme : schemes()) {
      schemeLeague(scheme).ifPresent(leagues::add);
    }
    List<ChartSpec> charts = charts();
    Simulations simulations = simulations();
    List<UnitBoard> units = unitBoards();
    List<Row> watchRows = new ArrayList<>(gold.watchlist);
    watchRows.sort(
        Comparator.comparing((Row r) -> base(r), Comparator.reverseOrder())
            .thenComparing(r -> (String) r.getAs("enterprise_id")));
    List<WatchItem> watch = new ArrayList<>();
    for (Row r : watchRows.subList(0, Math.min(WATCH_TOP, watchRows.size()))) {
      watch.add(watchItem(r));
    }
    List<AlertItem> alerts = alerts();
    Footnotes footnotes = footnotes();
    return new Bulletin(
        gold.region,
        regionName,
        period,
        Labels.period(period),
        Labels.ytd(period),
        summary,
        headlines,
        leagues,
        charts,
        simulations,
        units,
        watch,
        gold.watchlist.size(),
        alerts,
        footnotes,
        book.all());
  }

  // ---- headline

  private List<Headline> headlines() {
    List<Headline> out = new ArrayList<>();
    for (String indicator : Labels.KEY_INDICATORS) {
      Optional<Row> month =
          first(gold.monthly, is("indicator", indicator).and(is("period", gold.period)));
      if (month.isEmpty()) {
        continue;
      }
      Row m = month.get();
      Unit money = Unit.money(m.getAs("currency"));
      String[] key = {"indicator", "region_code", "period"};
      Optional<Row> rank =
          first(gold.leagueRanks, is("indicator", indicator).and(is("region_code", gold.region)));
      Figure rankFigure = rank.map(r -> rank(r, "rank")).orElse(null);
      Figure rankMove = rank.map(r -> rank(r, "rank_change")).orElse(null);
      List<TargetLight> lights = new ArrayList<>();
      gold.targets.stream()
          .filter(is("indicator", indicator))
          .sorted(
              Comparator.comparing((Row r) -> (Integer) r.getAs("target_period"))
                  .thenComparing(r -> (String) r.getAs("target_type")))
          .forEach(r -> lights.add(targetLight(r)));
      out.add(
          new Headline(
              indicator,
              Labels.indicator(indicator),
              money.label(),
              book.of(MONTHLY, m, "value_month", money, key),
              book.of(MONTHLY, m, "yoy_month_pct", Unit.GROWTH, key),
              book.of(MONTHLY, m, "value_ytd", money, key),
              book.of(MONTHLY, m, "yoy_ytd_pct", Unit.GROWTH, key),
              book.of(MONTHLY, m, "share_ytd_pct", Unit.PERCENT, key),
              book.of(MONTHLY, m, "share_change_pp", Unit.POINTS, key),
              rankFigure,
              rankMove,
              rank.map(r -> (Integer) r.getAs("n_ranked")).orElse(null),
              lights));
    }
    return out;
  }

  private Figure rank(Row indicatorRank, String column) {
    return book.of(
        RANK,
        indicatorRank,
        column,
        column.equals("rank") ? Unit.RANK : Unit.RANK_MOVE,
        "indicator",
        "period",
        "measure",
        "region_code");
  }

  private List<Phrase> summary(List<Headline> headlines) {
    List<Phrase> out = new ArrayList<>();
    for (Headline h : headlines) {
      List<Object> parts = new ArrayList<>();
      parts.add(Labels.ytd(gold.period) + h.label() + " ");
      parts.add(h.valueYtd());
      parts.add(h.unitLabel() + "，同比 ");
      parts.add(h.yoyYtd());
      parts.add("%，占全省 ");
      parts.add(h.share());
      parts.add("%（");
      parts.add(h.shareChange());
      parts.add(" 个百分点）");
      if (h.rank() != null && !h.rank().missing()) {
        parts.add("，居全省第 ");
        parts.add(h.rank());
        parts.add(" 位（");
        parts.add(h.rankChange());
        parts.add("）");
      }
      parts.add("。");
      out.add(new Phrase(parts));
    }
    return out;
  }

  private TargetLight targetLight(Row t) {
    String[] key = {"region_code", "indicator", "target_period", "target_type"};
    int targetPeriod = t.getAs("target_period");
    String type = t.getAs("target_type");
    String status = t.getAs("status");
    Unit money = Unit.money(t.getAs("currency"));
    Phrase goal =
        type.equals("growth_pct")
            ? Phrase.of("增长 ", book.of(TARGETS, t, "target_value", Unit.PERCENT, key), "%")
            : Phrase.of(book.of(TARGETS, t, "target_value", money, key), money.label());
    Figure completion = book.of(TARGETS, t, "completion_pct", Unit.PERCENT, key);
    Figure progress = book.of(TARGETS, t, "time_progress_pct", Unit.PERCENT, key);
    Figure ahead = book.of(TARGETS, t, "ahead_pp", Unit.POINTS, key);
    Figure gap = book.of(TARGETS, t, "gap_value", money, key);
    Integer asOf = t.getAs("as_of_period");
    String name = Labels.targetName(targetPeriod);
    boolean closed = asOf != null && asOf >= targetPeriod;
    // Growth targets are judged on the year-to-date growth: say it beside the completion.
    Object[] growth =
        type.equals("growth_pct")
            ? new Object[] {
              "，累计增长 ", book.of(TARGETS, t, "actual_growth_pct", Unit.GROWTH, key), "%"
            }
            : new Object[0];
    Phrase verdict =
        switch (status) {
          case "met" -> phrase(growth, name + "已实现，完成 ", completion, "%");
          case "on_track" ->
              phrase(
                  growth,
                  name + "进行中：完成 ",
                  completion,
                  "%，序时进度 ",
                  progress,
                  "%，较序时进度 ",
                  ahead,
                  " 个百分点");
          case "behind" ->
              closed
                  ? phrase(growth, name + "未实现：完成 ", completion, "%，差 ", gap, money.label())
                  : phrase(
                      growth,
                      name + "落后：完成 ",
                      completion,
                      "%，序时进度 ",
                      progress,
                      "%，较序时进度 ",
                      ahead,
                      " 个百分点，尚差 ",
                      gap,
                      money.label());
          default -> Phrase.of(name + "暂无数据");
        };
    boolean missed = closed && status.equals("behind");
    return new TargetLight(
        Labels.indicator(t.getAs("indicator")),
        name,
        goal,
        status,
        missed ? "未实现" : Labels.status(status),
        missed ? "red" : Labels.light(status),
        completion,
        progress,
        ahead,
        gap,
        asOf == null ? "" : Labels.period(asOf),
        verdict);
  }

  /** The parts, then the tail (e.g. the growth of a growth target). */
  private static Phrase phrase(Object[] tail, Object... parts) {
    List<Object> all = new ArrayList<>(List.of(parts));
    all.addAll(List.of(tail));
    return new Phrase(all);
  }

  // ---- league tables

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
    List<LeagueRow> shown = new ArrayList<>();
    for (int i : shownPositions(rows)) {
      Row r = rows.get(i);
      shown.add(
          new LeagueRow(
              book.of(RANK, r, "rank", Unit.RANK, key),
              r.getAs("region_code"),
              r.getAs("region_name"),
              book.of(RANK, r, "value", money, key),
              book.of(RANK, r, "rank_change", Unit.RANK_MOVE, key),
              gold.region.equals(r.getAs("region_code")),
              !shown.isEmpty() && i > previous(shown, rows) + 1));
    }
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

  private List<String> schemes() {
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
    List<LeagueRow> shown = new ArrayList<>();
    for (int i : shownPositions(rows)) {
      Row r = rows.get(i);
      shown.add(
          new LeagueRow(
              book.of(RANKING, r, "rank", Unit.RANK, key),
              r.getAs("region_code"),
              r.getAs("region_name"),
              book.of(RANKING, r, "total_score", Unit.SCORE, key),
              book.of(RANKING, r, "rank_change", Unit.RANK_MOVE, key),
              gold.region.equals(r.getAs("region_code")),
              !shown.isEmpty() && i > previous(shown, rows) + 1));
    }
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

  // ---- charts

  private List<ChartSpec> charts() {
    List<ChartSpec> out = new ArrayList<>();
    List<Integer> months = twoYears();
    List<String> categories = months.stream().map(BulletinBuilder::monthLabel).toList();
    Map<Integer, Row> export = byPeriod(gold.monthly, is("indicator", "export"));
    Unit money = Unit.money(currencies.getOrDefault("export", "CNY"));
    out.add(
        new ChartSpec(
            "chart-monthly",
            "出口总额：月度值与当月增速（近两年）",
            ChartSpec.Kind.BARS_AND_LINES,
            categories,
            List.of(
                new Series(
                    "当月出口（" + money.label() + "）", values(months, export, "value_month", money))),
            List.of(new Series("当月同比（%）", values(months, export, "yoy_month_pct", Unit.GROWTH))),
            money.label(),
            "%",
            "柱：当月出口总额；线：当月同比增速。"));
    List<Series> shares = new ArrayList<>();
    for (String indicator : List.of("export", "cbec_export", "fdi_actual", "retail_sales")) {
      Map<Integer, Row> rows = byPeriod(gold.monthly, is("indicator", indicator));
      if (!rows.isEmpty()) {
        shares.add(
            new Series(Labels.indicatorShort(indicator), raw(months, rows, "share_ytd_pct")));
      }
    }
    out.add(
        new ChartSpec(
            "chart-share",
            "占全省份额（累计，%）",
            ChartSpec.Kind.LINES,
            categories,
            List.of(),
            shares,
            "",
            "%",
            "各月 1–本月累计占全省同期累计的比重。"));
    List<Series> ranks = new ArrayList<>();
    for (String scheme : schemes()) {
      Map<Integer, Row> rows = byPeriod(gold.rankingHistory, is("scheme", scheme));
      ranks.add(new Series(Labels.scheme(scheme), raw(months, rows, "rank")));
    }
    for (String indicator : List.of("export", "fdi_actual", "retail_sales")) {
      Map<Integer, Row> rows = byPeriod(gold.rankHistory, is("indicator", indicator));
      if (!rows.isEmpty()) {
        ranks.add(new Series(Labels.indicatorShort(indicator) + "累计位次", raw(months, rows, "rank")));
      }
    }
    out.add(
        new ChartSpec(
            "chart-rank",
            "全省位次走势",
            ChartSpec.Kind.RANKS,
            categories,
            List.of(),
            ranks,
            "",
            "位次",
            "第 1 位在上；综合得分位次按各方案，单项按累计总量。"));
    List<String> targetNames = new ArrayList<>();
    List<BigDecimal> completion = new ArrayList<>();
    List<BigDecimal> progress = new ArrayList<>();
    gold.targets.stream()
        .sorted(
            Comparator.comparing((Row r) -> (Integer) r.getAs("target_period"))
                .thenComparing(r -> Labels.KEY_INDICATORS.indexOf((String) r.getAs("indicator")))
                .thenComparing(r -> (String) r.getAs("target_type")))
        .forEach(
            t -> {
              targetNames.add(
                  Labels.indicatorShort(t.getAs("indicator"))
                      + (((String) t.getAs("target_type")).equals("growth_pct") ? "增速" : "")
                      + "·"
                      + Labels.targetName(t.getAs("target_period")));
              completion.add(decimal(t.getAs("completion_pct")));
              progress.add(decimal(t.getAs("time_progress_pct")));
            });
    out.add(
        new ChartSpec(
            "chart-targets",
            "目标完成率与序时进度（%）",
            ChartSpec.Kind.BARS,
            targetNames,
            List.of(new Series("完成率", completion), new Series("序时进度", progress)),
            List.of(),
            "%",
            "",
            "完成率高于序时进度即快于进度。"));
    return out;
  }

  private List<Integer> twoYears() {
    List<Integer> out = new ArrayList<>();
    int year = gold.period / 100;
    for (int y = year - 1; y <= year; y++) {
      for (int m = 1; m <= 12; m++) {
        int p = y * 100 + m;
        if (p <= gold.period) {
          out.add(p);
        }
      }
    }
    return out;
  }

  private static String monthLabel(int period) {
    return period % 100 == 1 ? (period / 100) + "年1月" : (period % 100) + "月";
  }

  private static Map<Integer, Row> byPeriod(List<Row> rows, Predicate<Row> filter) {
    Map<Integer, Row> out = new TreeMap<>();
    rows.stream().filter(filter).forEach(r -> out.put(r.getAs("period"), r));
    return out;
  }

  private static List<BigDecimal> values(
      List<Integer> months, Map<Integer, Row> rows, String column, Unit unit) {
    List<BigDecimal> out = new ArrayList<>();
    for (int p : months) {
      Row r = rows.get(p);
      Object v = r == null ? null : r.getAs(column);
      out.add(v instanceof Number n ? unit.round(n) : null);
    }
    return out;
  }

  private static List<BigDecimal> raw(List<Integer> months, Map<Integer, Row> rows, String column) {
    List<BigDecimal> out = new ArrayList<>();
    for (int p : months) {
      Row r = rows.get(p);
      out.add(r == null ? null : decimal(r.getAs(column)));
    }
    return out;
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Double d && !d.isNaN() && !d.isInfinite()) {
      return BigDecimal.valueOf(d);
    }
    if (value instanceof Integer i) {
      return BigDecimal.valueOf(i);
    }
    return null;
  }

  // ---- simulations

  private Simulations simulations() {
    String[] pKey = {"region_code", "indicator", "target_period", "target_type"};
    List<ProbabilityRow> probabilities = new ArrayList<>();
    Set<Integer> asOf = new TreeSet<>();
    gold.probabilities.stream()
        .sorted(
            Comparator.comparing((Row r) -> (Integer) r.getAs("target_period"))
                .thenComparing(r -> Labels.KEY_INDICATORS.indexOf((String) r.getAs("indicator")))
                .thenComparing(r -> (String) r.getAs("target_type")))
        .forEach(
            p -> {
              asOf.add(p.getAs("as_of_period"));
              Unit money = Unit.money(currencies.getOrDefault(p.getAs("indicator"), "CNY"));
              Phrase goal =
                  ((String) p.getAs("target_type")).equals("growth_pct")
                      ? Phrase.of(
                          "增长 ", book.of(PROBABILITY, p, "target_value", Unit.PERCENT, pKey), "%")
                      : Phrase.of(
                          book.of(PROBABILITY, p, "target_value", money, pKey), money.label());
              probabilities.add(
                  new ProbabilityRow(
                      Labels.indicator(p.getAs("indicator")),
                      Labels.targetName(p.getAs("target_period")),
                      goal,
                      book.of(PROBABILITY, p, "probability_met", Unit.PROBABILITY, pKey),
                      book.of(PROBABILITY, p, "value_p10", money, pKey),
                      book.of(PROBABILITY, p, "value_p50", money, pKey),
                      book.of(PROBABILITY, p, "value_p90", money, pKey),
                      money.label()));
            });
    List<RankSimulationRow> ranks = new ArrayList<>();
    String[] rKey = {"scheme", "region_code"};
    gold.rankSimulation.stream()
        .sorted(
            Comparator.comparing((Row r) -> !"reference".equals(r.getAs("scheme")))
                .thenComparing(r -> (String) r.getAs("scheme")))
        .forEach(
            r -> {
              asOf.add(r.getAs("as_of_period"));
              List<?> probabilitiesOfRanks = r.getList(r.fieldIndex("rank_probabilities"));
              ranks.add(
                  new RankSimulationRow(
                      Labels.scheme(r.getAs("scheme")),
                      probabilitiesOfRanks.size(),
                      book.of(RANK_SIMULATION, r, "current_rank", Unit.RANK, rKey),
                      book.of(RANK_SIMULATION, r, "most_likely_rank", Unit.RANK, rKey),
                      book.of(RANK_SIMULATION, r, "rank_p10", Unit.RANK, rKey),
                      book.of(RANK_SIMULATION, r, "rank_p90", Unit.RANK, rKey),
                      book.of(RANK_SIMULATION, r, "expected_rank", Unit.SCORE, rKey)));
            });
    List<ScenarioRow> scenarios = new ArrayList<>();
    String[] sKey = {"scenario", "scheme", "period", "region_code"};
    gold.scenarios.stream()
        .sorted(
            Comparator.comparing((Row r) -> (String) r.getAs("scenario"))
                .thenComparing(r -> !"reference".equals(r.getAs("scheme")))
                .thenComparing(r -> (String) r.getAs("scheme")))
        .forEach(
            s ->
                scenarios.add(
                    new ScenarioRow(
                        scenarioLabels.getOrDefault(s.getAs("scenario"), s.getAs("scenario")),
                        Labels.scheme(s.getAs("scheme"))
                            + "（"
                            + Labels.period(s.getAs("period"))
                            + "）",
                        book.of(SCENARIOS, s, "total_score_baseline", Unit.SCORE, sKey),
                        book.of(SCENARIOS, s, "total_score_scenario", Unit.SCORE, sKey),
                        book.of(SCENARIOS, s, "score_change", Unit.SCORE_CHANGE, sKey),
                        book.of(SCENARIOS, s, "rank_baseline", Unit.RANK, sKey),
                        book.of(SCENARIOS, s, "rank_scenario", Unit.RANK, sKey),
                        book.of(SCENARIOS, s, "rank_change", Unit.RANK_MOVE, sKey))));
    String asOfLabel =
        asOf.isEmpty() ? "" : String.join("、", asOf.stream().map(Labels::period).toList());
    Set<Integer> scenarioPeriods = new TreeSet<>();
    gold.scenarios.forEach(r -> scenarioPeriods.add(r.getAs("period")));
    return new Simulations(
        asOfLabel,
        probabilities,
        ranks,
        scenarios,
        String.join("、", scenarioPeriods.stream().map(Labels::period).toList()));
  }

  // ---- towns, watchlist, alerts

  private List<UnitBoard> unitBoards() {
    Map<String, List<Row>> boards = new LinkedHashMap<>();
    gold.units.stream()
        .sorted(
            Comparator.comparing((Row r) -> -(Integer) r.getAs("target_period"))
                .thenComparing(r -> Labels.KEY_INDICATORS.indexOf((String) r.getAs("indicator")))
                .thenComparing(r -> (String) r.getAs("target_type"))
                .thenComparing(
                    r -> r.getAs("rank") == null ? Integer.MAX_VALUE : (Integer) r.getAs("rank"))
                .thenComparing(r -> (String) r.getAs("unit_code")))
        .forEach(
            r ->
                boards
                    .computeIfAbsent(
                        r.getAs("indicator")
                            + "|"
                            + r.getAs("target_period")
                            + "|"
                            + r.getAs("target_type"),
                        k -> new ArrayList<>())
                    .add(r));
    String[] key = {"county_code", "indicator", "target_period", "target_type", "unit_code"};
    List<UnitBoard> out = new ArrayList<>();
    for (List<Row> rows : boards.values()) {
      Row first = rows.get(0);
      List<UnitRow> unitRows = new ArrayList<>();
      for (Row r : rows) {
        String badge = r.getAs("badge");
        unitRows.add(
            new UnitRow(
                book.of(UNITS, r, "rank", Unit.RANK, key),
                r.getAs("unit_name"),
                unitType(r.getAs("unit_type")),
                book.of(UNITS, r, "completion_pct", Unit.PERCENT, key),
                book.of(UNITS, r, "ahead_pp", Unit.POINTS, key),
                badge == null ? "" : badge,
                Labels.badge(badge)));
      }
      Integer asOf = first.getAs("as_of_period");
      out.add(
          new UnitBoard(
              Labels.indicator(first.getAs("indicator"))
                  + " · "
                  + Labels.targetName(first.getAs("target_period"))
                  + "目标完成",
              asOf == null ? "" : Labels.period(asOf),
              unitRows));
    }
    return out;
  }

  private static String unitType(String type) {
    if (type == null) {
      return "";
    }
    return switch (type) {
      case "town" -> "镇";
      case "street" -> "街道";
      case "platform" -> "平台";
      default -> type;
    };
  }

  /** The base a watchlist entry fell from: last year's month, or the previous month. */
  private static BigDecimal base(Row r) {
    BigDecimal ly = r.getAs("value_month_ly");
    BigDecimal prev = r.getAs("value_prev_month");
    BigDecimal a = ly == null ? BigDecimal.ZERO : ly;
    BigDecimal b = prev == null ? BigDecimal.ZERO : prev;
    return a.max(b);
  }

  private WatchItem watchItem(Row r) {
    String[] key = {"period", "enterprise_id", "county_code"};
    Unit money = Unit.money(r.getAs("currency"));
    return new WatchItem(
        r.getAs("enterprise_name") == null ? r.getAs("enterprise_id") : r.getAs("enterprise_name"),
        r.getAs("enterprise_id"),
        Labels.watchReason(r.getAs("reason")),
        book.of(WATCHLIST, r, "value_month", money, key),
        book.of(WATCHLIST, r, "value_prev_month", money, key),
        book.of(WATCHLIST, r, "value_month_ly", money, key),
        book.of(WATCHLIST, r, "yoy_month_pct", Unit.GROWTH, key));
  }

  private List<AlertItem> alerts() {
    String[] key = {"rule", "region_code", "indicator", "period"};
    List<AlertItem> out = new ArrayList<>();
    gold.alerts.stream()
        .sorted(
            Comparator.comparing((Row r) -> !"county".equals(r.getAs("region_level")))
                .thenComparing(r -> (String) r.getAs("rule"))
                .thenComparing(r -> (String) r.getAs("region_code"))
                .thenComparing(r -> (String) r.getAs("indicator")))
        .forEach(
            a -> {
              String rule = a.getAs("rule");
              out.add(
                  new AlertItem(
                      Labels.alertRule(rule),
                      Objects.requireNonNullElse(a.getAs("region_name"), a.getAs("region_code")),
                      Labels.indicator(a.getAs("indicator")),
                      book.of(ALERTS, a, "value", Labels.alertUnit(rule), key)));
            });
    return out;
  }

  // ---- footnotes

  private Footnotes footnotes() {
    Map<String, List<Row>> bySource = new TreeMap<>();
    gold.delivered.forEach(
        r -> bySource.computeIfAbsent(r.getAs("source"), k -> new ArrayList<>()).add(r));
    List<DeliveryNote> deliveries = new ArrayList<>();
    for (Map.Entry<String, List<Row>> e : bySource.entrySet()) {
      Row latest =
          e.getValue().stream()
              .max(Comparator.comparing((Row r) -> (Integer) r.getAs("period")))
              .orElseThrow();
      deliveries.add(
          new DeliveryNote(
              Labels.source(e.getKey()),
              Labels.period(latest.getAs("period")),
              latest.getAs("_delivery"),
              e.getValue().size()));
    }
    List<TableNote> tables = new ArrayList<>();
    for (Map.Entry<String, Long> e : gold.versions.entrySet()) {
      tables.add(
          new TableNote(
              e.getKey(),
              e.getValue(),
              e.getValue() < 0
                  ? ""
                  : "SELECT * FROM " + e.getKey() + " VERSION AS OF " + e.getValue()));
    }
    return new Footnotes(Labels.DEFINITIONS, deliveries, tables);
  }

  // ---- helpers

  private static Predicate<Row> is(String column, Object value) {
    return r -> value.equals(r.getAs(column));
  }

  private static Optional<Row> first(List<Row> rows, Predicate<Row> filter) {
    return rows.stream().filter(filter).findFirst();
  }
}
