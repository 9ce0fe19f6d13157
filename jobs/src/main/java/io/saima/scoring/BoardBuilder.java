package io.saima.scoring;

import io.saima.scoring.Scheme.Indicator;
import io.saima.scoring.Scheme.Measure;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lays a scheme's counties, figures and targets out as {@link Board}s.
 *
 * <p>Targets: a sub-score on {@code value_ytd} is measured against the county's {@code value}
 * target and one on {@code yoy_ytd_pct} against its {@code growth_pct} target. The target that
 * applies in a period is the first one due in the same year (the half-year target until June, then
 * the full-year one); a value target is taken pro rata to time (序时进度: month / the target's month),
 * as bureaus judge progress during the year.
 */
public final class BoardBuilder implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Scheme scheme;
  private final List<County> counties;
  private final List<Target> targets;

  public BoardBuilder(Scheme scheme, List<County> allCounties, List<Target> targets) {
    this.scheme = scheme;
    this.counties =
        allCounties.stream()
            .filter(c -> scheme.groups().isEmpty() || scheme.groups().contains(c.group()))
            .sorted(Comparator.comparing(County::code))
            .toList();
    this.targets = List.copyOf(targets);
  }

  /** The counties this scheme scores, in board order (by code). */
  public List<County> counties() {
    return counties;
  }

  public Scheme scheme() {
    return scheme;
  }

  public int indexOf(String code) {
    for (int c = 0; c < counties.size(); c++) {
      if (counties.get(c).code().equals(code)) {
        return c;
      }
    }
    return -1;
  }

  public Board board(YearFigures figures, int period) {
    int n = counties.size();
    String[] codes = counties.stream().map(County::code).toArray(String[]::new);
    String[] groups = counties.stream().map(County::group).toArray(String[]::new);
    List<Indicator> indicators = scheme.indicators();
    double[][][] measures = new double[indicators.size()][][];
    double[][][] targetSlots = new double[indicators.size()][][];
    for (int i = 0; i < indicators.size(); i++) {
      Indicator indicator = indicators.get(i);
      measures[i] = new double[indicator.measures().size()][n];
      targetSlots[i] = new double[indicator.measures().size()][n];
      for (int m = 0; m < indicator.measures().size(); m++) {
        Measure measure = indicator.measures().get(m);
        for (int c = 0; c < n; c++) {
          Figures f = figures.get(period, indicator.name(), codes[c]);
          measures[i][m][c] = f == null ? Double.NaN : f.measure(measure.column());
          targetSlots[i][m][c] =
              measure.function().usesTargets()
                  ? target(codes[c], indicator.name(), measure.column(), period)
                  : Double.NaN;
        }
      }
    }
    return new Board(period, codes, groups, measures, targetSlots);
  }

  public List<Board> boards(YearFigures figures, List<Integer> periods) {
    List<Board> out = new ArrayList<>();
    for (int period : periods) {
      out.add(board(figures, period));
    }
    return out;
  }

  /** The county's target for a measure in a period, or NaN. */
  double target(String county, String indicator, String column, int period) {
    String type =
        switch (column) {
          case "value_ytd" -> "value";
          case "yoy_ytd_pct" -> "growth_pct";
          default -> null;
        };
    if (type == null) {
      return Double.NaN;
    }
    Target due = null;
    for (Target t : targets) {
      if (t.regionCode().equals(county)
          && t.indicator().equals(indicator)
          && t.targetType().equals(type)
          && t.targetPeriod() / 100 == period / 100
          && t.targetPeriod() >= period
          && (due == null || t.targetPeriod() < due.targetPeriod())) {
        due = t;
      }
    }
    if (due == null) {
      return Double.NaN;
    }
    double value = due.value().doubleValue();
    if (type.equals("value")) {
      value = value * (period % 100) / (due.targetPeriod() % 100);
    }
    return value;
  }
}
