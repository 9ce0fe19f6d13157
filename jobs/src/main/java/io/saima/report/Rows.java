package io.saima.report;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;

/** Row filters the bulletin's sections share, so each picks its gold rows the same way. */
final class Rows {
  private Rows() {}

  static Predicate<Row> is(String column, Object value) {
    return r -> value.equals(r.getAs(column));
  }

  static Optional<Row> first(List<Row> rows, Predicate<Row> filter) {
    return rows.stream().filter(filter).findFirst();
  }
}
