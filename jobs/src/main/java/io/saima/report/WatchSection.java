package io.saima.report;

import io.saima.report.Bulletin.AlertItem;
import io.saima.report.Bulletin.WatchItem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.sql.Row;

/**
 * Enterprise monitoring (五、企业监测): the watchlist, the largest enterprises first by the base each
 * fell from, and the alerts, the county's own before the rest.
 */
final class WatchSection {
  private static final String WATCHLIST = "gold.enterprise_watchlist";
  private static final String ALERTS = "gold.alerts";

  /** Entries of the enterprise watchlist shown. */
  static final int WATCH_TOP = 10;

  private final GoldSnapshot gold;
  private final FigureBook book;

  WatchSection(GoldSnapshot gold, FigureBook book) {
    this.gold = gold;
    this.book = book;
  }

  /** The {@link #WATCH_TOP} entries with the largest base, then by enterprise. */
  List<WatchItem> watchlist() {
    List<Row> watchRows = new ArrayList<>(gold.watchlist);
    watchRows.sort(
        Comparator.comparing((Row r) -> base(r), Comparator.reverseOrder())
            .thenComparing(r -> (String) r.getAs("enterprise_id")));
    List<WatchItem> watch = new ArrayList<>();
    for (Row r : watchRows.subList(0, Math.min(WATCH_TOP, watchRows.size()))) {
      watch.add(watchItem(r));
    }
    return watch;
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

  List<AlertItem> alerts() {
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
}
