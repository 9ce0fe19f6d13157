package io.saima.simulate;

import io.saima.catalog.SimulationTables;
import io.saima.scoring.Board;
import io.saima.scoring.BoardBuilder;
import io.saima.scoring.County;
import io.saima.scoring.Scheme;
import io.saima.scoring.ScoreEngine;
import io.saima.scoring.Target;
import io.saima.scoring.YearFigures;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Monte Carlo projection of the year's end (DESIGN.md, "Simulations"): trials are a Spark range
 * split across executors; each trial draws the remaining months from {@link GrowthModel} with its
 * own random stream (seeded by the seed and the trial number, so results do not depend on how the
 * trials are partitioned), scores the final month under every scheme with {@link ScoreEngine}, and
 * checks every county target. Partitions return counts and outcomes; the driver adds them up.
 *
 * <p>One class, though long: the trial loop runs in the executors and ships with its setup as one
 * unit; the parts that vary are GrowthModel (the draws) and ScoreEngine (the scoring).
 */
public final class MonteCarlo {
  private MonteCarlo() {}

  /** One scheme prepared for the trials: boards with targets set, county order mapped. */
  static final class SchemeRun implements Serializable {
    private static final long serialVersionUID = 1L;
    final Scheme scheme;
    final ScoreEngine engine;
    final Board finalBoard;
    final Board previousBoard;
    final int[] modelCounty;
    final int[] modelIndicator;
    final int[] currentRanks;
    final int maxRank;

    SchemeRun(
        Scheme scheme, BoardBuilder builder, GrowthModel model, YearFigures thisYear, int asOf) {
      this.scheme = scheme;
      this.engine = new ScoreEngine(scheme);
      int finalPeriod = model.year * 100 + 12;
      YearFigures none = new YearFigures(model.year);
      this.finalBoard = builder.board(none, finalPeriod);
      this.previousBoard = scheme.hasProgressBonus() ? builder.board(none, finalPeriod - 1) : null;
      List<String> counties = Arrays.asList(model.counties);
      modelCounty = builder.counties().stream().mapToInt(c -> counties.indexOf(c.code())).toArray();
      List<String> indicators = Arrays.asList(model.indicators);
      modelIndicator = scheme.indicatorNames().stream().mapToInt(indicators::indexOf).toArray();
      int[] ranks = engine.score(builder.board(thisYear, asOf), null).ranks;
      currentRanks = ranks;
      int largest = 0;
      for (int[] pool : engine.pools(finalBoard)) {
        largest = Math.max(largest, pool.length);
      }
      maxRank = Math.max(1, largest);
    }

    /** The scheme's ranks at the end of this trial's year. */
    int[] ranks(GrowthModel model, double[][][] paths, double[][] province) {
      Board last = fill(finalBoard, model, paths, province, 12);
      int[] previous = null;
      if (previousBoard != null) {
        previous = engine.score(fill(previousBoard, model, paths, province, 11), null).baseRanks;
      }
      return engine.score(last, previous).ranks;
    }

    private Board fill(
        Board template, GrowthModel model, double[][][] paths, double[][] province, int month) {
      Board board = template.copy();
      for (int i = 0; i < modelIndicator.length; i++) {
        int mi = modelIndicator[i];
        List<Scheme.Measure> measures = scheme.indicators().get(i).measures();
        for (int m = 0; m < measures.size(); m++) {
          String column = measures.get(m).column();
          double[] slot = board.measures()[i][m];
          for (int c = 0; c < slot.length; c++) {
            int mc = modelCounty[c];
            slot[c] =
                mc < 0 || !model.present[mi][mc]
                    ? Double.NaN
                    : measure(column, model, mi, mc, paths[mi][mc], province[mi], month);
          }
        }
      }
      return board;
    }
  }

  /** A measure as gold would compute it from a simulated year to date. */
  static double measure(
      String column, GrowthModel model, int i, int c, double[] path, double[] province, int month) {
    double ytd = path[month];
    double monthValue = ytd - path[month - 1];
    double ytdLy = model.lastYearYtd[i][c][month];
    double monthLy = model.lastYearMonth[i][c][month];
    return switch (column) {
      case "value_ytd" -> ytd;
      case "value_month" -> monthValue;
      case "yoy_ytd_pct" -> ytdLy != 0 ? (ytd - ytdLy) / ytdLy * 100 : Double.NaN;
      case "yoy_month_pct" -> monthLy != 0 ? (monthValue - monthLy) / monthLy * 100 : Double.NaN;
      case "share_ytd_pct" -> province[month] != 0 ? ytd / province[month] * 100 : Double.NaN;
      case "share_change_pp" -> {
        double provinceLy = model.provinceLastYearYtd[i][month];
        yield province[month] != 0 && provinceLy != 0
            ? ytd / province[month] * 100 - ytdLy / provinceLy * 100
            : Double.NaN;
      }
      default -> throw new IllegalArgumentException(column);
    };
  }

