package io.saima.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A table's public contract: its name, grain, columns and types with what each holds, the columns
 * its files are partitioned by, the key that makes a row unique and the values its coded columns
 * accept. Writers conform to it ({@link Warehouse}), the data-quality checks are derived from it
 * ({@link ContractChecks}), tests assert on it and {@code docs/tables.md} quotes it. Every contract
 * of the warehouse is listed once, in {@link Catalog}.
 *
 * <p>A column not nullable in the schema must be complete in the data; a column of the key must
 * exist; a rule or a description names a column of the table. The constructor refuses anything
 * else, so a contract that names a column it does not have never reaches a writer.
 *
 * @param grain what one row is, e.g. "one row per indicator, region and period"
 * @param descriptions what each column holds, one line each, by column name ({@link Columns}
 *     declares them beside the types); kept out of the schema's field metadata, since the schema is
 *     what the Delta tables are written with and rewording a description must not change a table
 * @param key the columns no two rows share all of; empty for a table with no natural key (customs
 *     lines, audit rows)
 * @param rules what the values of single columns must satisfy
 */
public record TableContract(
    TableId id,
    String grain,
    StructType schema,
    Map<String, String> descriptions,
    List<String> partitionBy,
    List<String> key,
    List<ColumnRule> rules) {

  public TableContract {
    descriptions = Collections.unmodifiableMap(new LinkedHashMap<>(descriptions));
    partitionBy = List.copyOf(partitionBy);
    key = List.copyOf(key);
    rules = List.copyOf(rules);
    Set<String> columns = Set.of(schema.fieldNames());
    for (Map.Entry<String, String> description : descriptions.entrySet()) {
      requireColumn(id, columns, description.getKey(), "description");
      if (description.getValue() == null || description.getValue().isBlank()) {
        throw new IllegalArgumentException(
            id + ": the description of " + description.getKey() + " is blank");
      }
    }
    for (String column : partitionBy) {
      requireColumn(id, columns, column, "partition column");
    }
    for (String column : key) {
      requireColumn(id, columns, column, "key column");
    }
    for (ColumnRule rule : rules) {
      requireColumn(id, columns, rule.column(), "rule");
      StructField field = schema.apply(rule.column());
      boolean fits =
          switch (rule.kind()) {
            case ONE_OF, PATTERN -> field.dataType() instanceof StringType;
            case NON_NEGATIVE -> field.dataType() instanceof DecimalType;
          };
      if (!fits) {
        throw new IllegalArgumentException(
            id + ": a " + rule.kind() + " rule on " + field.dataType().sql() + " " + rule.column());
      }
    }
  }

  /** A contract with no column described yet (a test's table, a schema built elsewhere). */
  public static TableContract of(
      TableId id, String grain, StructType schema, String... partitionBy) {
    return new TableContract(
        id, grain, schema, Map.of(), List.of(partitionBy), List.of(), List.of());
  }

  /** A contract whose columns are declared with their descriptions. */
  public static TableContract of(TableId id, String grain, Columns columns, String... partitionBy) {
    return new TableContract(
        id,
        grain,
        columns.schema(),
        columns.descriptions(),
        List.of(partitionBy),
        List.of(),
        List.of());
  }

  /** This contract, with these columns as the key no two rows share. */
  public TableContract withKey(String... columns) {
    return new TableContract(id, grain, schema, descriptions, partitionBy, List.of(columns), rules);
  }

  /** This contract, with one column described (again): what it holds, in one line. */
  public TableContract described(String column, String text) {
    Map<String, String> more = new LinkedHashMap<>(descriptions);
    more.put(column, text);
    return new TableContract(id, grain, schema, more, partitionBy, key, rules);
  }

  /** What a column holds, in one line; empty when the contract does not say. */
  public Optional<String> description(String column) {
    return Optional.ofNullable(descriptions.get(column));
  }

  /** This contract, with a column that takes only these values (or null, where nullable). */
  public TableContract accepting(String column, String... values) {
    return with(new ColumnRule(column, ColumnRule.Kind.ONE_OF, List.of(values)));
  }

  /** This contract, with a text column whose values all match a regular expression. */
  public TableContract matching(String column, String regex) {
    Pattern.compile(regex);
    return with(new ColumnRule(column, ColumnRule.Kind.PATTERN, List.of(regex)));
  }

  /** This contract, with DECIMAL columns that are never below zero. */
  public TableContract nonNegative(String... columns) {
    TableContract out = this;
    for (String column : columns) {
      out = out.with(new ColumnRule(column, ColumnRule.Kind.NON_NEGATIVE, List.of()));
    }
    return out;
  }

  /** This contract with every DECIMAL column never below zero: money as delivered. */
  public TableContract moneyNonNegative() {
    return nonNegative(
        Arrays.stream(schema.fields())
            .filter(f -> f.dataType() instanceof DecimalType)
            .map(StructField::name)
            .toArray(String[]::new));
  }

  /** The columns not nullable in the schema: the ones every row must fill. */
  public List<String> requiredColumns() {
    return Arrays.stream(schema.fields())
        .filter(f -> !f.nullable())
        .map(StructField::name)
        .toList();
  }

  /**
   * The rows in the contract's column order, once their columns are checked against it: every
   * column of the contract present with the contract's type. Nothing is cast: a DOUBLE where the
   * contract says DECIMAL, or an INT for a BIGINT, fails the write with the table and the column
   * named, before anything is written, rather than change the table's type (a table's schema
   * changes only through {@link Migrations}). Nullability is the data's to keep, and Spark derives
   * it loosely, so it is not compared here; columns beyond the contract are not written.
   */
  public Dataset<Row> conform(Dataset<Row> rows) {
    Map<String, StructField> given = new HashMap<>();
    for (StructField field : rows.schema().fields()) {
      given.put(field.name().toLowerCase(Locale.ROOT), field);
    }
    List<String> problems = new ArrayList<>();
    for (StructField expected : schema.fields()) {
      StructField actual = given.get(expected.name().toLowerCase(Locale.ROOT));
      if (actual == null) {
        problems.add(
            expected.name() + " is missing (the contract has it as " + sql(expected) + ")");
      } else if (!withoutNullability(actual.dataType())
          .equals(withoutNullability(expected.dataType()))) {
        problems.add(
            expected.name()
                + " is "
                + actual.dataType().sql()
                + " where the contract has "
                + expected.dataType().sql());
      }
    }
    if (!problems.isEmpty()) {
      throw new ContractViolationException(
          "not written: the rows for "
              + id
              + " break its contract: "
              + String.join("; ", problems));
    }
    return rows.select(
        Arrays.stream(schema.fields())
            .map(StructField::name)
            .map(Column::new)
            .toArray(Column[]::new));
  }

  private static String sql(StructField field) {
    return field.dataType().sql();
  }

  /** The type with every nested field, element and value marked nullable. */
  public static DataType withoutNullability(DataType type) {
    if (type instanceof StructType struct) {
      StructField[] fields = new StructField[struct.fields().length];
      for (int i = 0; i < fields.length; i++) {
        StructField f = struct.fields()[i];
        fields[i] =
            new StructField(f.name(), withoutNullability(f.dataType()), true, Metadata.empty());
      }
      return new StructType(fields);
    }
    if (type instanceof ArrayType array) {
      return new ArrayType(withoutNullability(array.elementType()), true);
    }
    if (type instanceof MapType map) {
      return new MapType(
          withoutNullability(map.keyType()), withoutNullability(map.valueType()), true);
    }
    return type;
  }

  private TableContract with(ColumnRule rule) {
    List<ColumnRule> more = new ArrayList<>(rules);
    more.add(rule);
    return new TableContract(id, grain, schema, descriptions, partitionBy, key, more);
  }

  private static void requireColumn(TableId id, Set<String> columns, String column, String what) {
    if (!columns.contains(column)) {
      throw new IllegalArgumentException(id + " has no column " + column + " (" + what + ")");
    }
  }

  /**
   * A rule on one column's values.
   *
   * @param values the accepted values ({@code ONE_OF}) or the one regular expression ({@code
   *     PATTERN}); empty for {@code NON_NEGATIVE}
   */
  public record ColumnRule(String column, Kind kind, List<String> values) {
    public enum Kind {
      ONE_OF,
      PATTERN,
      NON_NEGATIVE
    }

    public ColumnRule {
      values = List.copyOf(values);
    }

    /** The rule in the words of {@code docs/tables.md}, e.g. "one of `month`, `ytd`". */
    public String describe() {
      return switch (kind) {
        case ONE_OF ->
            "one of " + String.join(", ", values.stream().map(v -> "`" + v + "`").toList());
        case PATTERN -> "matches `" + values.get(0) + "`";
        case NON_NEGATIVE -> "never negative";
      };
    }
  }
}
