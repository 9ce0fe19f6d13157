package io.saima.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a figure is shown: the unit it is scaled to and the decimals it is rounded to, half up, as
 * bureau bulletins round. Money is scaled from the tables' yuan and dollars to 亿元 and 万美元;
 * percentages and points keep one decimal. The same rule serves the page, the workbook (which
 * stores the rounded number) and the Word 简报, so no two of them can disagree.
 */
public enum Unit {
  /** Yuan shown in 亿元 (10^8), two decimals. */
  YI_YUAN("亿元", 8, 2, false),
  /** Dollars shown in 万美元 (10^4), no decimals. */
  WAN_USD("万美元", 4, 0, false),
  /** A percentage that has no sign of its own (a share, a completion, time progress). */
  PERCENT("%", 0, 1, false),
  /** Growth in %, with its sign. */
  GROWTH("%", 0, 1, true),
  /** A change in percentage points, with its sign. */
  POINTS("个百分点", 0, 1, true),
  /** A probability stored as 0..1, shown in %. */
  PROBABILITY("%", -2, 1, false),
  /** A competition score, two decimals. */
  SCORE("分", 0, 2, false),
  /** A change of score, two decimals with its sign. */
  SCORE_CHANGE("分", 0, 2, true),
  /** A rank: a whole number. */
  RANK("位", 0, 0, false),
  /** A change of rank (positive: climbed), shown as ↑n / ↓n / 持平. */
  RANK_MOVE("位", 0, 0, true);

  /** What a missing figure shows. */
  public static final String MISSING = "—";

  private final String label;
  private final int scale;
  private final int decimals;
  private final boolean signed;

  Unit(String label, int scale, int decimals, boolean signed) {
    this.label = label;
    this.scale = scale;
    this.decimals = decimals;
    this.signed = signed;
  }

  /** The unit's Chinese label, e.g. 亿元. */
  public String label() {
    return label;
  }

  public int decimals() {
    return decimals;
  }

  /** Money in a table's currency: CNY in 亿元, USD in 万美元. */
  public static Unit money(String currency) {
    return "USD".equals(currency) ? WAN_USD : YI_YUAN;
  }

  /**
   * The value as shown, scaled and rounded half up; null stays null. Doubles are taken at their
   * shortest decimal form ({@link BigDecimal#valueOf(double)}), so 0.05 rounds to 0.1 as a reader
   * expects, not to 0.0 as its binary value would.
   */
  public BigDecimal round(Number value) {
    if (value == null
        || (value instanceof Double d && (d.isNaN() || d.isInfinite()))
        || (value instanceof Float f && (f.isNaN() || f.isInfinite()))) {
      return null;
    }
    BigDecimal exact =
        value instanceof BigDecimal d
            ? d
            : value instanceof Double || value instanceof Float
                ? BigDecimal.valueOf(value.doubleValue())
                : BigDecimal.valueOf(value.longValue());
    BigDecimal rounded = exact.movePointLeft(scale).setScale(decimals, RoundingMode.HALF_UP);
    // -0.0 is shown as 0.0
    return rounded.signum() == 0 ? rounded.abs() : rounded;
  }

  /** The figure's text without its unit: "123.46", "+18.3", "↑5"; {@link #MISSING} for null. */
  public String text(Number value) {
    BigDecimal rounded = round(value);
    if (rounded == null) {
      return MISSING;
    }
    if (this == RANK_MOVE) {
      int places = rounded.intValueExact();
      return places > 0 ? "↑" + places : places < 0 ? "↓" + (-places) : "持平";
    }
    String plain = rounded.toPlainString();
    return signed && rounded.signum() > 0 ? "+" + plain : plain;
  }
}
