package io.saima.report;

import io.saima.report.Bulletin.UnitBoard;
import io.saima.report.Bulletin.UnitRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * The towns and streets (四、镇（街道）): one board per indicator and target, the latest target first, so
 * each town is ranked only against the others working to the same target.
 */
final class TownSection {
  private static final String UNITS = "gold.unit_ranking";

  private final GoldSnapshot gold;
  private final FigureBook book;

  TownSection(GoldSnapshot gold, FigureBook book) {
    this.gold = gold;
    this.book = book;
  }

  List<UnitBoard> unitBoards() {
    Map<String, List<Row>> boards = new LinkedHashMap<>();
    gold.units.stream()
        .sorted(
            Comparator.comparing((Row r) -> -(Integer) r.getAs("target_period"))
                .thenComparing(r -> Labels.KEY_INDICATORS.indexOf((String) r.getAs("indicator")))
                .thenComparing(r -> (String) r.getAs("target_type"))
                .thenComparing(
                    r -> r.getAs("rank") == null ? Integer.MAX_VALUE : (Integer) r.getAs("rank"))
                .thenComparing(r -> (String) r.getAs("unit_code")))
        .forEach(
            r ->
                boards
                    .computeIfAbsent(
                        r.getAs("indicator")
                            + "|"
                            + r.getAs("target_period")
                            + "|"
                            + r.getAs("target_type"),
                        k -> new ArrayList<>())
                    .add(r));
    String[] key = {"county_code", "indicator", "target_period", "target_type", "unit_code"};
    List<UnitBoard> out = new ArrayList<>();
    for (List<Row> rows : boards.values()) {
      Row first = rows.get(0);
      List<UnitRow> unitRows = new ArrayList<>();
      for (Row r : rows) {
        String badge = r.getAs("badge");
        unitRows.add(
            new UnitRow(
                book.of(UNITS, r, "rank", Unit.RANK, key),
                r.getAs("unit_name"),
                unitType(r.getAs("unit_type")),
                book.of(UNITS, r, "completion_pct", Unit.PERCENT, key),
                book.of(UNITS, r, "ahead_pp", Unit.POINTS, key),
                badge == null ? "" : badge,
                Labels.badge(badge)));
      }
      Integer asOf = first.getAs("as_of_period");
      out.add(
          new UnitBoard(
              Labels.indicator(first.getAs("indicator"))
                  + " · "
                  + Labels.targetName(first.getAs("target_period"))
                  + "目标完成",
              asOf == null ? "" : Labels.period(asOf),
              unitRows));
    }
    return out;
  }

  private static String unitType(String type) {
    if (type == null) {
      return "";
    }
    return switch (type) {
      case "town" -> "镇";
      case "street" -> "街道";
      case "platform" -> "平台";
      default -> type;
    };
  }
}
