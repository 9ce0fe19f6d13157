package io.saima.ingest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.spark.sql.Row;

/**
 * What one source's classified lines add up to, from the few rows of {@link
 * IngestTransforms#lineSummary} (one per delivery, file, period and reason): the counts per file
 * for {@code ops.deliveries}, the quarantine by reason, and which delivery stands for each month
 * with how many silver rows. One Spark job gives all of them, where a job per figure used to.
 */
final class LineCounts {
  /** The counts of one file (or of all files): lines read, kept, quarantined and why. */
  record Counts(
      long lines,
      long accepted,
      long quarantined,
      long duplicates,
      long conflicts,
      long unknownTowns) {
    static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

    Counts plus(Counts other) {
      return new Counts(
          lines + other.lines,
          accepted + other.accepted,
          quarantined + other.quarantined,
          duplicates + other.duplicates,
          conflicts + other.conflicts,
          unknownTowns + other.unknownTowns);
    }
  }

  private final Map<String, Counts> byFile = new LinkedHashMap<>();
  private final SortedMap<String, Long> byReason = new TreeMap<>();
  private final SortedMap<Integer, String> latest = new TreeMap<>();
  private final Map<String, Long> acceptedByDeliveryPeriod = new LinkedHashMap<>();
  private Counts total = Counts.NONE;

  /**
   * @param summary rows of {@link IngestTransforms#lineSummary}
   */
  LineCounts(List<Row> summary) {
    for (Row row : summary) {
      String delivery = row.getAs("_delivery");
      String file = row.getAs("_file");
      Integer period = row.getAs("period");
      String reason = row.getAs("quarantine_reason");
      Counts counts =
          new Counts(
              row.<Long>getAs("lines"),
              row.<Long>getAs("accepted"),
              row.<Long>getAs("quarantined"),
              row.<Long>getAs("duplicates"),
              row.<Long>getAs("conflicts"),
              row.<Long>getAs("unknown_towns"));
      byFile.merge(key(delivery, file), counts, Counts::plus);
      total = total.plus(counts);
      if (reason != null) {
        byReason.merge(reason, counts.quarantined(), Long::sum);
      }
      if (period != null) {
        // Deliveries found in the same run apply in name order: the last by name wins a month.
        latest.merge(period, delivery, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        acceptedByDeliveryPeriod.merge(key(delivery, period), counts.accepted(), Long::sum);
      }
    }
  }

  private static String key(String delivery, Object fileOrPeriod) {
    return delivery + "/" + fileOrPeriod;
  }

  /** The counts of one file; none for a file without lines (empty, or a header alone). */
  Counts file(String delivery, String file) {
    return byFile.getOrDefault(key(delivery, file), Counts.NONE);
  }

  /** Every file with lines, as {@code delivery/file}. */
  Map<String, Counts> files() {
    return Collections.unmodifiableMap(byFile);
  }

  /** All files together. */
  Counts total() {
    return total;
  }

  /** Quarantined lines by reason code. */
  SortedMap<String, Long> byReason() {
    return Collections.unmodifiableSortedMap(byReason);
  }

  /**
   * For each month any line brings (accepted or not, so a month delivered with no usable rows still
   * replaces what was there), the delivery that stands: the last by name.
   */
  SortedMap<Integer, String> latest() {
    return Collections.unmodifiableSortedMap(latest);
  }

  /** The silver rows of a month: the lines its standing delivery kept there (0 is a figure). */
  long silverRows(int period) {
    String delivery = latest.get(period);
    return delivery == null ? 0 : acceptedByDeliveryPeriod.getOrDefault(key(delivery, period), 0L);
  }
}
