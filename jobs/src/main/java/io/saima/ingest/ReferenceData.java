package io.saima.ingest;

import io.saima.catalog.Indicators;
import io.saima.catalog.SilverTables;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The reference files of DESIGN.md ("Reference data"), read and checked: {@code regions.csv},
 * {@code units.csv}, {@code fx_rates.csv} and {@code targets.csv}, UTF-8 with or without a byte
 * order mark, English headers (columns in any order, extra columns ignored).
 *
 * <p>Unlike a delivery, reference data is not quarantined row by row: every figure of the night
 * depends on it, so one bad line stops the run, with the file, the line and what was expected.
 * Duplicated keys are errors, as are units and targets of regions that regions.csv does not have.
 *
 * <p>One class, though long: the four files are checked against each other (units and targets must
 * name known regions), so they are read together.
 */
public final class ReferenceData {
  public static final String REGIONS_FILE = "regions.csv";
  public static final String UNITS_FILE = "units.csv";
  public static final String FX_RATES_FILE = "fx_rates.csv";
  public static final String TARGETS_FILE = "targets.csv";

  /** The indicators of {@code gold.indicator_monthly} a target may be set for: all of them. */
  public static final Set<String> INDICATORS = Indicators.ids();

  public static final Set<String> UNIT_TYPES = Set.of(SilverTables.UNIT_TYPES);
  public static final Set<String> TARGET_TYPES = Set.of(SilverTables.TARGET_TYPES);

  private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
  private static final Pattern NINE_DIGITS = Pattern.compile("\\d{9}");
  private static final Pattern RATE = Pattern.compile("\\d{1,6}(\\.\\d{1,4})?");
  private static final Pattern AMOUNT = Pattern.compile("[+-]?\\d{1,18}(\\.\\d{1,2})?");

  private final List<Object[]> regions;
  private final List<Object[]> units;
  private final List<Object[]> fxRates;
  private final List<Object[]> targets;
  private final ReferenceLookup lookup;

  private ReferenceData(
      List<Object[]> regions,
      List<Object[]> units,
      List<Object[]> fxRates,
      List<Object[]> targets,
      ReferenceLookup lookup) {
    this.regions = List.copyOf(regions);
    this.units = List.copyOf(units);
    this.fxRates = List.copyOf(fxRates);
    this.targets = List.copyOf(targets);
    this.lookup = lookup;
  }

  /** Rows of {@code silver.regions}: seven strings. */
  public List<Object[]> regions() {
    return regions;
  }

  /** Rows of {@code silver.units}: unit_code, unit_name, unit_type, county_code. */
  public List<Object[]> units() {
    return units;
  }

  /** Rows of {@code silver.fx_rates}: Integer period, BigDecimal usd_cny (scale 4). */
  public List<Object[]> fxRates() {
    return fxRates;
  }

  /**
   * Rows of {@code silver.targets}: region_code, indicator, Integer target_period, target_type,
   * BigDecimal target_value (scale 2).
   */
  public List<Object[]> targets() {
    return targets;
  }

  public ReferenceLookup lookup() {
    return lookup;
  }