  /** A county target prepared for the trials. */
  record TargetRun(Target target, int indicator, int county, int month, double value)
      implements Serializable {
    boolean met(GrowthModel model, double ytd) {
      if (target.targetType().equals("growth_pct")) {
        double ly = model.lastYearYtd[indicator][county][month];
        return ly != 0 && (ytd - ly) / ly * 100 >= value;
      }
      return ytd >= value;
    }
  }

  /** Everything the trials need; broadcast once to the executors. */
  public static final class Setup implements Serializable {
    private static final long serialVersionUID = 1L;
    final GrowthModel model;
    final List<SchemeRun> schemes;
    final List<TargetRun> targets;
    final int asOfPeriod;

    Setup(GrowthModel model, List<SchemeRun> schemes, List<TargetRun> targets, int asOfPeriod) {
      this.model = model;
      this.schemes = schemes;
      this.targets = targets;
      this.asOfPeriod = asOfPeriod;
    }

    public GrowthModel model() {
      return model;
    }
  }

  /**
   * Prepares a run: the model is estimated from the year of {@code asOfPeriod} and the one before;
   * every county of the regions is projected; targets of that year on simulated indicators count.
   */
  public static Setup prepare(
      Map<String, Scheme> schemes,
      Map<Integer, YearFigures> figures,
      List<County> counties,
      List<Target> targets,
      int asOfPeriod) {
    int year = asOfPeriod / 100;
    YearFigures thisYear = figures.get(year);
    YearFigures lastYear = figures.get(year - 1);
    Set<String> indicators = new LinkedHashSet<>();
    schemes.values().forEach(s -> indicators.addAll(s.indicatorNames()));
    for (Target t : targets) {
      if (t.targetPeriod() / 100 == year
          && !thisYear.completePeriods(List.of(t.indicator())).isEmpty()) {
        indicators.add(t.indicator());
      }
    }
    List<County> sorted =
        counties.stream().sorted(java.util.Comparator.comparing(County::code)).toList();
    GrowthModel model =
        GrowthModel.estimate(thisYear, lastYear, asOfPeriod, List.copyOf(indicators), sorted);
    List<SchemeRun> runs = new ArrayList<>();
    for (Scheme scheme : schemes.values()) {
      BoardBuilder builder = new BoardBuilder(scheme, counties, targets);
      runs.add(new SchemeRun(scheme, builder, model, thisYear, asOfPeriod));
    }
    List<String> modelIndicators = Arrays.asList(model.indicators);
    List<String> modelCounties = Arrays.asList(model.counties);
    List<TargetRun> targetRuns = new ArrayList<>();
    for (Target t : targets) {
      int i = modelIndicators.indexOf(t.indicator());
      int c = modelCounties.indexOf(t.regionCode());
      boolean typeKnown = t.targetType().equals("value") || t.targetType().equals("growth_pct");
      if (i >= 0 && c >= 0 && typeKnown && t.targetPeriod() / 100 == year) {
        targetRuns.add(new TargetRun(t, i, c, t.targetPeriod() % 100, t.value().doubleValue()));
      }
    }
    return new Setup(model, runs, targetRuns, asOfPeriod);
  }

  /** What the trials of one partition, or all of them, add up to. */
  static final class Tally implements Serializable {
    private static final long serialVersionUID = 1L;
    final long[][][] rankCounts;
    final long[] met;
    final double[][] outcomes;
    int trials;

    Tally(Setup setup, int capacity) {
      rankCounts = new long[setup.schemes.size()][][];
      for (int s = 0; s < setup.schemes.size(); s++) {
        SchemeRun run = setup.schemes.get(s);
        rankCounts[s] = new long[run.modelCounty.length][run.maxRank];
      }
      met = new long[setup.targets.size()];
      outcomes = new double[setup.targets.size()][capacity];
    }

    void add(Setup setup, GrowthModel model, double[][][] paths, double[][] province) {
      for (int s = 0; s < setup.schemes.size(); s++) {
        int[] ranks = setup.schemes.get(s).ranks(model, paths, province);
        for (int c = 0; c < ranks.length; c++) {
          rankCounts[s][c][ranks[c] - 1]++;
        }
      }
      for (int t = 0; t < setup.targets.size(); t++) {
        TargetRun target = setup.targets.get(t);
        double ytd = paths[target.indicator()][target.county()][target.month()];
        if (trials == outcomes[t].length) {
          outcomes[t] = Arrays.copyOf(outcomes[t], Math.max(16, trials * 2));
        }
        outcomes[t][trials] = ytd;
        if (target.met(model, ytd)) {
          met[t]++;
        }
      }
      trials++;
    }

