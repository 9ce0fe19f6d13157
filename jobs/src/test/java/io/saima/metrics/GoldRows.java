package io.saima.metrics;

import io.saima.catalog.TableContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/** Gold rows by hand: name the columns that matter, the rest are null. */
final class GoldRows {
  private final TableContract contract;
  private final List<Row> rows = new ArrayList<>();

  GoldRows(TableContract contract) {
    this.contract = contract;
  }

  GoldRows add(Map<String, Object> values) {
    for (String name : values.keySet()) {
      contract.schema().fieldIndex(name);
    }
    Object[] cells = new Object[contract.schema().size()];
    StructField[] fields = contract.schema().fields();
    for (int i = 0; i < fields.length; i++) {
      cells[i] = values.get(fields[i].name());
    }
    rows.add(RowFactory.create(cells));
    return this;
  }

  Dataset<Row> frame(SparkSession spark) {
    return spark.createDataFrame(rows, contract.schema().asNullable());
  }
}
