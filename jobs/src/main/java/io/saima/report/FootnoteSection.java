package io.saima.report;

import io.saima.report.Bulletin.DeliveryNote;
import io.saima.report.Bulletin.Footnotes;
import io.saima.report.Bulletin.TableNote;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * The footnotes (注释): the definitions, how far each source's deliveries reach, and the Delta
 * version of every table read with the query that reads it again, so any figure in the bulletin can
 * be checked against its table.
 */
final class FootnoteSection {
  private final GoldSnapshot gold;

  FootnoteSection(GoldSnapshot gold) {
    this.gold = gold;
  }

  Footnotes footnotes() {
    Map<String, List<Row>> bySource = new TreeMap<>();
    gold.delivered.forEach(
        r -> bySource.computeIfAbsent(r.getAs("source"), k -> new ArrayList<>()).add(r));
    List<DeliveryNote> deliveries = new ArrayList<>();
    for (Map.Entry<String, List<Row>> e : bySource.entrySet()) {
      Row latest =
          e.getValue().stream()
              .max(Comparator.comparing((Row r) -> (Integer) r.getAs("period")))
              .orElseThrow();
      deliveries.add(
          new DeliveryNote(
              Labels.source(e.getKey()),
              Labels.period(latest.getAs("period")),
              latest.getAs("_delivery"),
              e.getValue().size()));
    }
    List<TableNote> tables = new ArrayList<>();
    for (Map.Entry<String, Long> e : gold.versions.entrySet()) {
      tables.add(
          new TableNote(
              e.getKey(),
              e.getValue(),
              e.getValue() < 0
                  ? ""
                  : "SELECT * FROM " + e.getKey() + " VERSION AS OF " + e.getValue()));
    }
    return new Footnotes(Labels.DEFINITIONS, deliveries, tables);
  }
}
