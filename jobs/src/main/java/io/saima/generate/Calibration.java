package io.saima.generate;

import java.time.YearMonth;

/**
 * Months of the year and of COVID-19: the seasonal shares of each indicator (February low for the
 * Spring Festival, December high) and the province-wide path of 2020 against the same month of 2019
 * (the first-quarter collapse, exports recovering from May, retail later). A county's month is its
 * 2019 level × the seasonal share × (in 2020) the path × its own growth relative to the path, so a
 * county's full-year 2020 growth is the one in its profile.
 */
final class Calibration {
  private Calibration() {}

  /** Shares of the year's exports by month, in % (Zhejiang's 2019 pattern). */
  static final double[] EXPORT_SEASON = {
    8.6, 5.0, 7.3, 8.0, 8.6, 8.6, 9.0, 8.9, 8.8, 8.2, 9.0, 10.0
  };

  /** 2020 exports against the same month of 2019, province-wide. */
  static final double[] EXPORT_PATH_2020 = {
    0.97, 0.62, 0.90, 1.06, 1.09, 1.12, 1.15, 1.16, 1.17, 1.13, 1.18, 1.19
  };

  static final double[] RETAIL_SEASON = {
    9.0, 6.8, 7.6, 7.5, 8.0, 8.2, 7.8, 7.9, 8.4, 9.0, 9.6, 10.2
  };

  static final double[] RETAIL_PATH_2020 = {
    0.92, 0.70, 0.82, 0.92, 0.97, 0.99, 1.00, 1.02, 1.04, 1.05, 1.06, 1.04
  };

  /** Online retail rose through the lockdown except in February's logistics stop. */
  static final double[] ONLINE_PATH_2020 = {
    1.02, 0.80, 0.95, 1.05, 1.10, 1.12, 1.08, 1.06, 1.05, 1.06, 1.08, 1.04
  };

  /** FDI arrives in lumps, pushed before the half-year and year-end reviews. */
  static final double[] FDI_SEASON = {6, 4, 8, 7, 8, 12, 6, 7, 9, 7, 9, 17};

  static final double[] FDI_PATH_2020 = {
    0.90, 0.50, 0.80, 1.10, 1.20, 1.30, 1.15, 1.15, 1.20, 1.20, 1.25, 1.20
  };

  /** Growth assumed outside 2019–2020 (per year), so any range of months can be generated. */
  private static final double TREND = 0.07;

  /**
   * One month's level of an indicator from its 2019 annual level.
   *
   * @param growth2020Pct the county's full-year 2020 growth
   */
  static double month(
      double annual2019, double[] season, double[] path2020, double growth2020Pct, YearMonth ym) {
    int m = ym.getMonthValue() - 1;
    double base = annual2019 * season[m] / sum(season);
    int year = ym.getYear();
    double g = 1 + growth2020Pct / 100.0;
    if (year < 2019) {
      return base / StrictMath.pow(1 + TREND, 2019 - year);
    }
    if (year == 2019) {
      return base;
    }
    if (year == 2020) {
      return base * path2020[m] * g / fullYear(season, path2020);
    }
    return base * g * StrictMath.pow(1 + TREND, year - 2020);
  }

  /** The province path's full-year factor under the season's weights. */
  static double fullYear(double[] season, double[] path) {
    double weighted = 0;
    for (int i = 0; i < 12; i++) {
      weighted += season[i] * path[i];
    }
    return weighted / sum(season);
  }

  static double sum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }
}
