package io.saima.metrics;

import java.util.Collection;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The silver tables the metrics read, as frames. Only the contracts of {@code
 * io.saima.catalog.SilverTables} are relied on. Customs come as their monthly sums ({@code
 * silver.customs_monthly}, {@link Metrics#customsMonthly}), never as lines.
 */
public record SilverInputs(
    Dataset<Row> customsMonthly,
    Dataset<Row> fdiInflows,
    Dataset<Row> retailSales,
    Dataset<Row> aboveQuotaSales,
    Dataset<Row> deliveredPeriods,
    Dataset<Row> regions,
    Dataset<Row> units,
    Dataset<Row> targets) {

  /**
   * The same inputs with the monthly tables cut to the given years (the silver tables are
   * partitioned by period, so the cut prunes files). Reference data is kept whole.
   */
  public SilverInputs forYears(Collection<Integer> years) {
    String inYears =
        years.stream().sorted().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    return where(functions.expr("CAST(period DIV 100 AS INT) IN " + inYears));
  }

  /** The same inputs with the monthly tables cut to the given months; reference data whole. */
  public SilverInputs forPeriods(Collection<Integer> periods) {
    return where(functions.expr(BuildScope.periodIn(new TreeSet<>(periods))));
  }

  private SilverInputs where(Column keep) {
    return new SilverInputs(
        customsMonthly.where(keep),
        fdiInflows.where(keep),
        retailSales.where(keep),
        aboveQuotaSales.where(keep),
        deliveredPeriods.where(keep),
        regions,
        units,
        targets);
  }
}
