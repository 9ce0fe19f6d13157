package io.saima.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * A contract's columns as its {@code *Tables} class declares them: each with its type, nullability
 * and a one-line description, side by side, so that a column is never added without saying what it
 * holds. Built like a {@link StructType}, one {@link #add} a column.
 *
 * <p>The descriptions stay beside the schema, not in its fields' metadata: the schema is what the
 * Delta tables are written with, and a table changes its schema only through {@link Migrations},
 * never because a description was reworded.
 *
 * @param descriptions one line per column, by column name, in the schema's order
 */
public record Columns(StructType schema, Map<String, String> descriptions) {

  public Columns {
    descriptions = Collections.unmodifiableMap(new LinkedHashMap<>(descriptions));
  }

  /** No columns yet. */
  public Columns() {
    this(new StructType(), Map.of());
  }

  /** These columns and one more, as {@link StructType#add(String, DataType, boolean)} adds it. */
  public Columns add(String name, DataType type, boolean nullable, String description) {
    Map<String, String> more = new LinkedHashMap<>(descriptions);
    more.put(name, description);
    return new Columns(schema.add(name, type, nullable), more);
  }
}
