package io.saima.generate;

import io.saima.catalog.Source;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes synthetic deliveries in the landing contract of DESIGN.md: {@code
 * <out>/<source>/<delivery>/*.csv}, one delivery per source and month, named by its arrival date.
 *
 * <p>Money depends only on the seed, never on the scale: each county-month total is computed first
 * (calibrated to DOMAIN.md) and then split among as many lines as the scale asks for, so a small
 * sample tells the same story as a full province-year. Lines are written as they are drawn; nothing
 * beyond one county-month's parameters is held in memory.
 *
 * <p>Each source is written by a class of its own ({@link CustomsLines}, {@link FdiLines}, {@link
 * RetailLines}, {@link AboveQuotaLines}) sharing a {@link LandingContext}; this class decides the
 * order of the months and sources, which fixes the order of the planted rows and the log.
 */
public final class LandingGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(LandingGenerator.class);

  private final GeneratorSpec spec;
  private final LandingContext ctx;
  private final CustomsLines customs;
  private final FdiLines fdi;
  private final RetailLines retail;
  private final AboveQuotaLines aboveQuota;

  public LandingGenerator(GeneratorSpec spec) {
    this.spec = spec;
    this.ctx = new LandingContext(spec);
    this.customs = new CustomsLines(ctx);
    this.fdi = new FdiLines(ctx);
    this.retail = new RetailLines(ctx);
    this.aboveQuota = new AboveQuotaLines(ctx, retail);
  }

  /** A deliberately bad row: where it is and why ingestion should refuse (or warn about) it. */
  public record PlantedRow(String file, long line, String reason) {}

  /** What was written. */
  public record Summary(long files, Map<String, Long> linesBySource, List<PlantedRow> planted) {
    public long lines() {
      return linesBySource.values().stream().mapToLong(Long::longValue).sum();
    }

    public String describe() {
      StringBuilder out = new StringBuilder();
      out.append(files).append(" files, ").append(lines()).append(" lines (");
      String separator = "";
      for (Map.Entry<String, Long> entry : linesBySource.entrySet()) {
        out.append(separator).append(entry.getKey()).append(' ').append(entry.getValue());
        separator = ", ";
      }
      return out.append("), ").append(planted.size()).append(" planted bad rows").toString();
    }
  }

  public Summary run() {
    Map<String, Long> linesBySource = ctx.linesBySource();
    for (YearMonth period = spec.from();
        !period.isAfter(spec.to());
        period = period.plusMonths(1)) {
      customs.write(period, delivery(period, 15, 1), false);
      fdi.write(period);
      retail.write(period);
      aboveQuota.write(period);
      LOG.info(
          "{}: {} lines so far ({} customs lines)",
          period,
          linesBySource.values().stream().mapToLong(Long::longValue).sum(),
          linesBySource.get(Source.CUSTOMS_EXPORTS.id()));
    }
    YearMonth revised = YearMonth.of(2020, 3);
    YearMonth arrival = YearMonth.of(2020, 5);
    if (!revised.isBefore(spec.from()) && !arrival.isAfter(spec.to())) {
      // Customs re-issues March 2020 with the May figures: late declarations and corrections.
      customs.write(revised, delivery(arrival, 15, 2), true);
    }
    for (PlantedRow row : ctx.planted) {
      LOG.info("planted {} at {} line {}", row.reason(), row.file(), row.line());
    }
    return new Summary(
        ctx.files(),
        Collections.unmodifiableMap(new TreeMap<>(linesBySource)),
        List.copyOf(ctx.planted));
  }

  /** Period 201901 arrives in the next month, e.g. {@code 20190215-01}. */
  static String delivery(YearMonth period, int day, int sequence) {
    YearMonth arrival = period.plusMonths(1);
    return String.format(
        java.util.Locale.ROOT,
        "%04d%02d%02d-%02d",
        arrival.getYear(),
        arrival.getMonthValue(),
        day,
        sequence);
  }

  static String yyyymm(YearMonth period) {
    return String.format(
        java.util.Locale.ROOT, "%04d%02d", period.getYear(), period.getMonthValue());
  }
}
