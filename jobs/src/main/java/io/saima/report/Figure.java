package io.saima.report;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One number of the bulletin and the gold cell it came from: the table at the Delta version read,
 * the row's key and the column. Every renderer prints {@link #text()} or stores {@link #value()},
 * so the page, the workbook and the Word 简报 show the same rounding of the same cell.
 *
 * @param id stable within one bulletin ({@code f1}, {@code f2}, …): the HTML's {@code data-fig} and
 *     the Word bookmark name, listed with its source in the workbook's 数据来源 sheet
 * @param value the rounded number in {@link #unit()}, or null when the cell is null
 */
public record Figure(String id, BigDecimal value, String text, Unit unit, Source source) {

  /** Where a figure came from. */
  public record Source(String table, long version, Map<String, Object> key, String column) {
    /** {@code indicator=export, region_code=330521, period=202012}. */
    public String keyText() {
      return key.entrySet().stream()
          .map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining(", "));
    }

    /** For a tooltip: {@code gold.indicator_monthly@v3 [indicator=export, …].value_ytd}. */
    public String describe() {
      return table + "@v" + version + " [" + keyText() + "]." + column;
    }
  }

  public boolean missing() {
    return value == null;
  }

  /** The text with its unit, e.g. "284.35亿元", "+32.2%", "第27位"; "—" when missing. */
  public String withUnit() {
    if (missing()) {
      return Unit.MISSING;
    }
    return switch (unit) {
      case RANK -> "第" + text + "位";
      case RANK_MOVE -> text.equals("持平") ? text : text + "位";
      default -> text + unit.label();
    };
  }
}
