package io.saima.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every table Saima writes, once: the one list of contracts that the writers' constants belong to,
 * that {@code docs/tables.md} is generated from, that the data-quality checks ({@link
 * ContractChecks}) and the tests read. The contracts themselves are grouped by layer ({@link
 * BronzeTables}, {@link SilverTables}, {@link GoldTables}, {@link ScoringTables}, {@link
 * SimulationTables}, {@link OpsTables}, {@link BuildState}); a table is added to the warehouse by
 * declaring its contract there and listing it here.
 */
public final class Catalog {
  private Catalog() {}

  /** The layers in the order of the night, which is the order of {@link #all()}. */
  public static final List<String> DATABASES =
      List.of(
          BronzeTables.DATABASE, SilverTables.DATABASE, GoldTables.DATABASE, OpsTables.DATABASE);

  private static final Map<TableId, TableContract> BY_ID = index();

  private static Map<TableId, TableContract> index() {
    List<TableContract> all = new ArrayList<>();
    for (Source source : Source.values()) {
      all.add(BronzeTables.rows(source));
      all.add(BronzeTables.quarantine(source));
    }
    all.addAll(
        List.of(
            SilverTables.CUSTOMS_EXPORTS,
            SilverTables.CUSTOMS_MONTHLY,
            SilverTables.FDI_INFLOWS,
            SilverTables.RETAIL_SALES,
            SilverTables.ABOVE_QUOTA_SALES,
            SilverTables.DELIVERED_PERIODS,
            SilverTables.REGIONS,
            SilverTables.UNITS,
            SilverTables.FX_RATES,
            SilverTables.TARGETS,
            GoldTables.INDICATOR_MONTHLY,
            GoldTables.INDICATOR_RANK,
            GoldTables.COMPETITION_SCORES,
            GoldTables.COMPETITION_RANKING,
            GoldTables.TARGET_ATTAINMENT,
            GoldTables.UNIT_RANKING,
            GoldTables.ENTERPRISE_WATCHLIST,
            GoldTables.ALERTS,
            ScoringTables.SCORE_GAPS,
            SimulationTables.RANK_GAPS,
            SimulationTables.SCENARIO_RESULTS,
            SimulationTables.RANK_SIMULATION,
            SimulationTables.TARGET_PROBABILITY,
            OpsTables.DELIVERIES,
            OpsTables.JOB_RUNS,
            OpsTables.DATA_QUALITY,
            BuildState.CONTRACT));
    all.sort(
        java.util.Comparator.comparing((TableContract c) -> DATABASES.indexOf(c.id().database()))
            .thenComparing(c -> c.id().name()));
    Map<TableId, TableContract> byId = new LinkedHashMap<>();
    for (TableContract contract : all) {
      if (!DATABASES.contains(contract.id().database())) {
        throw new IllegalStateException(contract.id() + " is in no database of " + DATABASES);
      }
      if (byId.put(contract.id(), contract) != null) {
        throw new IllegalStateException(contract.id() + " has two contracts");
      }
    }
    return Collections.unmodifiableMap(byId);
  }

  /** Every contract, by database in the order of the night, then by table name. */
  public static List<TableContract> all() {
    return List.copyOf(BY_ID.values());
  }

  /** The contract of a table the warehouse writes, if it is one. */
  public static Optional<TableContract> find(TableId id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  /** The contract of a table the warehouse writes. */
  public static TableContract of(TableId id) {
    return find(id)
        .orElseThrow(() -> new IllegalArgumentException(id + " is not a table of the catalog"));
  }
}