    Tally merge(Tally other) {
      for (int s = 0; s < rankCounts.length; s++) {
        for (int c = 0; c < rankCounts[s].length; c++) {
          for (int r = 0; r < rankCounts[s][c].length; r++) {
            rankCounts[s][c][r] += other.rankCounts[s][c][r];
          }
        }
      }
      for (int t = 0; t < met.length; t++) {
        met[t] += other.met[t];
        double[] joined = Arrays.copyOf(outcomes[t], trials + other.trials);
        System.arraycopy(other.outcomes[t], 0, joined, trials, other.trials);
        outcomes[t] = joined;
      }
      trials += other.trials;
      return this;
    }
  }

  /** Runs the trials on executors: the same seed and trial count give the same tally. */
  static Tally trials(SparkSession spark, Setup setup, long trials, long seed, int partitions) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Setup> shared = jsc.broadcast(setup);
    FlatMapFunction<Iterator<Long>, Tally> runPartition =
        ids -> {
          Setup s = shared.value();
          GrowthModel model = s.model;
          double[][][] paths = new double[model.indicators.length][model.counties.length][13];
          double[][] province = new double[model.indicators.length][13];
          Tally tally = new Tally(s, 1024);
          while (ids.hasNext()) {
            long trial = ids.next();
            SplittableRandom random = GrowthModel.random(seed, trial);
            model.draw(random, paths, province);
            tally.add(s, model, paths, province);
          }
          return List.of(tally).iterator();
        };
    List<Tally> tallies =
        spark.range(0, trials, 1, partitions).javaRDD().mapPartitions(runPartition).collect();
    Tally total = new Tally(setup, 0);
    for (Tally t : tallies) {
      total.merge(t);
    }
    shared.destroy();
    return total;
  }

  /** The two result tables of a run. */
  public record Results(Dataset<Row> rankSimulation, Dataset<Row> targetProbability) {}

  public static Results run(
      SparkSession spark,
      Setup setup,
      List<County> counties,
      long trials,
      long seed,
      int partitions) {
    Tally tally = trials(spark, setup, trials, seed, partitions);
    int finalPeriod = setup.model.year * 100 + 12;
    Map<String, County> byCode = new java.util.HashMap<>();
    counties.forEach(k -> byCode.put(k.code(), k));
    List<Row> rankRows = new ArrayList<>();
    for (int s = 0; s < setup.schemes.size(); s++) {
      SchemeRun run = setup.schemes.get(s);
      for (int c = 0; c < run.modelCounty.length; c++) {
        String code = run.finalBoard.codes()[c];
        County county = byCode.get(code);
        long[] counts = tally.rankCounts[s][c];
        Double[] probabilities = new Double[counts.length];
        double expected = 0;
        int mostLikely = 1;
        for (int r = 0; r < counts.length; r++) {
          probabilities[r] = (double) counts[r] / tally.trials;
          expected += (r + 1) * probabilities[r];
          if (counts[r] > counts[mostLikely - 1]) {
            mostLikely = r + 1;
          }
        }
        rankRows.add(
            RowFactory.create(
                run.scheme.name(),
                setup.asOfPeriod,
                finalPeriod,
                code,
                county == null ? null : county.name(),
                run.finalBoard.groups()[c],
                run.currentRanks[c],
                Arrays.asList(probabilities),
                mostLikely,
                expected,
                quantileRank(counts, tally.trials, 0.1),
                quantileRank(counts, tally.trials, 0.9),
                (long) tally.trials,
                seed));
      }
    }
    List<Row> targetRows = new ArrayList<>();
    for (int t = 0; t < setup.targets.size(); t++) {
      TargetRun target = setup.targets.get(t);
      double[] outcomes = Arrays.copyOf(tally.outcomes[t], tally.trials);
      Arrays.sort(outcomes);
      targetRows.add(
          RowFactory.create(
              target.target().regionCode(),
              target.target().indicator(),
              target.target().targetPeriod(),
              target.target().targetType(),
              target.target().value().setScale(2, java.math.RoundingMode.HALF_UP),
              setup.asOfPeriod,
              (double) tally.met[t] / tally.trials,
              money(percentile(outcomes, 0.1)),
              money(percentile(outcomes, 0.5)),
              money(percentile(outcomes, 0.9)),
              (long) tally.trials,
              seed));
    }
    return new Results(
        spark.createDataFrame(rankRows, SimulationTables.RANK_SIMULATION.schema()),
        spark.createDataFrame(targetRows, SimulationTables.TARGET_PROBABILITY.schema()));
  }

  /** A simulated amount as the tables keep money: DECIMAL, rounded half-up to the fen. */
  static java.math.BigDecimal money(double value) {
    return Double.isFinite(value)
        ? java.math.BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_UP)
        : null;
  }

  /** The smallest rank whose cumulative probability reaches q. */
  static int quantileRank(long[] counts, long trials, double q) {
    long cumulative = 0;
    for (int r = 0; r < counts.length; r++) {
      cumulative += counts[r];
      if (cumulative >= Math.ceil(q * trials)) {
        return r + 1;
      }
    }
    return counts.length;
  }

  /** Nearest-rank percentile of sorted values. */
  static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
