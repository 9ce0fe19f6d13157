package io.saima.catalog;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * A table's public contract: its name, grain, columns and types, and the columns its files are
 * partitioned by. Writers conform to it, tests assert on it and the docs quote it.
 *
 * @param grain what one row is, e.g. "one row per indicator, region and period"
 */
public record TableContract(TableId id, String grain, StructType schema, List<String> partitionBy) {

  public static TableContract of(
      TableId id, String grain, StructType schema, String... partitionBy) {
    return new TableContract(id, grain, schema, List.of(partitionBy));
  }
}
