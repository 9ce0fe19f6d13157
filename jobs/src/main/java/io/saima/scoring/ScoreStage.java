package io.saima.scoring;

import io.saima.catalog.GoldTables;
import io.saima.catalog.ScoringTables;
import io.saima.catalog.SilverTables;
import io.saima.catalog.TableContract;
import io.saima.catalog.Warehouse;
import io.saima.config.ConfigException;
import io.saima.config.SaimaConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scoring layer's edge: reads gold figures and reference data, scores every configured scheme
 * and writes {@code gold.competition_scores}, {@code gold.competition_ranking} and {@code
 * gold.score_gaps}. Rerunning it for the same periods replaces exactly those rows.
 */
public final class ScoreStage {
  private static final Logger LOG = LoggerFactory.getLogger(ScoreStage.class);

  private ScoreStage() {}

  /** What one run wrote, per scheme. */
  public record Summary(Map<String, List<Integer>> periodsByScheme, long rankingRows) {
    public String describe() {
      StringBuilder out = new StringBuilder();
      periodsByScheme.forEach(
          (scheme, periods) ->
              out.append("scheme ")
                  .append(scheme)
                  .append(": ")
                  .append(periods.size())
                  .append(" period(s)")
                  .append(
                      periods.isEmpty()
                          ? ""
                          : " " + periods.get(0) + ".." + periods.get(periods.size() - 1))
                  .append('\n'));
      out.append(rankingRows).append(" ranking row(s) written");
      return out.toString();
    }
  }

  /** The configured schemes, by name. */
  public static Map<String, Scheme> schemes(SaimaConfig config) {
    String folder = config.string("scoring.schemes");
    if (folder == null || folder.isBlank()) {
      throw new ConfigException("configuration", "scoring.schemes", "is not set");
    }
    return SchemeLoader.loadFolder(Path.of(folder));
  }

  /** Scores every scheme for these periods (empty: every period); what the night calls. */
  public static Summary run(
      Warehouse warehouse, SaimaConfig config, Optional<Set<Integer>> periods) {
    return run(warehouse, schemes(config), periods);
  }

  /** Scores the given schemes for these periods (empty: every period). */
  public static Summary run(
      Warehouse warehouse, Map<String, Scheme> schemes, Optional<Set<Integer>> periods) {
    // Read once for every scheme: each scoring would otherwise collect them again.
    Map<Integer, YearFigures> figures =
        CompetitionScoring.figures(
            warehouse.readOrEmpty(GoldTables.INDICATOR_MONTHLY),
            CompetitionScoring.indicators(schemes.values()));
    List<County> counties =
        CompetitionScoring.counties(warehouse.readOrEmpty(SilverTables.REGIONS));
    List<Target> targets = CompetitionScoring.targets(warehouse.readOrEmpty(SilverTables.TARGETS));
    Map<String, List<Integer>> written = new LinkedHashMap<>();
    List<Dataset<Row>> scores = new ArrayList<>();
    List<Dataset<Row>> rankings = new ArrayList<>();
    List<Dataset<Row>> gaps = new ArrayList<>();
    List<String> slices = new ArrayList<>();
    List<Dataset<Row>> cached = new ArrayList<>();
    long rows = 0;
    for (Scheme scheme : schemes.values()) {
      CompetitionScoring.Scored scored =
          CompetitionScoring.score(warehouse.spark(), scheme, figures, counties, targets, periods);
      Dataset<Row> ranking = scored.ranking().cache();
      cached.add(ranking);
      List<Integer> scoredPeriods =
          ranking.select("period").distinct().collectAsList().stream()
              .map(r -> r.getInt(0))
              .sorted()
              .toList();
      if (periods.isPresent() && scoredPeriods.isEmpty()) {
        LOG.info("scheme {}: none of the periods {} can be scored", scheme.name(), periods.get());
      } else {
        scores.add(scored.scores());
        rankings.add(ranking);
        gaps.add(ScoreGaps.explain(scheme, scored.scores(), ranking));
        slices.add(condition(scheme, periods.isPresent() ? scoredPeriods : null));
      }
      rows += ranking.count();
      written.put(scheme.name(), new ArrayList<>(scoredPeriods));
      LOG.info("scheme {}: scored {} period(s)", scheme.name(), scoredPeriods.size());
    }
    // One commit per table for every scheme: the schemes' slices are disjoint.
    if (!slices.isEmpty()) {
      String condition = Warehouse.anyOf(slices);
      write(warehouse, GoldTables.COMPETITION_SCORES, unionAll(scores), condition);
      write(warehouse, GoldTables.COMPETITION_RANKING, unionAll(rankings), condition);
      write(warehouse, ScoringTables.SCORE_GAPS, unionAll(gaps), condition);
    }
    cached.forEach(Dataset::unpersist);
    return new Summary(written, rows);
  }

  /** The slice a run replaces; scheme names are validated identifiers, periods integers. */
  static String condition(Scheme scheme, List<Integer> periods) {
    String bySheme = "scheme = '" + scheme.name() + "'";
    if (periods == null) {
      return bySheme;
    }
    return bySheme
        + " AND period IN ("
        + periods.stream().map(String::valueOf).collect(Collectors.joining(", "))
        + ")";
  }

  private static Dataset<Row> unionAll(List<Dataset<Row>> parts) {
    Dataset<Row> all = parts.get(0);
    for (Dataset<Row> part : parts.subList(1, parts.size())) {
      all = all.unionByName(part);
    }
    return all;
  }

  private static void write(
      Warehouse warehouse, TableContract contract, Dataset<Row> rows, String condition) {
    warehouse.replaceWhere(contract, rows, condition);
  }
}
