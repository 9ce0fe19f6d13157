package io.saima.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * How a table that exists takes a new contract: the only ways its schema may change. A warehouse
 * written by an older Saima keeps its tables; when a contract has changed since, the write that
 * meets the older table either applies a migration declared here or is refused, naming the table
 * and the difference. Nothing changes a table's schema on its own: a column gained, lost or retyped
 * without a migration is a {@link ContractViolationException}, not a new schema.
 *
 * <p>Two kinds of migration exist. {@link Kind#ADD_COLUMNS}: nullable columns the contract gained
 * are added by the write itself (Delta {@code mergeSchema}, in the same commit as the rows); older
 * rows read them as null. {@link Kind#REPLACE}: a derived table written whole by every run that
 * writes it takes its new schema from the next whole write (Delta {@code overwriteSchema}); a
 * partial write to it is refused until then.
 *
 * <p>To change a contract: change it in its {@code *Tables} class, declare the migration here with
 * the change that made it, and add its case to {@code MigrationsTest}.
 */
public final class Migrations {
  private Migrations() {}

  /** The kinds of schema change a migration may make. */
  public enum Kind {
    ADD_COLUMNS,
    REPLACE
  }

  /**
   * One declared schema change of one table.
   *
   * @param columns the columns it adds ({@code ADD_COLUMNS}); empty for {@code REPLACE}
   * @param why what changed and why, for the log of the run that applies it
   */
  public record Migration(TableId table, Kind kind, List<String> columns, String why) {
    public Migration {
      columns = List.copyOf(columns);
    }
  }

  /** What a write must do to the table's schema: nothing, add columns, or replace it. */
  public enum Change {
    NONE,
    ADD_COLUMNS,
    REPLACE
  }

  private static final List<Migration> ALL = declared();

  private static List<Migration> declared() {
    List<Migration> all = new ArrayList<>();
    for (Source source : Source.values()) {
      all.add(
          new Migration(
              BronzeTables.rows(source).id(),
              Kind.ADD_COLUMNS,
              List.of("_raw", "_surplus_fields"),
              "bronze keeps each line as written; lines landed before read them as null, and"
                  + " saima rebuild refuses to judge them again"));
    }
    all.add(
        new Migration(
            OpsTables.DELIVERIES.id(),
            Kind.ADD_COLUMNS,
            List.of("duplicates"),
            "each file counts the copies and key clashes it quarantined"));
    all.add(
        new Migration(
            OpsTables.DELIVERIES.id(),
            Kind.ADD_COLUMNS,
            List.of("modified"),
            "a file's modification time, so a file is hashed again only when it changed"));
    all.add(
        new Migration(
            OpsTables.JOB_RUNS.id(),
            Kind.ADD_COLUMNS,
            List.of("host", "stages"),
            "each run records its host and every stage's outcome, start and duration"));
    all.add(
        new Migration(
            SimulationTables.TARGET_PROBABILITY.id(),
            Kind.REPLACE,
            List.of(),
            "the year-end percentiles are DECIMAL money, no longer DOUBLE; every simulation"
                + " writes the table whole"));
    for (Migration migration : all) {
      TableContract contract = Catalog.of(migration.table());
      for (String column : migration.columns()) {
        StructField field =
            find(contract.schema(), column)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            migration.table() + " has no column " + column + " to add"));
        if (!field.nullable()) {
          throw new IllegalStateException(
              migration.table() + "." + column + " is added to older rows, so it must be nullable");
        }
      }
    }
    return List.copyOf(all);
  }

  /** Every declared migration. */
  public static List<Migration> all() {
    return ALL;
  }

  /**
   * What a write of this contract must do to a table whose schema is {@code current} ({@code null}
   * when the table does not exist yet): {@link Change#NONE} when they agree (nullability aside),
   * {@link Change#ADD_COLUMNS} when the contract only has columns a migration adds, {@link
   * Change#REPLACE} when a whole write of a table with a {@code REPLACE} migration.
   *
   * @param whole whether the write replaces the whole table (not a slice, not an append)
   * @throws ContractViolationException when no migration takes the table to the contract
   */
  public static Change change(TableContract contract, StructType current, boolean whole) {
    if (current == null) {
      return Change.NONE;
    }
    Map<String, StructField> table = byName(current);
    Map<String, StructField> wanted = byName(contract.schema());
    Set<String> missing = new LinkedHashSet<>(wanted.keySet());
    missing.removeAll(table.keySet());
    Set<String> extra = new LinkedHashSet<>(table.keySet());
    extra.removeAll(wanted.keySet());
    List<String> retyped = new ArrayList<>();
    for (Map.Entry<String, StructField> column : wanted.entrySet()) {
      StructField had = table.get(column.getKey());
      if (had != null
          && !TableContract.withoutNullability(had.dataType())
              .equals(TableContract.withoutNullability(column.getValue().dataType()))) {
        retyped.add(
            column.getKey()
                + " is "
                + had.dataType().sql()
                + " where the contract has "
                + column.getValue().dataType().sql());
      }
    }
    if (missing.isEmpty() && extra.isEmpty() && retyped.isEmpty()) {
      return Change.NONE;
    }
    List<Migration> mine = ALL.stream().filter(m -> m.table().equals(contract.id())).toList();
    Set<String> addable =
        mine.stream()
            .filter(m -> m.kind() == Kind.ADD_COLUMNS)
            .flatMap(m -> m.columns().stream())
            .map(c -> c.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    if (extra.isEmpty() && retyped.isEmpty() && addable.containsAll(missing)) {
      return Change.ADD_COLUMNS;
    }
    boolean replaceable = mine.stream().anyMatch(m -> m.kind() == Kind.REPLACE);
    if (replaceable && whole) {
      return Change.REPLACE;
    }
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add("the table has no " + String.join(", ", missing));
    }
    if (!extra.isEmpty()) {
      problems.add("the contract has no " + String.join(", ", extra));
    }
    problems.addAll(retyped);
    throw new ContractViolationException(
        "not written: "
            + contract.id()
            + " was written under another contract ("
            + String.join("; ", problems)
            + ") and "
            + (replaceable
                ? "its migration replaces it only on a whole write (saima build --all, saima"
                    + " rebuild)"
                : "no migration in catalog.Migrations takes it to this one"));
  }

  /** The migrations a change applies, for the run's log. */
  static List<Migration> of(TableId table, Change change) {
    Kind kind = change == Change.REPLACE ? Kind.REPLACE : Kind.ADD_COLUMNS;
    return ALL.stream().filter(m -> m.table().equals(table) && m.kind() == kind).toList();
  }

  private static Map<String, StructField> byName(StructType schema) {
    Map<String, StructField> out = new TreeMap<>();
    for (StructField field : schema.fields()) {
      out.put(field.name().toLowerCase(Locale.ROOT), field);
    }
    return out;
  }

  private static java.util.Optional<StructField> find(StructType schema, String column) {
    for (StructField field : schema.fields()) {
      if (field.name().equals(column)) {
        return java.util.Optional.of(field);
      }
    }
    return java.util.Optional.empty();
  }
}
