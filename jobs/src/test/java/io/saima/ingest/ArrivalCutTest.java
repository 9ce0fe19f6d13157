package io.saima.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.saima.catalog.Source;
import io.saima.ingest.IngestInputs.LandedDelivery;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArrivalCutTest {

  private static LandedDelivery delivery(Source source, String name) {
    return new LandedDelivery(source, name, List.of());
  }

  @Test
  void aDeliveryIsDatedByTheStartOfItsFolderName() {
    assertEquals(Optional.of(LocalDate.of(2020, 6, 10)), ArrivalCut.arrival("20200610-01"));
    assertEquals(Optional.of(LocalDate.of(2020, 6, 10)), ArrivalCut.arrival("20200610"));
    assertEquals(Optional.empty(), ArrivalCut.arrival("20200631-01")); // no 31 June
    assertEquals(Optional.empty(), ArrivalCut.arrival("2020061"));
    assertEquals(Optional.empty(), ArrivalCut.arrival("resend-june"));
  }

  @Test
  void deliveriesUpToTheDayAreTakenInOrderAndTheRestWait() {
    List<LandedDelivery> landed =
        List.of(
            delivery(Source.CUSTOMS_EXPORTS, "20200615-01"),
            delivery(Source.CUSTOMS_EXPORTS, "20200630-02"),
            delivery(Source.CUSTOMS_EXPORTS, "20200701-01"),
            delivery(Source.RETAIL_SALES, "20200620-01"),
            delivery(Source.RETAIL_SALES, "late-fix"));

    ArrivalCut.Split split = ArrivalCut.at(landed, LocalDate.of(2020, 6, 30));

    assertEquals(
        List.of("20200615-01", "20200630-02", "20200620-01"),
        split.arrived().stream().map(LandedDelivery::delivery).toList());
    assertEquals(
        List.of(
            "customs_exports/20200701-01 (arrived 2020-07-01)",
            "retail_sales/late-fix (its name does not start with a date YYYYMMDD)"),
        split.leftForLater());
  }
}
