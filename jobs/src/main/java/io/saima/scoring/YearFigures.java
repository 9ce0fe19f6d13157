package io.saima.scoring;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A year of county figures, by period, indicator and county code; what boards are built from and
 * what scenarios and gap searches change.
 */
public final class YearFigures implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int year;
  private final TreeMap<Integer, Map<String, Map<String, Figures>>> byPeriod = new TreeMap<>();

  public YearFigures(int year) {
    this.year = year;
  }

  public int year() {
    return year;
  }

  public void put(int period, String indicator, String county, Figures figures) {
    byPeriod
        .computeIfAbsent(period, p -> new HashMap<>())
        .computeIfAbsent(indicator, i -> new HashMap<>())
        .put(county, figures);
  }

  public Figures get(int period, String indicator, String county) {
    Map<String, Map<String, Figures>> p = byPeriod.get(period);
    if (p == null) {
      return null;
    }
    Map<String, Figures> i = p.get(indicator);
    return i == null ? null : i.get(county);
  }

  /**
   * The periods in which every one of these indicators has figures for at least one county: a
   * period only partly delivered is not scored, since the missing indicator would give every county
   * the same null score.
   */
  public List<Integer> completePeriods(List<String> indicators) {
    List<Integer> out = new ArrayList<>();
    for (Map.Entry<Integer, Map<String, Map<String, Figures>>> e : byPeriod.entrySet()) {
      boolean complete = true;
      for (String indicator : indicators) {
        Map<String, Figures> counties = e.getValue().get(indicator);
        if (counties == null || counties.isEmpty()) {
          complete = false;
          break;
        }
      }
      if (complete) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  /** A copy sharing nothing mutable, for a scenario to change. */
  public YearFigures copy() {
    YearFigures out = new YearFigures(year);
    byPeriod.forEach(
        (period, indicators) ->
            indicators.forEach(
                (indicator, counties) ->
                    counties.forEach((county, f) -> out.put(period, indicator, county, f))));
    return out;
  }
}
