package io.saima.report;

import static org.apache.spark.sql.functions.col;

import io.saima.catalog.GoldTables;
import io.saima.catalog.ScoringTables;
import io.saima.catalog.SilverTables;
import io.saima.catalog.SimulationTables;
import io.saima.catalog.TableContract;
import io.saima.catalog.Warehouse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The report layer's edge: the gold rows one bulletin needs, each table read at one Delta version
 * (recorded for the footnotes, so every figure can be reproduced with {@code VERSION AS OF}), and
 * collected to the driver. Everything after this is plain Java on these rows.
 */
public final class GoldSnapshot {
  /** The tables a bulletin reads, in the order the footnotes list them. */
  static final List<TableContract> TABLES =
      List.of(
          GoldTables.INDICATOR_MONTHLY,
          GoldTables.INDICATOR_RANK,
          GoldTables.COMPETITION_RANKING,
          ScoringTables.SCORE_GAPS,
          SimulationTables.RANK_GAPS,
          GoldTables.TARGET_ATTAINMENT,
          SimulationTables.TARGET_PROBABILITY,
          SimulationTables.RANK_SIMULATION,
          SimulationTables.SCENARIO_RESULTS,
          GoldTables.UNIT_RANKING,
          GoldTables.ENTERPRISE_WATCHLIST,
          GoldTables.ALERTS,
          SilverTables.DELIVERED_PERIODS);

  final int period;
  final String region;
  final Map<String, Long> versions;

  /** The home county's monthly rows of the bulletin's year and the year before. */
  final List<Row> monthly;

  /** Every county's year-to-date value ranks in the bulletin's period. */
  final List<Row> leagueRanks;

  /** The home county's indicator ranks over the two years. */
  final List<Row> rankHistory;

  /** Every county's competition ranking in the period, all schemes. */
  final List<Row> ranking;

  /** The home county's competition ranking over the two years. */
  final List<Row> rankingHistory;

  final List<Row> scoreGaps;
  final List<Row> rankGaps;
  final List<Row> targets;
  final List<Row> probabilities;
  final List<Row> rankSimulation;
  final List<Row> scenarios;
  final List<Row> units;
  final List<Row> watchlist;
  final List<Row> alerts;
  final List<Row> delivered;

  private GoldSnapshot(Reader r, int period, String region) {
    this.period = period;
    this.region = region;
    int from = (period / 100 - 1) * 100 + 1;
    Column twoYears = col("period").between(from, period);
    Column home = col("region_code").equalTo(region);
    monthly =
        r.rows(
            GoldTables.INDICATOR_MONTHLY,
            home.and(col("region_level").equalTo("county")).and(twoYears));
    List<Row> ranks =
        r.rows(
            GoldTables.INDICATOR_RANK,
            col("measure")
                .equalTo("ytd_value")
                .and(col("period").equalTo(period).or(home.and(twoYears))));
    leagueRanks = ranks.stream().filter(x -> x.<Integer>getAs("period") == period).toList();
    rankHistory = ranks.stream().filter(x -> region.equals(x.getAs("region_code"))).toList();
    List<Row> rankings =
        r.rows(
            GoldTables.COMPETITION_RANKING, col("period").equalTo(period).or(home.and(twoYears)));
    ranking = rankings.stream().filter(x -> x.<Integer>getAs("period") == period).toList();
    rankingHistory = rankings.stream().filter(x -> region.equals(x.getAs("region_code"))).toList();
    scoreGaps = r.rows(ScoringTables.SCORE_GAPS, home.and(col("period").equalTo(period)));
    rankGaps = r.rows(SimulationTables.RANK_GAPS, home.and(col("period").equalTo(period)));
    targets =
        r.rows(
            GoldTables.TARGET_ATTAINMENT,
            home.and(
                col("target_period").between(period / 100 * 100 + 1, period / 100 * 100 + 12)));
    probabilities = r.rows(SimulationTables.TARGET_PROBABILITY, home);
    rankSimulation = r.rows(SimulationTables.RANK_SIMULATION, home);
    scenarios = r.rows(SimulationTables.SCENARIO_RESULTS, home);
    units =
        r.rows(
            GoldTables.UNIT_RANKING,
            col("county_code")
                .equalTo(region)
                .and(
                    col("target_period").between(period / 100 * 100 + 1, period / 100 * 100 + 12)));
    watchlist =
        r.rows(
            GoldTables.ENTERPRISE_WATCHLIST,
            col("county_code").equalTo(region).and(col("period").equalTo(period)));
    alerts =
        r.rows(
            GoldTables.ALERTS,
            col("region_code").startsWith(region).and(col("period").equalTo(period)));
    delivered = r.rows(SilverTables.DELIVERED_PERIODS, null);
    versions = r.versions;
  }

  /** Reads the rows of the bulletin of {@code region} (a county code) for {@code period}. */
  public static GoldSnapshot read(Warehouse warehouse, int period, String region) {
    return new GoldSnapshot(new Reader(warehouse), period, region);
  }

  /**
   * The counties that have figures, code to name, and the periods with county figures: what a
   * bulletin can be written for.
   */
  public record Choices(Map<String, String> counties, List<Integer> periods) {
    public Optional<Integer> latestPeriod() {
      return periods.stream().max(Integer::compare);
    }
  }

  public static Choices choices(Warehouse warehouse) {
    Dataset<Row> counties =
        warehouse.readOrEmpty(GoldTables.INDICATOR_MONTHLY).where("region_level = 'county'");
    // One query: a few thousand rows (counties by periods), sorted here.
    SortedMap<String, String> names = new TreeMap<>();
    SortedSet<Integer> periods = new TreeSet<>();
    for (Row row :
        counties.select("region_code", "region_name", "period").distinct().collectAsList()) {
      names.put(row.getString(0), row.getString(1));
      periods.add(row.getInt(2));
    }
    return new Choices(new LinkedHashMap<>(names), new ArrayList<>(periods));
  }

  /** Reads each table once at its current version, and remembers the version. */
  private static final class Reader {
    private final Warehouse warehouse;
    private final Map<String, Long> versions = new LinkedHashMap<>();

    Reader(Warehouse warehouse) {
      this.warehouse = warehouse;
    }

    List<Row> rows(TableContract contract, Column where) {
      String name = contract.id().qualified();
      Long version = versions.get(name);
      if (version == null) {
        version =
            warehouse.exists(contract.id()) ? warehouse.version(contract.id()).orElse(-1L) : -1L;
        versions.put(name, version);
      }
      if (version < 0) {
        return List.of();
      }
      Dataset<Row> table =
          warehouse
              .spark()
              .read()
              .format("delta")
              .option("versionAsOf", version)
              .load(warehouse.path(contract.id()));
      return (where == null ? table : table.where(where)).collectAsList();
    }
  }
}
