package io.saima.simulate;

import io.saima.catalog.GoldTables;
import io.saima.catalog.SilverTables;
import io.saima.catalog.SimulationTables;
import io.saima.catalog.Warehouse;
import io.saima.config.SaimaConfig;
import io.saima.scoring.BoardBuilder;
import io.saima.scoring.CompetitionScoring;
import io.saima.scoring.County;
import io.saima.scoring.Scheme;
import io.saima.scoring.ScoreStage;
import io.saima.scoring.Target;
import io.saima.scoring.YearFigures;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulation layer's edge: reads gold figures and reference data, writes {@code
 * gold.rank_gaps}, {@code gold.rank_simulation} and {@code gold.target_probability}.
 */
public final class SimulateStage {
  private static final Logger LOG = LoggerFactory.getLogger(SimulateStage.class);

  private SimulateStage() {}

  public static final long DEFAULT_TRIALS = 10_000;
  public static final long DEFAULT_SEED = 2020;

  /** The inputs every simulation reads, gathered once. */
  public record Inputs(
      Map<Integer, YearFigures> figures, List<County> counties, List<Target> targets) {

    public static Inputs read(Warehouse warehouse, Set<String> indicators) {
      Dataset<Row> monthly = warehouse.readOrEmpty(GoldTables.INDICATOR_MONTHLY);
      Set<String> wanted = new LinkedHashSet<>(indicators);
      List<Target> targets =
          CompetitionScoring.targets(warehouse.readOrEmpty(SilverTables.TARGETS));
      targets.forEach(t -> wanted.add(t.indicator()));
      return new Inputs(
          CompetitionScoring.figures(monthly, wanted),
          CompetitionScoring.counties(warehouse.readOrEmpty(SilverTables.REGIONS)),
          targets);
    }

    /** The latest period in which every one of these indicators has county figures. */
    public OptionalInt latestPeriod(List<String> indicators) {
      int latest = 0;
      for (YearFigures year : figures.values()) {
        for (int p : year.completePeriods(indicators)) {
          latest = Math.max(latest, p);
        }
      }
      return latest == 0 ? OptionalInt.empty() : OptionalInt.of(latest);
    }
  }

  /**
   * Gaps to rank under each scheme.
   *
   * @param region a county code, or null for every county
   * @param indicator one indicator, or null for each of the scheme's
   * @param targetRank the rank to reach; 0 for the next one
   * @param period the period; 0 for the latest that can be scored
   */
  public static List<RankGaps.Gap> gaps(
      Inputs inputs,
      Map<String, Scheme> schemes,
      String region,
      String indicator,
      int targetRank,
      int period) {
    List<RankGaps.Gap> out = new ArrayList<>();
    for (Scheme scheme : schemes.values()) {
      if (indicator != null && !scheme.indicatorNames().contains(indicator)) {
        continue;
      }
      int p = period;
      if (p == 0) {
        OptionalInt latest = inputs.latestPeriod(scheme.indicatorNames());
        if (latest.isEmpty()) {
          continue;
        }
        p = latest.getAsInt();
      }
      YearFigures year = inputs.figures().get(p / 100);
      if (year == null || !year.completePeriods(scheme.indicatorNames()).contains(p)) {
        continue;
      }
      BoardBuilder builder = new BoardBuilder(scheme, inputs.counties(), inputs.targets());
      List<String> indicators = indicator == null ? scheme.indicatorNames() : List.of(indicator);
      for (County county : builder.counties()) {
        if (region != null && !region.equals(county.code())) {
          continue;
        }
        for (String ind : indicators) {
          for (RankGaps.RankedOn on : RankGaps.RankedOn.values()) {
            RankGaps.find(builder, year, p, county.code(), ind, on, targetRank).ifPresent(out::add);
          }
        }
      }
    }
    return out;
  }

  public static Dataset<Row> gapRows(
      org.apache.spark.sql.SparkSession spark, List<RankGaps.Gap> gaps) {
    List<Row> rows = new ArrayList<>();
    for (RankGaps.Gap g : gaps) {
      rows.add(
          RowFactory.create(
              g.scheme(),
              g.period(),
              g.regionCode(),
              g.indicator(),
              g.rankedOn().column(),
              g.currentRank(),
              g.targetRank(),
              g.reachable(),
              g.amount(),
              g.currency(),
              g.valueYtd(),
              g.valueYtdNeeded(),
              g.reachedRank(),
              g.rankOneCentLess(),
              g.verified(),
              g.method()));
    }
    return spark.createDataFrame(rows, SimulationTables.RANK_GAPS.schema());
  }

