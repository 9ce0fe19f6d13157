package io.saima.report;

import static io.saima.report.Rows.first;
import static io.saima.report.Rows.is;

import io.saima.report.Bulletin.Headline;
import io.saima.report.Bulletin.Phrase;
import io.saima.report.Bulletin.TargetLight;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;

/**
 * The key indicators (一、主要指标) with their targets' lights, and the summary (要点) that says each in
 * one sentence. The summary is worded from the headlines' own figures, not from the rows again, so
 * the two cannot disagree.
 */
final class HeadlineSection {
  private static final String MONTHLY = "gold.indicator_monthly";
  private static final String TARGETS = "gold.target_attainment";

  private final GoldSnapshot gold;
  private final FigureBook book;

  HeadlineSection(GoldSnapshot gold, FigureBook book) {
    this.gold = gold;
    this.book = book;
  }

  List<Headline> headlines() {
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
        LeagueSection.RANK,
        indicatorRank,
        column,
        column.equals("rank") ? Unit.RANK : Unit.RANK_MOVE,
        "indicator",
        "period",
        "measure",
        "region_code");
  }

  List<Phrase> summary(List<Headline> headlines) {
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
}
