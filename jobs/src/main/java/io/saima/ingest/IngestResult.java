package io.saima.ingest;

import io.saima.catalog.Source;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an ingest run did.
 *
 * @param rewritten the (source, period) pairs whose silver rows were replaced: what the gold build
 *     must recompute
 * @param refusals one message per refused delivery, naming the file and the problem, and one per
 *     stray entry of the landing folder
 * @param waiting one message per delivery still arriving (empty, or a copy in progress), left for a
 *     later night
 * @param failedChecks data-quality checks that did not pass
 * @param rows counts, e.g. {@code lines_read}, {@code rows_accepted}, {@code rows_quarantined}
 * @param versions the Delta version of every table written, by qualified name
 */
public record IngestResult(
    Set<SourcePeriod> rewritten,
    List<String> refusals,
    List<String> waiting,
    List<String> failedChecks,
    Map<String, Long> rows,
    Map<String, Long> versions) {

  /** A month of one source. */
  public record SourcePeriod(Source source, int period) implements Comparable<SourcePeriod> {
    @Override
    public int compareTo(SourcePeriod other) {
      int bySource = source.compareTo(other.source);
      return bySource != 0 ? bySource : Integer.compare(period, other.period);
    }
  }

  /** True when some delivery was refused or some check failed: the night is partial (exit 3). */
  public boolean partial() {
    return !refusals.isEmpty() || !failedChecks.isEmpty();
  }
}
