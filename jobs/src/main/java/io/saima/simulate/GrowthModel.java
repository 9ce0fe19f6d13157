package io.saima.simulate;

import io.saima.scoring.County;
import io.saima.scoring.Figures;
import io.saima.scoring.YearFigures;
import java.io.Serializable;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The projection behind the Monte Carlo (DOMAIN.md, "Ranking simulations"): each remaining month of
 * the year is last year's month × (1 + g), with g = the county's own trend + a provincial shock
 * shared by every county in that month + the county's own noise.
 *
 * <p>Estimated from the months of the year delivered so far: the trend is the county's year-to-date
 * growth; the provincial shock's spread is that of the province's monthly growth around its
 * year-to-date growth; the county's noise is the spread of what is left of its monthly growth.
 * Spreads are population standard deviations. A month cannot go below zero; trends are held within
 * −90 %…+300 % and noise below 100 %, so that a tiny base cannot explode a projection.
 */
public final class GrowthModel implements Serializable {
  private static final long serialVersionUID = 1L;

  static final double MIN_TREND = -0.9;
  static final double MAX_TREND = 3.0;
  static final double MAX_NOISE = 1.0;

  final int year;
  final int asOfMonth;
  final String[] indicators;
  final String[] counties;

  /** [indicator][county]: has figures in the as-of month. */
  final boolean[][] present;

  /** [indicator][county][month 1..12]: this year's year to date, known up to the as-of month. */
  final double[][][] ytd;

  /** [indicator][county][month 1..12]: last year's month and year to date (0 when missing). */
  final double[][][] lastYearMonth;

  final double[][][] lastYearYtd;

  /** [indicator][month 1..12]: the province's year to date this year (to as-of) and last year. */
  final double[][] provinceYtd;

  final double[][] provinceLastYearYtd;
  final double[][] trend;
  final double[][] noise;
  final double[] provincialShock;

  private GrowthModel(int year, int asOfMonth, String[] indicators, String[] counties) {
    this.year = year;
    this.asOfMonth = asOfMonth;
    this.indicators = indicators;
    this.counties = counties;
    int ni = indicators.length;
    int nc = counties.length;
    present = new boolean[ni][nc];
    ytd = new double[ni][nc][13];
    lastYearMonth = new double[ni][nc][13];
    lastYearYtd = new double[ni][nc][13];
    provinceYtd = new double[ni][13];
    provinceLastYearYtd = new double[ni][13];
    trend = new double[ni][nc];
    noise = new double[ni][nc];
    provincialShock = new double[ni];
  }