  /** Reads and checks the four files of a folder (a local path or a URI through Hadoop). */
  public static ReferenceData load(String referenceDir, Configuration hadoop)
      throws ReferenceDataException {
    Path dir = new Path(referenceDir);
    FileSystem fs;
    try {
      fs = dir.getFileSystem(hadoop);
    } catch (IOException e) {
      throw new ReferenceDataException(referenceDir, 0, "cannot be opened: " + e.getMessage(), e);
    }

    // regions.csv
    List<Object[]> regions = new ArrayList<>();
    Set<String> countyCodes = new HashSet<>();
    read(
        fs,
        dir,
        REGIONS_FILE,
        List.of(
            "county_code",
            "county_name",
            "city_code",
            "city_name",
            "province_code",
            "province_name",
            "competition_group"),
        row -> {
          String county = row.code("county_code", SIX_DIGITS, "a 6-digit GB/T 2260 code");
          String countyName = row.text("county_name");
          String city = row.code("city_code", SIX_DIGITS, "a 6-digit GB/T 2260 code");
          String cityName = row.text("city_name");
          String province = row.code("province_code", SIX_DIGITS, "a 6-digit GB/T 2260 code");
          String provinceName = row.text("province_name");
          String group = row.text("competition_group");
          if (!countyCodes.add(county)) {
            throw row.error("county_code " + county + " is listed twice");
          }
          regions.add(
              new Object[] {county, countyName, city, cityName, province, provinceName, group});
        });
    if (regions.isEmpty()) {
      throw new ReferenceDataException(
          REGIONS_FILE, 0, "has no county; expected one line per county-level unit");
    }

    // units.csv
    List<Object[]> units = new ArrayList<>();
    Map<String, String> unitCounty = new HashMap<>();
    read(
        fs,
        dir,
        UNITS_FILE,
        List.of("unit_code", "unit_name", "unit_type", "county_code"),
        row -> {
          String unit = row.code("unit_code", NINE_DIGITS, "a 9-digit town or platform code");
          String name = row.text("unit_name");
          String type = row.oneOf("unit_type", UNIT_TYPES);
          String county = row.text("county_code");
          if (!countyCodes.contains(county)) {
            throw row.error("county_code '" + county + "' is not in " + REGIONS_FILE);
          }
          if (unitCounty.putIfAbsent(unit, county) != null) {
            throw row.error("unit_code " + unit + " is listed twice");
          }
          units.add(new Object[] {unit, name, type, county});
        });

    // fx_rates.csv
    List<Object[]> fxRates = new ArrayList<>();
    Map<Integer, BigDecimal> usdCny = new HashMap<>();
    read(
        fs,
        dir,
        FX_RATES_FILE,
        List.of("period", "usd_cny"),
        row -> {
          int period = row.period("period");
          String text = row.text("usd_cny");
          if (!RATE.matcher(text).matches() || new BigDecimal(text).signum() <= 0) {
            throw row.error(
                "usd_cny '"
                    + text
                    + "' is not a rate above 0 with at most 4 decimals (yuan per dollar, e.g."
                    + " 6.8976)");
          }
          BigDecimal rate = new BigDecimal(text).setScale(4, RoundingMode.UNNECESSARY);
          if (usdCny.putIfAbsent(period, rate) != null) {
            throw row.error("period " + period + " is listed twice");
          }
          fxRates.add(new Object[] {period, rate});
        });

    // targets.csv
    List<Object[]> targets = new ArrayList<>();
    Set<String> targetKeys = new HashSet<>();
    read(
        fs,
        dir,
        TARGETS_FILE,
        List.of("region_code", "indicator", "target_period", "target_type", "target_value"),
        row -> {
          String region = row.text("region_code");
          if (!countyCodes.contains(region) && !unitCounty.containsKey(region)) {
            throw row.error(
                "region_code '"
                    + region
                    + "' is neither a county of "
                    + REGIONS_FILE
                    + " nor a unit of "
                    + UNITS_FILE);
          }
          String indicator = row.oneOf("indicator", INDICATORS);
          int period = row.period("target_period");
          String type = row.oneOf("target_type", TARGET_TYPES);
          String text = row.text("target_value");
          if (!AMOUNT.matcher(text).matches()) {
            throw row.error(
                "target_value '"
                    + text
                    + "' is not a plain decimal with at most 2 decimals (no separators, exponents"
                    + " or units)");
          }
          BigDecimal value = new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
          if (type.equals("value") && value.signum() < 0) {
            throw row.error("target_value " + text + " is below 0 for a target of type value");
          }
          // A region may have a value and a growth target for the same indicator and period
          // (Deqing's retail: 8.95 billion yuan and +5% in the first half of 2020).
          if (!targetKeys.add(region + "|" + indicator + "|" + period + "|" + type)) {
            throw row.error(
                "a "
                    + type
                    + " target for "
                    + region
                    + ", "
                    + indicator
                    + " and "
                    + period
                    + " is listed twice");
          }
          targets.add(new Object[] {region, indicator, period, type, value});
        });

    return new ReferenceData(
        regions, units, fxRates, targets, new ReferenceLookup(countyCodes, unitCounty, usdCny));
  }

