package io.saima.metrics;

import java.util.Collection;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Which gold slices a set of rewritten source months affects. A month m of year y feeds the
 * year-to-date of m..December of y and, as last year's base, the month and year-to-date growth of
 * m..December of y+1; shares and ranks follow the periods they belong to.
 */
public final class BuildScope {
  private BuildScope() {}

  /** The periods of indicator_monthly and indicator_rank to recompute. */
  public static SortedSet<Integer> metricPeriods(Collection<SourcePeriod> changed) {
    SortedSet<Integer> periods = new TreeSet<>();
    for (SourcePeriod change : changed) {
      int year = change.period() / 100;
      for (int month = change.period() % 100; month <= 12; month++) {
        periods.add(year * 100 + month);
        periods.add((year + 1) * 100 + month);
      }
    }
    return periods;
  }

  /** The months before each of {@code periods} in the same year (rank_change needs them). */
  public static SortedSet<Integer> withPreviousMonths(Collection<Integer> periods) {
    SortedSet<Integer> out = new TreeSet<>(periods);
    for (int period : periods) {
      if (period % 100 > 1) {
        out.add(period - 1);
      }
    }
    return out;
  }

  /**
   * The watchlist months to recheck: a customs month is compared with the month before and with the
   * same month last year, so it affects itself, the next month and the same month next year.
   */
  public static SortedSet<Integer> watchPeriods(Collection<SourcePeriod> changed) {
    SortedSet<Integer> periods = new TreeSet<>();
    for (SourcePeriod change : changed) {
      if (!change.source().equals("customs_exports")) {
        continue;
      }
      int period = change.period();
      periods.add(period);
      periods.add(period % 100 == 12 ? period + 89 : period + 1);
      periods.add(period + 100);
    }
    return periods;
  }

  /**
   * The customs months a check of these watchlist months reads: each, the month before and the same
   * month last year. Nothing else can raise or change a flag in them.
   */
  public static SortedSet<Integer> watchInputPeriods(Collection<Integer> watchPeriods) {
    SortedSet<Integer> periods = new TreeSet<>();
    for (int period : watchPeriods) {
      periods.add(period);
      periods.add(period % 100 == 1 ? period - 89 : period - 1);
      periods.add(period - 100);
    }
    return periods;
  }

  /**
   * The years whose source months a computation of these periods reads: each and the year before.
   */
  public static SortedSet<Integer> inputYears(Collection<Integer> periods) {
    SortedSet<Integer> years = new TreeSet<>();
    for (int period : periods) {
      years.add(period / 100);
      years.add(period / 100 - 1);
    }
    return years;
  }

  /** A replaceWhere / filter condition over validated whole numbers: {@code period IN (...)}. */
  public static String periodIn(Set<Integer> periods) {
    return periods.stream()
        .sorted()
        .map(String::valueOf)
        .collect(Collectors.joining(", ", "period IN (", ")"));
  }
}
