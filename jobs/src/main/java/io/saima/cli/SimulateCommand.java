package io.saima.cli;

import static org.apache.spark.sql.functions.col;

import io.saima.catalog.SilverTables;
import io.saima.catalog.Warehouse;
import io.saima.config.SaimaConfig;
import io.saima.config.SaimaHome;
import io.saima.pipeline.TaskProgress;
import io.saima.pipeline.WarehouseLease;
import io.saima.scoring.CompetitionScoring;
import io.saima.scoring.County;
import io.saima.scoring.Scheme;
import io.saima.scoring.SchemeLoader;
import io.saima.scoring.ScoreStage;
import io.saima.simulate.MonteCarlo;
import io.saima.simulate.RankGaps;
import io.saima.simulate.Scenario;
import io.saima.simulate.ScenarioStage;
import io.saima.simulate.SimulateStage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code saima simulate}: what-if scenarios, gaps to rank and the Monte Carlo projection.
 *
 * <p>One class, though long: one command whose three modes share the scheme, region and output
 * options and one recorded run.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    header = "Simulates rankings: what-if scenarios, gaps to rank and the Monte Carlo.",
    description = {
      "Works on the gold figures under each scheme of conf/scoring/, or the one --scheme names,"
          + " in one of three modes:",
      "--scenario FILE applies a what-if scenario (conf/scenarios/*.yaml), rescores every"
          + " county and compares it with the baseline; it writes gold.scenario_results.",
      "--gap-to-rank finds the least amount that lifts the --region county to the next rank,"
          + " or to --target-rank; it writes gold.rank_gaps.",
      "--monte-carlo projects the rest of the year; it writes gold.rank_simulation and"
          + " gold.target_probability.",
      "",
      "Results are printed like saima sql's, in --format table, csv or json (two result sets"
          + " for the Monte Carlo, kept apart the same way), for the --region county only when"
          + " it is given. Progress and a summary go to stderr."
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {ExitCode.OK_HELP, ExitCode.FAILURE_HELP, ExitCode.USAGE_HELP})
public final class SimulateCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(SimulateCommand.class);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions.WarehouseOptions common;

  static final class Mode {
    @Option(
        names = "--scenario",
        paramLabel = "FILE",
        description =
            "Apply this what-if scenario file (a name alone is looked up in conf/scenarios/).")
    Path scenario;

    @Option(
        names = "--gap-to-rank",
        description = "Find the gap to the next rank, or to --target-rank.")
    boolean gapToRank;

    @Option(names = "--monte-carlo", description = "Project the year's end by Monte Carlo.")
    boolean monteCarlo;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Mode mode;

  @Mixin SchemeOption scheme;

  @Option(
      names = "--region",
      paramLabel = "CODE",
      description = "The county: required by --gap-to-rank, a filter of the results otherwise.")
  String region;

  @Option(
      names = "--indicator",
      paramLabel = "NAME",
      description = "Only this indicator (--gap-to-rank).")
  String indicator;

  @Option(
      names = "--target-rank",
      paramLabel = "N",
      description = "The rank to reach (--gap-to-rank; default: the next one).")
  Integer targetRank;

  @Option(
      names = "--period",
      paramLabel = "YYYYMM",
      description =
          "The period of the gap, or the last known month of the Monte Carlo (default: the"
              + " latest).")
  String period;

  @Option(
      names = "--trials",
      paramLabel = "N",
      description = "Monte Carlo trials (default: simulate.trials).")
  Long trials;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "The Monte Carlo seed (default: simulate.seed).")
  Long seed;

  @Mixin OutputOptions output;

  private Integer periodValue;

  @Override
  public Integer call() throws IOException {
    Path scenarioFile = validate();
    SaimaConfig config = common.load(List.of());
    Map<String, Scheme> schemes = scheme.select(ScoreStage.schemes(config));
    Scenario scenario = scenarioFile == null ? null : Scenario.load(scenarioFile);
    Warehouse warehouse = CommonOptions.openWarehouse(config);
    try (WarehouseLease lease =
        CommonOptions.lease(warehouse, config, "simulate", UUID.randomUUID().toString())) {
      return simulate(config, schemes, scenarioFile, scenario, warehouse);
    }
  }

  private int simulate(
      SaimaConfig config,
      Map<String, Scheme> schemes,
      Path scenarioFile,
      Scenario scenario,
      Warehouse warehouse)
      throws IOException {
    if (region != null) {
      requireCounty(warehouse);
    }
    if (periodValue != null) {
      Periods.requireKnown(
          spec, periodValue, ScoreCommand.countyPeriods(warehouse), "county figures");
    }
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
    long started = System.nanoTime();
    if (scenario != null) {
      LOG.info("scenario {}: scoring {} scheme(s)", scenarioFile, schemes.size());
      Dataset<Row> results =
          forRegion(ScenarioStage.run(warehouse, schemes, scenario))
              .orderBy("scheme", "rank_scenario", "region_code");
      output.printer(false, out).print(caption("gold.scenario_results"), results);
      LOG.info("scenario {}: done in {}", scenarioFile, seconds(started));
    } else if (mode.gapToRank) {
      LOG.info("gap to rank: county {}, {} scheme(s)", region, schemes.size());
      List<RankGaps.Gap> gaps =
          SimulateStage.writeGaps(
              warehouse,
              SimulateStage.inputs(warehouse, schemes),
              schemes,
              region,
              indicator,
              targetRank == null ? 0 : targetRank,
              periodValue == null ? 0 : periodValue);
      Dataset<Row> rows =
          SimulateStage.gapRows(warehouse.spark(), gaps)
              .select(
                  "scheme",
                  "period",
                  "region_code",
                  "indicator",
                  "ranked_on",
                  "current_rank",
                  "target_rank",
                  "reachable",
                  "amount",
                  "currency",
                  "verified");
      output.printer(false, out).print(caption("gold.rank_gaps"), rows);
      if (gaps.isEmpty()) {
        LOG.info(
            "gap to rank: no gap, {} already holds the rank or has no figures for the period",
            region);
      } else {
        long reachable = gaps.stream().filter(RankGaps.Gap::reachable).count();
        LOG.info(
            "gap to rank: {} gap(s) for {}, {} reachable, written to gold.rank_gaps in {}",
            gaps.size(),
            region,
            reachable,
            seconds(started));
      }
    } else {
      return monteCarlo(config, warehouse, schemes, out, started);
    }
    return ExitCode.OK;
  }

  private int monteCarlo(
      SaimaConfig config,
      Warehouse warehouse,
      Map<String, Scheme> schemes,
      PrintWriter out,
      long started) {
    long n =
        trials != null
            ? trials
            : config.integer("simulate.trials").orElse(SimulateStage.DEFAULT_TRIALS);
    long s =
        seed != null ? seed : config.integer("simulate.seed").orElse(SimulateStage.DEFAULT_SEED);
    LOG.info(
        "monte carlo: {} trials, seed {}, schemes {}; reading the gold figures",
        n,
        s,
        String.join(", ", schemes.keySet()));
    Optional<MonteCarlo.Results> results;
    // The trials run as one stage over spark.range(0, trials), recognised by its call site.
    try (TaskProgress progress =
        TaskProgress.start(
            warehouse.spark().sparkContext(),
            "MonteCarlo",
            "monte carlo",
            "trials",
            n,
            TaskProgress.Units.evenShareOf(n))) {
      results =
          SimulateStage.monteCarlo(
              warehouse,
              SimulateStage.inputs(warehouse, schemes),
              schemes,
              n,
              s,
              periodValue == null ? 0 : periodValue);
    }
    if (results.isEmpty()) {
      LOG.info("monte carlo: nothing to simulate, no period has figures for every indicator");
      return ExitCode.OK;
    }
    Dataset<Row> ranks =
        forRegion(results.get().rankSimulation())
            .select(
                "scheme",
                "as_of_period",
                "region_code",
                "region_name",
                "current_rank",
                "most_likely_rank",
                "expected_rank",
                "rank_p10",
                "rank_p90")
            .orderBy("scheme", "expected_rank", "region_code")
            .cache();
    Dataset<Row> targets =
        forRegion(results.get().targetProbability())
            .select(
                "region_code",
                "indicator",
                "target_period",
                "target_type",
                "target_value",
                "probability_met",
                "value_p10",
                "value_p50",
                "value_p90")
            .orderBy("region_code", "indicator", "target_period")
            .cache();
    SqlOutput printer = output.printer(true, out);
    printer.print(caption("gold.rank_simulation"), ranks);
    printer.print(caption("gold.target_probability"), targets);
    LOG.info(
        "monte carlo: {} trials as of {} in {}: wrote gold.rank_simulation ({} rows) and"
            + " gold.target_probability ({} rows){}",
        n,
        results.get().rankSimulation().isEmpty()
            ? "-"
            : results.get().rankSimulation().first().getAs("as_of_period"),
        seconds(started),
        results.get().rankSimulation().count(),
        results.get().targetProbability().count(),
        region == null
            ? ""
            : "; printed " + ranks.count() + " and " + targets.count() + " for " + region);
    ranks.unpersist();
    targets.unpersist();
    return ExitCode.OK;
  }

  private Dataset<Row> forRegion(Dataset<Row> rows) {
    if (region == null) {
      return rows;
    }
    // Unit codes (towns, streets, platforms) begin with their county's code.
    return rows.where(col("region_code").startsWith(region));
  }

  private static Map<String, Object> caption(String table) {
    Map<String, Object> caption = new LinkedHashMap<>();
    caption.put("table", table);
    return caption;
  }

  private static String seconds(long started) {
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
  }

  /** A county code that silver.regions does not hold is bad usage naming the closest ones. */
  private void requireCounty(Warehouse warehouse) {
    List<County> counties =
        CompetitionScoring.counties(warehouse.readOrEmpty(SilverTables.REGIONS));
    if (counties.stream().anyMatch(c -> c.code().equals(region))) {
      return;
    }
    if (counties.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(),
          "--region " + region + ": silver.regions is empty; run saima ingest first");
    }
    Map<String, String> names = new LinkedHashMap<>();
    counties.forEach(c -> names.put(c.code(), c.name()));
    List<String> closest = Closest.to(region, names.keySet());
    String shown =
        closest.subList(0, Math.min(5, closest.size())).stream()
            .map(code -> code + " " + names.get(code))
            .collect(Collectors.joining(", "));
    throw new ParameterException(
        spec.commandLine(),
        "--region "
            + region
            + " is not a county of silver.regions; the closest are "
            + shown
            + (closest.size() > 5 ? ", … (" + closest.size() + " counties)" : ""));
  }

  /** Checks what needs no Spark; returns the scenario file, or null. */
  private Path validate() throws IOException {
    periodValue = Periods.parse(spec, period);
    Path scenarioFile = mode.scenario == null ? null : scenarioFile(mode.scenario);
    if (mode.gapToRank && region == null) {
      throw new ParameterException(spec.commandLine(), "--gap-to-rank needs --region CODE");
    }
    if (region != null && !region.matches("\\d{6}")) {
      throw new ParameterException(
          spec.commandLine(), "--region expects a 6-digit county code, got '" + region + "'");
    }
    if (indicator != null && !SchemeLoader.INDICATORS.contains(indicator)) {
      throw new ParameterException(
          spec.commandLine(),
          "--indicator "
              + indicator
              + " is not an indicator; the indicators are "
              + Closest.list(indicator, SchemeLoader.INDICATORS, 20));
    }
    if (targetRank != null && targetRank < 1) {
      throw new ParameterException(spec.commandLine(), "--target-rank must be 1 or more");
    }
    if (trials != null && trials < 1) {
      throw new ParameterException(spec.commandLine(), "--trials must be 1 or more");
    }
    return scenarioFile;
  }

  /**
   * The scenario file: the path as given, or a bare name found in conf/scenarios/. A file that
   * exists in neither is bad usage naming the scenarios there are, closest first.
   */
  private Path scenarioFile(Path given) throws IOException {
    if (Files.isRegularFile(given)) {
      return given;
    }
    Path folder = SaimaHome.locate().resolve("conf").resolve("scenarios");
    if (given.getParent() == null && Files.isRegularFile(folder.resolve(given))) {
      return folder.resolve(given);
    }
    Path listed =
        given.getParent() != null && Files.isDirectory(given.getParent())
            ? given.getParent()
            : folder;
    List<String> known = new ArrayList<>();
    if (Files.isDirectory(listed)) {
      try (Stream<Path> files = Files.list(listed)) {
        files
            .map(f -> f.getFileName().toString())
            .filter(f -> f.endsWith(".yaml") || f.endsWith(".yml"))
            .forEach(known::add);
      }
    }
    throw new ParameterException(
        spec.commandLine(),
        "--scenario "
            + given
            + ": no such file; the scenarios in "
            + listed
            + " are "
            + Closest.list(given.getFileName().toString(), known, 10));
  }
}
