package io.saima.ingest;

import io.saima.ingest.IngestInputs.LandedDelivery;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which deliveries had arrived by a given day: what {@code saima nightly --as-of DATE} ingests, so
 * that a backfill replays the nights as they would have run. A delivery folder is dated by its name
 * (DESIGN.md, "Landing zone": {@code 20200610-01} arrived on 10 June 2020); it has arrived by the
 * day when that date is on or before it. A folder whose name does not start with a date cannot be
 * placed in time and is left for a night without {@code --as-of}.
 */
public final class ArrivalCut {
  private static final DateTimeFormatter NAME_DATE =
      DateTimeFormatter.ofPattern("uuuuMMdd", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  /** The deliveries taken, and those left for later with the reason. */
  public record Split(List<LandedDelivery> arrived, List<String> leftForLater) {}

  private ArrivalCut() {}

  /** The arrival date in a delivery folder's name, if it starts with one. */
  public static Optional<LocalDate> arrival(String delivery) {
    if (delivery.length() < 8) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(delivery.substring(0, 8), NAME_DATE));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Whether a delivery folder dated by its name arrived by the end of {@code asOf}. */
  public static boolean arrivedBy(String delivery, LocalDate asOf) {
    return arrival(delivery).map(date -> !date.isAfter(asOf)).orElse(false);
  }

  /** Splits the deliveries at the end of {@code asOf}; the order of each list is kept. */
  public static Split at(List<LandedDelivery> deliveries, LocalDate asOf) {
    List<LandedDelivery> arrived = new ArrayList<>();
    List<String> later = new ArrayList<>();
    for (LandedDelivery delivery : deliveries) {
      Optional<LocalDate> date = arrival(delivery.delivery());
      String name = delivery.source().id() + "/" + delivery.delivery();
      if (date.isEmpty()) {
        later.add(name + " (its name does not start with a date YYYYMMDD)");
      } else if (date.get().isAfter(asOf)) {
        later.add(name + " (arrived " + date.get() + ")");
      } else {
        arrived.add(delivery);
      }
    }
    return new Split(List.copyOf(arrived), List.copyOf(later));
  }
}
