package io.saima.simulate;

import io.saima.scoring.Figures;
import io.saima.scoring.YearFigures;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds gold-like figures from monthly series written by hand: year to date, last year's, growth
 * and shares of the province (the sum of the counties given), as gold defines them.
 */
final class Series {
  /** indicator -> county -> period -> month value */
  private final Map<String, Map<String, TreeMap<Integer, BigDecimal>>> months =
      new LinkedHashMap<>();

  Series months(String indicator, String county, int year, int fromMonth, double... values) {
    TreeMap<Integer, BigDecimal> series =
        months
            .computeIfAbsent(indicator, i -> new LinkedHashMap<>())
            .computeIfAbsent(county, c -> new TreeMap<>());
    for (int k = 0; k < values.length; k++) {
      series.put(year * 100 + fromMonth + k, BigDecimal.valueOf(values[k]).setScale(2));
    }
    return this;
  }

  /** The same value for months 1..n. */
  Series flat(String indicator, String county, int year, int n, double value) {
    double[] values = new double[n];
    java.util.Arrays.fill(values, value);
    return months(indicator, county, year, 1, values);
  }

  private static BigDecimal ytd(TreeMap<Integer, BigDecimal> s, int period) {
    if (s == null || !s.containsKey(period)) {
      return null;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (int p = (period / 100) * 100 + 1; p <= period; p++) {
      sum = sum.add(s.getOrDefault(p, BigDecimal.ZERO));
    }
    return sum;
  }

  Map<Integer, YearFigures> figures() {
    Map<Integer, YearFigures> out = new TreeMap<>();
    for (var byIndicator : months.entrySet()) {
      String indicator = byIndicator.getKey();
      TreeMap<Integer, BigDecimal> province = new TreeMap<>();
      for (var s : byIndicator.getValue().values()) {
        s.forEach((p, v) -> province.merge(p, v, BigDecimal::add));
      }
      for (var byCounty : byIndicator.getValue().entrySet()) {
        TreeMap<Integer, BigDecimal> s = byCounty.getValue();
        for (int period : s.keySet()) {
          BigDecimal ytd = ytd(s, period);
          BigDecimal ytdLy = ytd(s, period - 100);
          BigDecimal month = s.get(period);
          BigDecimal monthLy = s.get(period - 100);
          BigDecimal provinceYtd = ytd(province, period);
          BigDecimal provinceYtdLy = ytd(province, period - 100);
          Double share = Figures.sharePct(ytd, provinceYtd);
          Double shareLy = Figures.sharePct(ytdLy, provinceYtdLy);
          out.computeIfAbsent(period / 100, YearFigures::new)
              .put(
                  period,
                  indicator,
                  byCounty.getKey(),
                  new Figures(
                      month,
                      ytd,
                      ytdLy,
                      Figures.growthPct(month, monthLy),
                      Figures.growthPct(ytd, ytdLy),
                      share,
                      shareLy,
                      share == null || shareLy == null ? null : share - shareLy,
                      provinceYtd));
        }
      }
    }
    return out;
  }
}
