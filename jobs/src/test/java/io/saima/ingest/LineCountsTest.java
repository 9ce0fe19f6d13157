package io.saima.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The figures of one source's lines, from the rows of IngestTransforms.lineSummary, by hand. */
class LineCountsTest {
  private static final StructType SUMMARY =
      new StructType()
          .add("_delivery", DataTypes.StringType)
          .add("_file", DataTypes.StringType)
          .add("period", DataTypes.IntegerType)
          .add("quarantine_reason", DataTypes.StringType)
          .add("lines", DataTypes.LongType)
          .add("accepted", DataTypes.LongType)
          .add("quarantined", DataTypes.LongType)
          .add("duplicates", DataTypes.LongType)
          .add("conflicts", DataTypes.LongType)
          .add("unknown_towns", DataTypes.LongType);

  private static Row row(
      String delivery,
      String file,
      Integer period,
      String reason,
      long lines,
      long accepted,
      long quarantined,
      long duplicates,
      long conflicts,
      long unknownTowns) {
    return new GenericRowWithSchema(
        new Object[] {
          delivery,
          file,
          period,
          reason,
          lines,
          accepted,
          quarantined,
          duplicates,
          conflicts,
          unknownTowns
        },
        SUMMARY);
  }

  /**
   * Delivery d1 brings January (3 kept, 1 duplicate) and February (2 kept, one with an unknown
   * town); d2, found in the same run, revises January with 1 kept line and 1 bad amount; a line of
   * d2 whose period is not a month belongs to no month.
   */
  @Test
  void countsPerFileReasonsAndTheDeliveryThatStandsForEachMonth() {
    LineCounts counts =
        new LineCounts(
            List.of(
                row("d1", "a.csv", 201901, null, 3, 3, 0, 0, 0, 0),
                row("d1", "a.csv", 201901, "duplicate_row", 1, 0, 1, 1, 0, 0),
                row("d1", "b.csv", 201902, null, 2, 2, 0, 0, 0, 1),
                row("d2", "a.csv", 201901, null, 1, 1, 0, 0, 0, 0),
                row("d2", "a.csv", 201901, "bad_number", 1, 0, 1, 0, 0, 0),
                row("d2", "a.csv", null, "bad_period", 1, 0, 1, 0, 0, 0)));

    assertEquals(new LineCounts.Counts(9, 6, 3, 1, 0, 1), counts.total());
    assertEquals(new LineCounts.Counts(4, 3, 1, 1, 0, 0), counts.file("d1", "a.csv"));
    assertEquals(new LineCounts.Counts(2, 2, 0, 0, 0, 1), counts.file("d1", "b.csv"));
    assertEquals(new LineCounts.Counts(3, 1, 2, 0, 0, 0), counts.file("d2", "a.csv"));
    assertEquals(LineCounts.Counts.NONE, counts.file("d2", "empty.csv"), "a header alone");
    assertEquals(
        Map.of("bad_number", 1L, "bad_period", 1L, "duplicate_row", 1L), counts.byReason());
    assertEquals(Map.of(201901, "d2", 201902, "d1"), counts.latest(), "the last by name wins");
    assertEquals(1, counts.silverRows(201901), "d2's kept line, not d1's three");
    assertEquals(2, counts.silverRows(201902));
    assertEquals(0, counts.silverRows(201903), "never delivered");
  }

  /** A month whose every line is refused is still delivered, with no silver rows. */
  @Test
  void aMonthWithEveryLineRefusedStandsWithZeroRows() {
    LineCounts counts =
        new LineCounts(List.of(row("d3", "c.csv", 201905, "unknown_county", 2, 0, 2, 0, 0, 0)));
    assertEquals(Map.of(201905, "d3"), counts.latest());
    assertEquals(0, counts.silverRows(201905));
  }
}
