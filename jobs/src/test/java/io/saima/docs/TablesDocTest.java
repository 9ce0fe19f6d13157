package io.saima.docs;

import io.saima.catalog.Catalog;
import io.saima.catalog.TableContract;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/tables.md} is the table contracts of the code, written out: every table, its grain,
 * partitioning, columns, types and what each column holds. The test fails when they differ; {@code
 * -Dsaima.docs.update=true} rewrites the file from the code.
 */
class TablesDocTest {
  private static final Path DOC = Path.of("..", "docs", "tables.md");

  static String render(List<TableContract> contracts) {
    StringBuilder out = new StringBuilder();
    out.append("# Tables\n\n")
        .append("Every table Saima writes, as its code declares it (`TableContract`): the grain,\n")
        .append(
            "the partition columns, the key no two rows share, and every column with its Spark\n")
        .append("SQL type, what it holds and the values it accepts (`Catalog`, the one list of\n")
        .append("contracts; the data-quality checks are derived from it). Each is a Delta\n")
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
      if (!contract.key().isEmpty()) {
        out.append(" Key: `").append(String.join("`, `", contract.key())).append("`.");
      }
      out.append("\n\n| column | type | null | description | values |\n|---|---|---|---|---|\n");
      for (StructField field : contract.schema().fields()) {
        String values =
            contract.rules().stream()
                .filter(rule -> rule.column().equals(field.name()))
                .map(TableContract.ColumnRule::describe)
                .collect(Collectors.joining("; "));
        out.append("| `")
            .append(field.name())
            .append("` | ")
            .append(field.dataType().sql().toLowerCase(java.util.Locale.ROOT))
            .append(" | ")
            .append(field.nullable() ? "yes" : "no")
            .append(" | ")
            .append(cell(contract.description(field.name()).orElse("")))
            .append(" | ")
            .append(cell(values))
            .append(" |\n");
      }
    }
    return out.toString();
  }

  /** Text as one cell of a Markdown table. */
  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  @Test
  void theTableReferenceIsTheCodesContracts() throws IOException {
    GeneratedDoc.check(DOC, render(Catalog.all()), "the table contracts");
  }
}
