package io.saima.docs;

import io.saima.catalog.Indicators;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/indicators.md} is the one list of indicators ({@code
 * io/saima/catalog/indicators.yaml}), written out. The test fails when they differ; {@code
 * -Dsaima.docs.update=true} rewrites the file from the list.
 */
class IndicatorsDocTest {
  private static final Path DOC = Path.of("..", "docs", "indicators.md");

  static String render() {
    StringBuilder out = new StringBuilder();
    out.append("# Indicators\n\n")
        .append("Every indicator Saima counts, as `jobs/src/main/resources/io/saima/catalog/")
        .append("indicators.yaml`\ndefines it once. Metrics, targets, scoring schemes,")
        .append(" simulations, the bulletin and the\n`report.*` views all read that")
        .append(" definition. The figures built on each (month, year to\ndate, year-on-year")
        .append(" growth, share, ranks) are in `gold.indicator_monthly` and\n")
        .append("`gold.indicator_rank` (`docs/tables.md`). This file is generated and checked by\n")
        .append("`IndicatorsDocTest` (`mvn -pl jobs test -Dtest=IndicatorsDocTest")
        .append(" -Dsaima.docs.update=true`\nrewrites it).\n\n")
        .append("| id | 名称 | 简称 | currency | counted from | trade modes | towns | headline |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    for (Indicators.Indicator i : Indicators.all()) {
      out.append("| `")
          .append(i.id())
          .append("` | ")
          .append(i.name())
          .append(" | ")
          .append(i.shortName())
          .append(" | ")
          .append(i.currency())
          .append(" | `silver.")
          .append(i.source())
          .append(".")
          .append(i.amount())
          .append("` | ")
          .append(i.tradeModes().isEmpty() ? "all" : String.join(", ", i.tradeModes()))
          .append(" | ")
          .append(i.towns() ? "yes" : "no")
          .append(" | ")
          .append(i.headline() ? "yes" : "no")
          .append(" |\n");
    }
    out.append("\n## Definitions\n\n");
    for (Indicators.Indicator i : Indicators.all()) {
      out.append("- `")
          .append(i.id())
          .append("` (")
          .append(i.name())
          .append("): ")
          .append(i.definition())
          .append("\n");
    }
    return out.toString();
  }

  @Test
  void theIndicatorReferenceIsTheDefinition() throws IOException {
    GeneratedDoc.check(DOC, render(), "indicators.yaml");
  }
}
