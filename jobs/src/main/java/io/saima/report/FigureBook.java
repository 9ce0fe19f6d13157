package io.saima.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/** Makes the bulletin's figures from gold rows, numbering them and keeping each one's source. */
final class FigureBook {
  private final Map<String, Long> versions;
  private final List<Figure> figures = new ArrayList<>();

  /**
   * @param versions the Delta version read of each table, by qualified name
   */
  FigureBook(Map<String, Long> versions) {
    this.versions = versions;
  }

  /**
   * The figure in {@code column} of a row of {@code table}, keyed by {@code keyColumns} (which
   * together identify the row in the table).
   */
  Figure of(String table, Row row, String column, Unit unit, String... keyColumns) {
    Map<String, Object> key = new LinkedHashMap<>();
    for (String k : keyColumns) {
      key.put(k, row.getAs(k));
    }
    Object raw = row.getAs(column);
    Number number = raw instanceof Number n ? n : null;
    Figure figure =
        new Figure(
            "f" + (figures.size() + 1),
            unit.round(number),
            unit.text(number),
            unit,
            new Figure.Source(
                table,
                versions.getOrDefault(table, -1L),
                Collections.unmodifiableMap(key),
                column));
    figures.add(figure);
    return figure;
  }

  List<Figure> all() {
    return Collections.unmodifiableList(figures);
  }
}
