package io.saima.scoring;

import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One county's figures for one indicator and period, as in {@code gold.indicator_monthly}: money
 * stays DECIMAL; growth and shares are percentages or points. {@code provinceValueYtd} is the
 * province's year-to-date value, which a share moves with.
 */
public record Figures(
    BigDecimal valueMonth,
    BigDecimal valueYtd,
    BigDecimal valueYtdLy,
    Double yoyMonthPct,
    Double yoyYtdPct,
    Double shareYtdPct,
    Double shareYtdLyPct,
    Double shareChangePp,
    BigDecimal provinceValueYtd)
    implements Serializable {

  /** The value of a measure column as scored: NaN for null. */
  public double measure(String column) {
    return switch (column) {
      case "value_month" -> toDouble(valueMonth);
      case "value_ytd" -> toDouble(valueYtd);
      case "yoy_month_pct" -> toDouble(yoyMonthPct);
      case "yoy_ytd_pct" -> toDouble(yoyYtdPct);
      case "share_ytd_pct" -> toDouble(shareYtdPct);
      case "share_change_pp" -> toDouble(shareChangePp);
      default -> throw new IllegalArgumentException("not a measure: " + column);
    };
  }

  static double toDouble(BigDecimal d) {
    return d == null ? Double.NaN : d.doubleValue();
  }

  static double toDouble(Double d) {
    return d == null ? Double.NaN : d;
  }

  /**
   * The figures with {@code amount} more in this period's year to date (others fixed, the province
   * total growing with it): growth and share recomputed as gold computes them.
   */
  public Figures plusYtd(BigDecimal amount) {
    if (amount.signum() == 0) {
      return this;
    }
    BigDecimal ytd = (valueYtd == null ? BigDecimal.ZERO : valueYtd).add(amount);
    BigDecimal month = (valueMonth == null ? BigDecimal.ZERO : valueMonth).add(amount);
    Double yoy = growthPct(ytd, valueYtdLy);
    BigDecimal province = provinceValueYtd == null ? null : provinceValueYtd.add(amount);
    Double share = sharePct(ytd, province);
    Double change = share == null || shareYtdLyPct == null ? null : share - shareYtdLyPct;
    return new Figures(
        month, ytd, valueYtdLy, yoyMonthPct, yoy, share, shareYtdLyPct, change, province);
  }

  /** (this − last year) / last year × 100; null when last year is missing or 0 (DOMAIN.md). */
  public static Double growthPct(BigDecimal value, BigDecimal lastYear) {
    if (value == null || lastYear == null || lastYear.signum() == 0) {
      return null;
    }
    return (value.doubleValue() - lastYear.doubleValue()) / lastYear.doubleValue() * 100.0;
  }

  public static Double sharePct(BigDecimal value, BigDecimal province) {
    if (value == null || province == null || province.signum() == 0) {
      return null;
    }
    return value.doubleValue() / province.doubleValue() * 100.0;
  }
}
