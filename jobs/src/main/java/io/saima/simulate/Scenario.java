package io.saima.simulate;

import io.saima.config.ConfigException;
import io.saima.scoring.SchemeLoader;
import io.saima.scoring.YamlSection;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A what-if scenario (DESIGN.md, "Simulations"): adjustments to the gold figures or to a scheme's
 * weights, read from a YAML file (examples in {@code conf/scenarios/}).
 *
 * @param period the period compared with the baseline; 0 for the latest that can be scored
 * @param schemes the schemes rescored; empty for all
 */
public record Scenario(
    String name,
    String description,
    int period,
    List<String> schemes,
    List<Amount> amounts,
    List<GrowthShock> shocks,
    List<Weights> weights) {

  /**
   * An amount (in the indicator's currency) for one county, spread evenly over the months given
   * (cents left over go to the last month, so the months add up to the amount exactly).
   */
  public record Amount(String indicator, String region, BigDecimal amount, List<Integer> months) {}

  /** Each listed county's months multiplied by (1 + pct / 100); no regions means every county. */
  public record GrowthShock(
      String indicator, List<String> regions, double pct, List<Integer> months) {}

  /** Other indicator weights for one scheme. */
  public record Weights(String scheme, Map<String, Double> indicators) {}

  public boolean changesFigures() {
    return !amounts.isEmpty() || !shocks.isEmpty();
  }

  public static Scenario load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "(file)", "cannot be read: " + e.getMessage());
    }
  }

  public static Scenario parse(InputStream in, String source) {
    Object document;
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    } catch (YAMLException | IOException e) {
      throw new ConfigException(source, "(syntax)", "not valid YAML: " + e.getMessage());
    }
    YamlSection root = YamlSection.root(source, document);
    root.allow("name", "description", "period", "schemes", "adjustments");
    String name = root.string("name");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw root.error("name", "'" + name + "' must be a lower-case identifier");
    }
    int period = (int) root.integer("period", 0);
    if (period != 0) {
      checkPeriod(root, "period", period);
    }
    List<Amount> amounts = new ArrayList<>();
    List<GrowthShock> shocks = new ArrayList<>();
    List<Weights> weights = new ArrayList<>();
    for (YamlSection a : root.sections("adjustments")) {
      String type = a.string("type");
      switch (type) {
        case "amount" -> {
          a.allow("type", "indicator", "region", "amount", "from", "to");
          // money from YAML: whole yuan or 1.5e9 style; kept to the cent as DECIMAL from here on
          BigDecimal amount =
              BigDecimal.valueOf(a.number("amount")).setScale(2, java.math.RoundingMode.HALF_UP);
          amounts.add(new Amount(indicator(a), region(a, "region"), amount, months(a)));
        }
        case "growth_shock" -> {
          a.allow("type", "indicator", "regions", "pct", "from", "to");
          double pct = a.number("pct");
          if (pct <= -100) {
            throw a.error("pct", "must be above -100");
          }
          List<String> regions = a.strings("regions");
          if (regions.equals(List.of("all"))) {
            regions = List.of();
          }
          for (String r : regions) {
            if (!r.matches("\\d{6}")) {
              throw a.error("regions", "'" + r + "' is not a 6-digit county code (or 'all')");
            }
          }
          shocks.add(new GrowthShock(indicator(a), List.copyOf(regions), pct, months(a)));
        }
        case "weights" -> {
          a.allow("type", "scheme", "indicators");
          YamlSection ind = a.section("indicators");
          Map<String, Double> w = new LinkedHashMap<>();
          for (String key : ind.keys()) {
            if (!SchemeLoader.INDICATORS.contains(key)) {
              throw ind.error(key, "unknown indicator");
            }
            w.put(key, ind.number(key));
          }
          double sum = w.values().stream().mapToDouble(Double::doubleValue).sum();
          if (Math.abs(sum - 1) > 1e-9) {
            throw a.error("indicators", "weights add up to " + sum + "; they must add up to 1");
          }
          weights.add(new Weights(a.string("scheme"), w));
        }
        default ->
            throw a.error("type", "'" + type + "'; expected amount, growth_shock or weights");
      }
    }
    return new Scenario(
        name,
        root.string("description", ""),
        period,
        root.strings("schemes"),
        List.copyOf(amounts),
        List.copyOf(shocks),
        List.copyOf(weights));
  }

  private static String indicator(YamlSection a) {
    String indicator = a.string("indicator");
    if (!SchemeLoader.INDICATORS.contains(indicator)) {
      throw a.error("indicator", "unknown indicator '" + indicator + "'");
    }
    return indicator;
  }

  private static String region(YamlSection a, String key) {
    String region = a.string(key);
    if (!region.matches("\\d{6}")) {
      throw a.error(key, "'" + region + "' is not a 6-digit county code");
    }
    return region;
  }

  /** The months from..to (YYYYMM, the same year), inclusive. */
  private static List<Integer> months(YamlSection a) {
    int from = (int) a.integer("from", 0);
    int to = (int) a.integer("to", 0);
    checkPeriod(a, "from", from);
    checkPeriod(a, "to", to);
    if (to < from || to / 100 != from / 100) {
      throw a.error("to", "must be in the same year as from and not before it");
    }
    List<Integer> out = new ArrayList<>();
    for (int p = from; p <= to; p++) {
      out.add(p);
    }
    return out;
  }

  private static void checkPeriod(YamlSection a, String key, int period) {
    if (period / 100 < 1900 || period % 100 < 1 || period % 100 > 12) {
      throw a.error(key, "expected a period YYYYMM, got " + period);
    }
  }
}