  /**
   * The gold figures, counties and targets the schemes' indicators need, read once for the gaps and
   * the Monte Carlo of one run.
   */
  public static Inputs inputs(Warehouse warehouse, Map<String, Scheme> schemes) {
    return Inputs.read(warehouse, CompetitionScoring.indicators(schemes.values()));
  }

  /** Computes gaps and replaces their slice of gold.rank_gaps. */
  public static List<RankGaps.Gap> writeGaps(
      Warehouse warehouse,
      Inputs inputs,
      Map<String, Scheme> schemes,
      String region,
      String indicator,
      int targetRank,
      int period) {
    List<RankGaps.Gap> gaps = gaps(inputs, schemes, region, indicator, targetRank, period);
    Map<String, Set<Integer>> periods = new java.util.LinkedHashMap<>();
    gaps.forEach(
        g -> periods.computeIfAbsent(g.scheme(), k -> new java.util.TreeSet<>()).add(g.period()));
    // One commit for every scheme: the slices are disjoint, so their union replaces them all.
    List<String> slices = new ArrayList<>();
    for (Map.Entry<String, Set<Integer>> e : periods.entrySet()) {
      StringBuilder condition = new StringBuilder("scheme = '" + e.getKey() + "' AND period IN (");
      condition.append(String.join(", ", e.getValue().stream().map(String::valueOf).toList()));
      condition.append(")");
      if (region != null) {
        condition.append(" AND region_code = '").append(region).append("'");
      }
      if (indicator != null) {
        condition.append(" AND indicator = '").append(indicator).append("'");
      }
      slices.add(condition.toString());
    }
    if (!slices.isEmpty()) {
      warehouse.replaceWhere(
          SimulationTables.RANK_GAPS, gapRows(warehouse.spark(), gaps), Warehouse.anyOf(slices));
    }
    return gaps;
  }

  /** Runs the Monte Carlo and replaces gold.rank_simulation and gold.target_probability. */
  public static Optional<MonteCarlo.Results> monteCarlo(
      Warehouse warehouse,
      Inputs inputs,
      Map<String, Scheme> schemes,
      long trials,
      long seed,
      int asOfPeriod) {
    int asOf = asOfPeriod;
    if (asOf == 0) {
      OptionalInt latest =
          inputs.latestPeriod(List.copyOf(CompetitionScoring.indicators(schemes.values())));
      if (latest.isEmpty()) {
        LOG.warn("no period has figures for every indicator of the schemes; nothing to simulate");
        return Optional.empty();
      }
      asOf = latest.getAsInt();
    }
    MonteCarlo.Setup setup =
        MonteCarlo.prepare(schemes, inputs.figures(), inputs.counties(), inputs.targets(), asOf);
    int partitions = Math.max(2, warehouse.spark().sparkContext().defaultParallelism());
    MonteCarlo.Results results =
        MonteCarlo.run(warehouse.spark(), setup, inputs.counties(), trials, seed, partitions);
    warehouse.overwrite(SimulationTables.RANK_SIMULATION, results.rankSimulation());
    warehouse.overwrite(SimulationTables.TARGET_PROBABILITY, results.targetProbability());
    return Optional.of(results);
  }

  /**
   * What the night runs after scoring: every county's gap to the next rank, and the Monte Carlo.
   */
  public static void run(Warehouse warehouse, SaimaConfig config) {
    Map<String, Scheme> schemes = ScoreStage.schemes(config);
    // Read once for both: the gaps write gold.rank_gaps, which the Monte Carlo does not read.
    Inputs inputs = inputs(warehouse, schemes);
    List<RankGaps.Gap> gaps = writeGaps(warehouse, inputs, schemes, null, null, 0, 0);
    LOG.info("{} gap(s) to the next rank written", gaps.size());
    long trials = config.integer("simulate.trials").orElse(DEFAULT_TRIALS);
    long seed = config.integer("simulate.seed").orElse(DEFAULT_SEED);
    monteCarlo(warehouse, inputs, schemes, trials, seed, 0);
  }
}
