package io.saima.ingest;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * The reference data a row is validated against, small enough to broadcast to the executors.
 *
 * @param countyCodes the county codes of regions.csv
 * @param unitCounty units.csv: unit_code → the county_code it belongs to
 * @param usdCny fx_rates.csv: period (YYYYMM) → the month's average yuan per dollar
 */
public record ReferenceLookup(
    Set<String> countyCodes, Map<String, String> unitCounty, Map<Integer, BigDecimal> usdCny)
    implements Serializable {
  public ReferenceLookup {
    countyCodes = Set.copyOf(countyCodes);
    unitCounty = Map.copyOf(unitCounty);
    usdCny = Map.copyOf(usdCny);
  }
}
