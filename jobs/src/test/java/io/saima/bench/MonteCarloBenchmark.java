package io.saima.bench;

import io.saima.pipeline.SparkSessions;
import io.saima.scoring.County;
import io.saima.scoring.Figures;
import io.saima.scoring.Scheme;
import io.saima.scoring.SchemeLoader;
import io.saima.scoring.Target;
import io.saima.scoring.YearFigures;
import io.saima.simulate.MonteCarlo;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * A benchmark, not a test: the Monte Carlo with 10,000 trials × 90 counties × the reference scheme
 * on local Spark, from 2020-06 to the year's end. Run from the checkout (a plain {@code java -cp},
 * no exec plugin):
 *
 * <pre>
 * bench/monte-carlo.sh [trials] [master]
 * </pre>
 *
 * Figures are synthetic (seeded): skewed county sizes, seasonal months, a trend and noise per
 * county, so the model estimates real spreads. Prints the time of the trials alone (the session is
 * started and warmed first).
 */
public final class MonteCarloBenchmark {
  private MonteCarloBenchmark() {}

  public static void main(String[] args) {
    long trials = args.length > 0 ? Long.parseLong(args[0]) : 10_000;
    String master = args.length > 1 ? args[1] : "local[2]";
    Path home = Path.of(System.getProperty("saima.home", "."));
    Scheme reference = SchemeLoader.loadFile(home.resolve("conf/scoring/reference.yaml"));
    Map<String, Scheme> schemes = new LinkedHashMap<>();
    schemes.put("reference", reference);

    SplittableRandom random = new SplittableRandom(1);
    List<County> counties = new ArrayList<>();
    for (int c = 0; c < 90; c++) {
      counties.add(
          new County(
              String.format(Locale.ROOT, "33%04d", 100 + c),
              "county " + c,
              c < 26 ? "mountain26" : "other"));
    }
    double[] season = {0.8, 0.55, 0.95, 1.0, 1.0, 1.05, 1.05, 1.0, 1.05, 1.05, 1.1, 1.4};
    Map<String, Map<String, TreeMap<Integer, Double>>> months = new LinkedHashMap<>();
    List<Target> targets = new ArrayList<>();
    for (String indicator : reference.indicatorNames()) {
      Map<String, TreeMap<Integer, Double>> byCounty = new LinkedHashMap<>();
      for (County county : counties) {
        double size = Math.exp(random.nextGaussian() * 1.2) * 1e9 / 12;
        double trend = 0.05 + 0.1 * random.nextGaussian();
        TreeMap<Integer, Double> series = new TreeMap<>();
        for (int m = 1; m <= 12; m++) {
          series.put(201900 + m, size * season[m - 1] * (1 + 0.08 * random.nextGaussian()));
        }
        for (int m = 1; m <= 6; m++) {
          double g = trend + 0.1 * random.nextGaussian();
          series.put(202000 + m, series.get(201900 + m) * Math.max(0, 1 + g));
        }
        byCounty.put(county.code(), series);
        double yearLy = series.subMap(201901, 201913).values().stream().mapToDouble(d -> d).sum();
        targets.add(
            new Target(
                county.code(),
                indicator,
                202012,
                "value",
                BigDecimal.valueOf(yearLy * 1.08).setScale(2, java.math.RoundingMode.HALF_UP)));
      }
      months.put(indicator, byCounty);
    }
    Map<Integer, YearFigures> figures = figures(months);

    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("saima-monte-carlo-benchmark")
            .master(master)
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1");
    SparkSessions.required().forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    int partitions = Math.max(2, spark.sparkContext().defaultParallelism());

    MonteCarlo.Setup setup = MonteCarlo.prepare(schemes, figures, counties, targets, 202006);
    MonteCarlo.run(spark, setup, counties, 200, 1, partitions).rankSimulation().count();

    long started = System.nanoTime();
    MonteCarlo.Results results = MonteCarlo.run(spark, setup, counties, trials, 2020, partitions);
    long ranked = results.rankSimulation().count();
    long goals = results.targetProbability().count();
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "monte carlo: %d trials x %d counties x scheme reference (%d targets) on %s, %d"
            + " partitions: %.1f s%n",
        trials,
        ranked,
        goals,
        master,
        partitions,
        seconds);
    spark.stop();
  }

  private static Map<Integer, YearFigures> figures(
      Map<String, Map<String, TreeMap<Integer, Double>>> months) {
    Map<Integer, YearFigures> out = new TreeMap<>();
    for (var byIndicator : months.entrySet()) {
      TreeMap<Integer, Double> province = new TreeMap<>();
      byIndicator
          .getValue()
          .values()
          .forEach(s -> s.forEach((p, v) -> province.merge(p, v, Double::sum)));
      for (var byCounty : byIndicator.getValue().entrySet()) {
        TreeMap<Integer, Double> s = byCounty.getValue();
        for (int period : s.keySet()) {
          BigDecimal month = money(s.get(period));
          BigDecimal ytd = money(ytd(s, period));
          BigDecimal ytdLy = s.containsKey(period - 100) ? money(ytd(s, period - 100)) : null;
          BigDecimal monthLy = s.containsKey(period - 100) ? money(s.get(period - 100)) : null;
          BigDecimal provinceYtd = money(ytd(province, period));
          BigDecimal provinceLy =
              province.containsKey(period - 100) ? money(ytd(province, period - 100)) : null;
          Double share = Figures.sharePct(ytd, provinceYtd);
          Double shareLy = Figures.sharePct(ytdLy, provinceLy);
          out.computeIfAbsent(period / 100, YearFigures::new)
              .put(
                  period,
                  byIndicator.getKey(),
                  byCounty.getKey(),
                  new Figures(
                      month,
                      ytd,
                      ytdLy,
                      Figures.growthPct(month, monthLy),
                      Figures.growthPct(ytd, ytdLy),
                      share,
                      shareLy,
                      share == null || shareLy == null ? null : share - shareLy,
                      provinceYtd));
        }
      }
    }
    return out;
  }

  private static double ytd(TreeMap<Integer, Double> s, int period) {
    double sum = 0;
    for (int p = (period / 100) * 100 + 1; p <= period; p++) {
      sum += s.getOrDefault(p, 0.0);
    }
    return sum;
  }

  private static BigDecimal money(double v) {
    return BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
