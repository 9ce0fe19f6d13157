package io.saima.docs;

import io.saima.catalog.TableContract;
import io.saima.conform.SilverTables;
import io.saima.ingest.BronzeTables;
import io.saima.ingest.Source;
import io.saima.metrics.BuildState;
import io.saima.metrics.GoldTables;
import io.saima.pipeline.OpsTables;
import io.saima.scoring.ScoringTables;
import io.saima.simulate.SimulationTables;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/tables.md} is the table contracts of the code, written out: every table, its grain,
 * partitioning, columns and types. The test fails when they differ; {@code
 * -Dsaima.docs.update=true} rewrites the file from the code.
 */
class TablesDocTest {
  private static final Path DOC = Path.of("..", "docs", "tables.md");
  private static final List<String> DATABASES = List.of("bronze", "silver", "gold", "ops");

  static List<TableContract> contracts() throws IllegalAccessException {
    Map<String, TableContract> byName = new LinkedHashMap<>();
    for (Source source : Source.values()) {
      add(byName, BronzeTables.rows(source));
      add(byName, BronzeTables.quarantine(source));
    }
    for (Class<?> holder :
        List.of(
            SilverTables.class,
            GoldTables.class,
            ScoringTables.class,
            SimulationTables.class,
            OpsTables.class,
            BuildState.class)) {
      for (Field field : holder.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == TableContract.class) {
          add(byName, (TableContract) field.get(null));
        }
      }
    }
    List<TableContract> all = new ArrayList<>(byName.values());
    all.sort(
        Comparator.comparing((TableContract c) -> DATABASES.indexOf(c.id().database()))
            .thenComparing(c -> c.id().name()));
    return all;
  }

  private static void add(Map<String, TableContract> byName, TableContract contract) {
    byName.putIfAbsent(contract.id().qualified(), contract);
  }

  static String render(List<TableContract> contracts) {
    StringBuilder out = new StringBuilder();
    out.append("# Tables\n\n")
        .append("Every table Saima writes, as its code declares it (`TableContract`): the grain,\n")
        .append("the partition columns and every column with its Spark SQL type. Each is a Delta\n")
        .append("table under `<warehouse>/<database>/<table>` and is named `<database>.<table>`\n")
        .append("in SQL. DESIGN.md says what the figures mean; this file is generated from the\n")
        .append("code and checked by `TablesDocTest` (`mvn -pl jobs test -Dtest=TablesDocTest\n")
        .append("-Dsaima.docs.update=true` rewrites it).\n");
    String database = null;
    for (TableContract contract : contracts) {
      if (!contract.id().database().equals(database)) {
        database = contract.id().database();
        out.append("\n## ").append(database).append("\n");
      }
      out.append("\n### ").append(contract.id().qualified()).append("\n\n");
      String grain = contract.grain();
      out.append(Character.toUpperCase(grain.charAt(0))).append(grain.substring(1)).append(".");
      if (!contract.partitionBy().isEmpty()) {
        out.append(" Partitioned by `")
            .append(String.join("`, `", contract.partitionBy()))
            .append("`.");
      }
      out.append("\n\n| column | type | null |\n|---|---|---|\n");
      for (StructField field : contract.schema().fields()) {
        out.append("| `")
            .append(field.name())
            .append("` | ")
            .append(field.dataType().sql().toLowerCase(java.util.Locale.ROOT))
            .append(" | ")
            .append(field.nullable() ? "yes" : "no")
            .append(" |\n");
      }
    }
    return out.toString();
  }

  @Test
  void theTableReferenceIsTheCodesContracts() throws IOException, IllegalAccessException {
    GeneratedDoc.check(DOC, render(contracts()), "the table contracts");
  }
}