  /** What to do with each line of a reference file. */
  private interface LineHandler {
    void accept(Line line) throws ReferenceDataException;
  }

  private static void read(
      FileSystem fs, Path dir, String fileName, List<String> columns, LineHandler handler)
      throws ReferenceDataException {
    Path path = new Path(dir, fileName);
    try {
      if (!fs.exists(path)) {
        throw new ReferenceDataException(
            fileName, 0, "not found in " + dir + "; expected columns " + String.join(",", columns));
      }
    } catch (IOException e) {
      throw new ReferenceDataException(fileName, 0, "cannot be opened: " + e.getMessage(), e);
    }
    try (CsvParser parser =
        new CsvParser(
            new InputStreamReader(
                fs.open(path), TextDecoding.strictDecoder(StandardCharsets.UTF_8)))) {
      CsvParser.Row header = nextNonBlank(parser);
      if (header == null) {
        throw new ReferenceDataException(
            fileName, 0, "is empty; expected a header " + String.join(",", columns));
      }
      Map<String, Integer> positions = new LinkedHashMap<>();
      List<String> names = header.fields();
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i).strip().toLowerCase(Locale.ROOT);
        if (columns.contains(name) && positions.putIfAbsent(name, i) != null) {
          throw new ReferenceDataException(
              fileName, header.line(), "the header has column " + name + " twice");
        }
      }
      for (String column : columns) {
        if (!positions.containsKey(column)) {
          throw new ReferenceDataException(
              fileName,
              header.line(),
              "the header lacks column "
                  + column
                  + "; expected "
                  + String.join(",", columns)
                  + ", found "
                  + String.join(",", names));
        }
      }
      CsvParser.Row row;
      while ((row = nextNonBlank(parser)) != null) {
        if (row.fields().size() != names.size()) {
          throw new ReferenceDataException(
              fileName,
              row.line(),
              "has "
                  + row.fields().size()
                  + " fields where the header has "
                  + names.size()
                  + ": "
                  + row.raw());
        }
        handler.accept(new Line(fileName, row, positions));
      }
    } catch (CsvParser.MalformedCsvException e) {
      throw new ReferenceDataException(fileName, 0, "is not well-formed CSV: " + e.getMessage(), e);
    } catch (CharacterCodingException e) {
      throw new ReferenceDataException(fileName, 0, "is not UTF-8 text", e);
    } catch (IOException e) {
      throw new ReferenceDataException(fileName, 0, "cannot be read: " + e.getMessage(), e);
    }
  }

  private static CsvParser.Row nextNonBlank(CsvParser parser) throws IOException {
    CsvParser.Row row;
    do {
      row = parser.next();
    } while (row != null && row.isBlank());
    return row;
  }

  /** One line of a reference file, with checks that name the file and the line. */
  private record Line(String file, CsvParser.Row row, Map<String, Integer> positions) {
    ReferenceDataException error(String problem) {
      return new ReferenceDataException(file, row.line(), problem);
    }

    String text(String column) throws ReferenceDataException {
      String value = row.fields().get(positions.get(column)).strip();
      if (value.isEmpty()) {
        throw error(column + " is empty");
      }
      return value;
    }

    String code(String column, Pattern pattern, String expected) throws ReferenceDataException {
      String value = text(column);
      if (!pattern.matcher(value).matches()) {
        throw error(column + " '" + value + "' is not " + expected);
      }
      return value;
    }

    String oneOf(String column, Set<String> allowed) throws ReferenceDataException {
      String value = text(column);
      if (!allowed.contains(value)) {
        throw error(
            column
                + " '"
                + value
                + "' is not one of "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
      return value;
    }

    int period(String column) throws ReferenceDataException {
      String value = code(column, SIX_DIGITS, "a month written YYYYMM");
      int period = Integer.parseInt(value);
      int year = period / 100;
      int month = period % 100;
      if (year < 1990 || year > 2100 || month < 1 || month > 12) {
        throw error(column + " '" + value + "' is not a month YYYYMM of the years 1990 to 2100");
      }
      return period;
    }
  }
}