  /** Estimates the model from this year's figures up to {@code asOfPeriod} and last year's. */
  public static GrowthModel estimate(
      YearFigures thisYear,
      YearFigures lastYear,
      int asOfPeriod,
      List<String> indicators,
      List<County> counties) {
    int year = asOfPeriod / 100;
    int asOf = asOfPeriod % 100;
    GrowthModel model =
        new GrowthModel(
            year,
            asOf,
            indicators.toArray(String[]::new),
            counties.stream().map(County::code).toArray(String[]::new));
    for (int i = 0; i < indicators.size(); i++) {
      String indicator = indicators.get(i);
      double[] provinceMonth = new double[13];
      double[] provinceMonthLy = new double[13];
      for (int c = 0; c < counties.size(); c++) {
        String code = counties.get(c).code();
        model.present[i][c] = thisYear.get(asOfPeriod, indicator, code) != null;
        for (int m = 1; m <= 12; m++) {
          Figures ly =
              lastYear == null ? null : lastYear.get((year - 1) * 100 + m, indicator, code);
          model.lastYearMonth[i][c][m] = ly == null ? 0 : value(ly.valueMonth());
          model.lastYearYtd[i][c][m] = ly == null ? 0 : value(ly.valueYtd());
          if (ly != null && ly.provinceValueYtd() != null) {
            model.provinceLastYearYtd[i][m] = ly.provinceValueYtd().doubleValue();
          }
          if (m <= asOf) {
            Figures f = thisYear.get(year * 100 + m, indicator, code);
            model.ytd[i][c][m] = f == null ? 0 : value(f.valueYtd());
            double month = f == null ? 0 : value(f.valueMonth());
            provinceMonth[m] += month;
            provinceMonthLy[m] += model.lastYearMonth[i][c][m];
            if (f != null && f.provinceValueYtd() != null) {
              model.provinceYtd[i][m] = f.provinceValueYtd().doubleValue();
            }
          }
        }
      }
      double provinceTrend = ratio(sum(provinceMonth, asOf), sum(provinceMonthLy, asOf));
      double[] shock = new double[13];
      double squares = 0;
      int months = 0;
      for (int m = 1; m <= asOf; m++) {
        if (provinceMonthLy[m] > 0) {
          shock[m] = provinceMonth[m] / provinceMonthLy[m] - 1 - provinceTrend;
          squares += shock[m] * shock[m];
          months++;
        }
      }
      model.provincialShock[i] = months == 0 ? 0 : Math.sqrt(squares / months);
      for (int c = 0; c < counties.size(); c++) {
        double t = ratio(model.ytd[i][c][asOf], model.lastYearYtd[i][c][asOf]);
        t = Math.max(MIN_TREND, Math.min(MAX_TREND, t));
        model.trend[i][c] = t;
        double residuals = 0;
        int n = 0;
        for (int m = 1; m <= asOf; m++) {
          double ly = model.lastYearMonth[i][c][m];
          if (ly > 0) {
            double month = model.ytd[i][c][m] - (m == 1 ? 0 : model.ytd[i][c][m - 1]);
            double e = month / ly - 1 - t - shock[m];
            residuals += e * e;
            n++;
          }
        }
        model.noise[i][c] = n == 0 ? 0 : Math.min(MAX_NOISE, Math.sqrt(residuals / n));
      }
    }
    return model;
  }

  private static double value(java.math.BigDecimal d) {
    return d == null ? 0 : d.doubleValue();
  }

  private static double sum(double[] a, int upTo) {
    double s = 0;
    for (int m = 1; m <= upTo; m++) {
      s += a[m];
    }
    return s;
  }

  /** this / last − 1, or 0 when there is no last. */
  private static double ratio(double value, double last) {
    return last > 0 ? value / last - 1 : 0;
  }

  /** The random numbers of one trial: the same trial and seed always draw the same path. */
  public static SplittableRandom random(long seed, long trial) {
    return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + trial));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Draws one path: fills {@code out[indicator][county][month]} with the year to date of every
   * month (the known months as delivered) and {@code provinceOut[indicator][month]} with the
   * province's.
   */
  public void draw(SplittableRandom random, double[][][] out, double[][] provinceOut) {
    for (int i = 0; i < indicators.length; i++) {
      double[] shocks = new double[13];
      for (int m = asOfMonth + 1; m <= 12; m++) {
        shocks[m] = provincialShock[i] == 0 ? 0 : provincialShock[i] * random.nextGaussian();
      }
      for (int m = 1; m <= 12; m++) {
        provinceOut[i][m] = provinceYtd[i][Math.min(m, asOfMonth)];
      }
      for (int c = 0; c < counties.length; c++) {
        double[] path = out[i][c];
        System.arraycopy(ytd[i][c], 0, path, 0, asOfMonth + 1);
        double running = ytd[i][c][asOfMonth];
        for (int m = asOfMonth + 1; m <= 12; m++) {
          double g = trend[i][c] + shocks[m];
          if (noise[i][c] > 0) {
            g += noise[i][c] * random.nextGaussian();
          }
          running += lastYearMonth[i][c][m] * Math.max(0, 1 + g);
          path[m] = running;
          provinceOut[i][m] += running - ytd[i][c][asOfMonth];
        }
      }
    }
  }
}
