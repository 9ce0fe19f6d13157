package io.saima.report;

import static io.saima.report.Rows.is;

import io.saima.report.Bulletin.ChartSpec;
import io.saima.report.Bulletin.Series;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;

/**
 * The bulletin's charts (图表), as specs for {@link Charts} to draw. A chart's points are plain
 * numbers rather than figures, since no one quotes a point of a chart, but they are still read from
 * gold cells and never computed here.
 */
final class ChartSection {
  private final GoldSnapshot gold;
  private final Map<String, String> currencies;

  ChartSection(GoldSnapshot gold, Map<String, String> currencies) {
    this.gold = gold;
    this.currencies = currencies;
  }

  /**
   * @param schemes the schemes whose rank history the rank chart shows, in this order
   */
  List<ChartSpec> charts(List<String> schemes) {
    List<ChartSpec> out = new ArrayList<>();
    List<Integer> months = twoYears();
    List<String> categories = months.stream().map(ChartSection::monthLabel).toList();
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
    for (String scheme : schemes) {
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
}
