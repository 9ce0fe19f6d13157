package io.saima.scoring;

import io.saima.catalog.Indicators;
import io.saima.config.ConfigException;
import io.saima.scoring.Scheme.Indicator;
import io.saima.scoring.Scheme.Measure;
import io.saima.scoring.Scheme.ProgressBonus;
import io.saima.scoring.Scheme.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads scoring schemes from {@code <folder>/*.yaml} (configuration key {@code scoring.schemes}).
 * Every file is checked completely; a file that is wrong is refused with its name and the key.
 *
 * <p>One class, though long: it is the whole grammar of a scheme file, every key checked with the
 * file and the key named.
 */
public final class SchemeLoader {
  private SchemeLoader() {}

  /** Indicators of {@code gold.indicator_monthly} a scheme may score: all of them. */
  public static final Set<String> INDICATORS = Indicators.ids();

  /** Columns of {@code gold.indicator_monthly} a sub-score may be computed on. */
  public static final List<String> MEASURES =
      List.of(
          "value_month",
          "value_ytd",
          "yoy_month_pct",
          "yoy_ytd_pct",
          "share_ytd_pct",
          "share_change_pp");

  /** Weights must add up to 1 within this. */
  private static final double WEIGHT_TOLERANCE = 1e-9;

  /** All schemes of a folder, by name, in file-name order. */
  public static Map<String, Scheme> loadFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new ConfigException("configuration", "scoring.schemes", "no such folder: " + folder);
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(folder)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new ConfigException(
          folder.toString(), "scoring.schemes", "cannot be listed: " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new ConfigException(folder.toString(), "scoring.schemes", "holds no scheme (*.yaml)");
    }
    Map<String, Scheme> out = new LinkedHashMap<>();
    for (Path file : files) {
      Scheme scheme = loadFile(file);
      out.put(scheme.name(), scheme);
    }
    return out;
  }

  public static Scheme loadFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      String expectedName = file.getFileName().toString().replaceFirst("\\.yaml$", "");
      Scheme scheme = parse(in, file.toString());
      if (!scheme.name().equals(expectedName)) {
        throw new ConfigException(
            file.toString(),
            "name",
            "is '"
                + scheme.name()
                + "' but the file is "
                + expectedName
                + ".yaml; they must agree");
      }
      return scheme;
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "(file)", "cannot be read: " + e.getMessage());
    }
  }

  public static Scheme parse(InputStream in, String source) {
    Object document;
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    } catch (YAMLException | IOException e) {
      throw new ConfigException(source, "(syntax)", "not valid YAML: " + e.getMessage());
    }
    return parse(YamlSection.root(source, document));
  }

  static Scheme parse(YamlSection root) {
    root.allow(
        "name",
        "description",
        "scope",
        "groups",
        "function",
        "winsorize",
        "progress_bonus",
        "indicators");
    String name = root.string("name");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw root.error("name", "'" + name + "' must be a lower-case identifier");
    }
    String scopeText = root.string("scope", "province");
    Scope scope =
        switch (scopeText) {
          case "province" -> Scope.PROVINCE;
          case "group" -> Scope.GROUP;
          default -> throw root.error("scope", "'" + scopeText + "'; expected province or group");
        };
    List<String> groups = root.strings("groups");
    YamlSection defaultFunction = root.has("function") ? root.section("function") : null;
    Map<String, double[]> winsor = new LinkedHashMap<>();
    if (root.has("winsorize")) {
      YamlSection w = root.section("winsorize");
      for (String column : w.keys()) {
        requireMeasure(w, column);
        YamlSection bounds = w.section(column).allow("low", "high");
        double low = bounds.number("low", Double.NaN);
        double high = bounds.number("high", Double.NaN);
        if (!Double.isNaN(low) && !Double.isNaN(high) && low >= high) {
          throw bounds.error("low", "must be below high");
        }
        winsor.put(column, new double[] {low, high});
      }
    }
    ProgressBonus bonus = null;
    if (root.has("progress_bonus")) {
      YamlSection b = root.section("progress_bonus").allow("points_per_place", "cap", "deduct");
      double points = b.number("points_per_place");
      double cap = b.number("cap");
      if (points <= 0) {
        throw b.error("points_per_place", "must be above 0");
      }
      if (cap <= 0) {
        throw b.error("cap", "must be above 0");
      }
      bonus = new ProgressBonus(points, cap, b.bool("deduct", false));
    }
    YamlSection indicatorsSection = root.section("indicators");
    if (indicatorsSection.keys().isEmpty()) {
      throw root.error("indicators", "names no indicator");
    }
    List<Indicator> indicators = new ArrayList<>();
    double totalWeight = 0;
    for (String indicatorName : indicatorsSection.keys()) {
      if (!INDICATORS.contains(indicatorName)) {
        throw indicatorsSection.error(
            indicatorName, "unknown indicator; expected one of " + sorted(INDICATORS));
      }
      YamlSection ind = indicatorsSection.section(indicatorName).allow("weight", "measures");
      double weight = positiveWeight(ind, "weight");
      totalWeight += weight;
      YamlSection measuresSection = ind.section("measures");
      if (measuresSection.keys().isEmpty()) {
        throw ind.error("measures", "names no measure");
      }
      List<Measure> measures = new ArrayList<>();
      double measureWeights = 0;
      for (String column : measuresSection.keys()) {
        requireMeasure(measuresSection, column);
        YamlSection m = measuresSection.section(column).allow("weight", "function");
        double w = positiveWeight(m, "weight");
        measureWeights += w;
        YamlSection functionSection = m.has("function") ? m.section("function") : defaultFunction;
        if (functionSection == null) {
          throw m.error("function", "is missing, and the scheme has no default function");
        }
        double[] bounds = winsor.getOrDefault(column, new double[] {Double.NaN, Double.NaN});
        measures.add(new Measure(column, w, function(functionSection), bounds[0], bounds[1]));
      }
      if (Math.abs(measureWeights - 1) > WEIGHT_TOLERANCE) {
        throw ind.error(
            "measures", "weights add up to " + format(measureWeights) + "; they must add up to 1");
      }
      indicators.add(new Indicator(indicatorName, weight, List.copyOf(measures)));
    }
    if (Math.abs(totalWeight - 1) > WEIGHT_TOLERANCE) {
      throw root.error(
          "indicators", "weights add up to " + format(totalWeight) + "; they must add up to 1");
    }
    return new Scheme(
        name,
        root.file(),
        root.string("description", ""),
        scope,
        List.copyOf(groups),
        List.copyOf(indicators),
        bonus);
  }

  static ScoringFunction function(YamlSection f) {
    String type = f.string("type");
    switch (type) {
      case "efficacy":
        {
          f.allow(
              "type",
              "base",
              "span",
              "x_low",
              "x_high",
              "target_as_x_high",
              "smaller_is_better",
              "equal_score",
              "null_score");
          double base = f.number("base", 60);
          double span = f.number("span", 40);
          if (span <= 0) {
            throw f.error("span", "must be above 0");
          }
          double xLow = f.number("x_low", Double.NaN);
          double xHigh = f.number("x_high", Double.NaN);
          boolean target = f.bool("target_as_x_high", false);
          if (target && f.has("x_high")) {
            throw f.error("x_high", "cannot be set together with target_as_x_high");
          }
          if (!Double.isNaN(xLow) && !Double.isNaN(xHigh) && xLow == xHigh) {
            throw f.error("x_high", "must differ from x_low");
          }
          return new ScoringFunction.Efficacy(
              base,
              span,
              xLow,
              xHigh,
              target,
              f.bool("smaller_is_better", false),
              f.number("equal_score", base + span),
              f.number("null_score", base));
        }
      case "rank_points":
        {
          f.allow("type", "full", "smaller_is_better", "null_score");
          double full = f.number("full", 100);
          if (full <= 0) {
            throw f.error("full", "must be above 0");
          }
          return new ScoringFunction.RankPoints(
              full, f.bool("smaller_is_better", false), f.number("null_score", 0));
        }
      case "zscore":
        {
          f.allow(
              "type", "center", "scale", "clip", "smaller_is_better", "equal_score", "null_score");
          double center = f.number("center", 50);
          double scale = f.number("scale", 10);
          double clip = f.number("clip", 3);
          if (scale <= 0) {
            throw f.error("scale", "must be above 0");
          }
          if (clip <= 0) {
            throw f.error("clip", "must be above 0");
          }
          return new ScoringFunction.ZScore(
              center,
              scale,
              clip,
              f.bool("smaller_is_better", false),
              f.number("equal_score", center),
              f.number("null_score", center - scale * clip));
        }
      case "minmax":
        {
          f.allow("type", "scale", "smaller_is_better", "equal_score", "null_score");
          double scale = f.number("scale", 100);
          if (scale <= 0) {
            throw f.error("scale", "must be above 0");
          }
          return new ScoringFunction.MinMax(
              scale,
              f.bool("smaller_is_better", false),
              f.number("equal_score", scale),
              f.number("null_score", 0));
        }
      case "threshold":
        {
          f.allow("type", "value", "target", "smaller_is_better", "met", "not_met", "null_score");
          boolean target = f.bool("target", false);
          if (target == f.has("value")) {
            throw f.error(
                "value", "give either a fixed value or target: true, not both or neither");
          }
          double notMet = f.number("not_met", 0);
          return new ScoringFunction.Threshold(
              f.number("value", Double.NaN),
              target,
              f.bool("smaller_is_better", false),
              f.number("met", 100),
              notMet,
              f.number("null_score", notMet));
        }
      default:
        throw f.error(
            "type", "'" + type + "'; expected efficacy, rank_points, zscore, minmax or threshold");
    }
  }

  private static void requireMeasure(YamlSection section, String column) {
    if (!MEASURES.contains(column)) {
      throw section.error(column, "unknown measure; expected one of " + MEASURES);
    }
  }

  private static double positiveWeight(YamlSection section, String key) {
    double w = section.number(key);
    if (w <= 0 || w > 1) {
      throw section.error(key, "must be above 0 and at most 1, got " + format(w));
    }
    return w;
  }

  private static List<String> sorted(Set<String> set) {
    return set.stream().sorted().toList();
  }

  private static String format(double d) {
    return String.format(Locale.ROOT, "%.6g", d);
  }
}
