package io.saima.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The reference data the generator needs: counties, their cities, units and monthly rates. */
final class Reference {
  record County(String code, String name, String cityCode, String cityName) {
    String shortName() {
      return Enterprises.shortName(name);
    }
  }

  record Unit(String code, String type, String countyCode) {
    /** Streets (the county seat) carry more firms than towns; stable for the code. */
    double weight() {
      double base = type.equals("street") ? 2.0 : type.equals("platform") ? 1.5 : 1.0;
      return base * (0.4 + Seeds.stableUniform("unit", code));
    }
  }

  private final List<County> counties;
  private final Map<String, List<Unit>> unitsByCounty;
  private final TreeMap<String, Double> rates;

  private Reference(
      List<County> counties, Map<String, List<Unit>> units, TreeMap<String, Double> rates) {
    this.counties = counties;
    this.unitsByCounty = units;
    this.rates = rates;
  }

  static Reference load(Path folder) {
    List<County> counties = new ArrayList<>();
    for (Map<String, String> row : read(folder.resolve("regions.csv"))) {
      counties.add(
          new County(
              row.get("county_code"),
              row.get("county_name"),
              row.get("city_code"),
              row.get("city_name")));
    }
    counties.sort(java.util.Comparator.comparing(County::code));
    Map<String, List<Unit>> units = new LinkedHashMap<>();
    Path unitsFile = folder.resolve("units.csv");
    if (Files.isRegularFile(unitsFile)) {
      for (Map<String, String> row : read(unitsFile)) {
        units
            .computeIfAbsent(row.get("county_code"), k -> new ArrayList<>())
            .add(new Unit(row.get("unit_code"), row.get("unit_type"), row.get("county_code")));
      }
    }
    TreeMap<String, Double> rates = new TreeMap<>();
    for (Map<String, String> row : read(folder.resolve("fx_rates.csv"))) {
      rates.put(row.get("period"), Double.parseDouble(row.get("usd_cny")));
    }
    if (counties.isEmpty() || rates.isEmpty()) {
      throw new IllegalArgumentException(
          "the reference folder " + folder + " needs regions.csv and fx_rates.csv with rows");
    }
    return new Reference(List.copyOf(counties), units, rates);
  }

  List<County> counties() {
    return counties;
  }

  List<String> cities() {
    return List.copyOf(new TreeSet<>(counties.stream().map(County::cityCode).toList()));
  }

  /** The city's name as regions.csv spells it, e.g. 湖州市. */
  String cityName(String cityCode) {
    return counties.stream()
        .filter(c -> c.cityCode().equals(cityCode))
        .map(County::cityName)
        .findFirst()
        .orElse(cityCode);
  }

  List<County> countiesOf(String cityCode) {
    return counties.stream().filter(c -> c.cityCode().equals(cityCode)).toList();
  }

  List<Unit> unitsOf(String countyCode) {
    return unitsByCounty.getOrDefault(countyCode, List.of());
  }

  /** The month's average USD/CNY rate; the nearest month's when fx_rates.csv stops short. */
  double monthRate(YearMonth period) {
    String key = LandingGenerator.yyyymm(period);
    Double rate = rates.get(key);
    if (rate != null) {
      return rate;
    }
    Map.Entry<String, Double> floor = rates.floorEntry(key);
    return floor != null ? floor.getValue() : rates.firstEntry().getValue();
  }

  /**
   * The rate of one day: customs converts each declaration at its day's rate, which wanders around
   * the month's average by a few tenths of a percent.
   */
  double dayRate(YearMonth period, int day) {
    double phase = 2 * StrictMath.PI * Seeds.stableUniform("fx-phase", period.toString());
    double wave = StrictMath.sin(phase + 2 * StrictMath.PI * (day - 1) / period.lengthOfMonth());
    double jitter = Seeds.stableUniform("fx-day", period.toString(), day) - 0.5;
    return monthRate(period) * (1 + 0.004 * wave + 0.001 * jitter);
  }

  private static List<Map<String, String>> read(Path file) {
    List<Map<String, String>> rows = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = reader.readLine();
      if (header == null) {
        return rows;
      }
      if (header.startsWith("\uFEFF")) {
        header = header.substring(1);
      }
      String[] names = header.split(",", -1);
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split(",", -1);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < names.length && i < fields.length; i++) {
          row.put(names[i].trim(), fields[i].trim());
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return rows;
  }
}
