package io.saima.metrics;

/**
 * A month of one landing source that an ingest rewrote: {@code source} is the source id (e.g.
 * {@code customs_exports}, as in {@code silver.delivered_periods}), {@code period} is YYYYMM.
 */
public record SourcePeriod(String source, int period) {

  public SourcePeriod {
    int month = period % 100;
    if (period < 100001 || month < 1 || month > 12) {
      throw new IllegalArgumentException("period must be YYYYMM, got " + period);
    }
  }
}
