package io.saima.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceDataTest {
  private static final String REGIONS =
      "county_code,county_name,city_code,city_name,province_code,province_name,competition_group\n"
          + "330521,德清县,330500,湖州市,330000,浙江省,other\n"
          + "330522,长兴县,330500,湖州市,330000,浙江省,other\n";
  private static final String UNITS =
      "unit_code,unit_name,unit_type,county_code\n"
          + "330521001,武康街道,street,330521\n"
          + "330521100,新市镇,town,330521\n";
  private static final String FX_RATES = "period,usd_cny\n202001,6.9614\n202002,7\n";
  private static final String TARGETS =
      "region_code,indicator,target_period,target_type,target_value\n"
          + "330521,export,202006,growth_pct,18\n"
          + "330521,fdi_actual,202012,value,250000000.00\n"
          + "330521,fdi_actual,202012,growth_pct,-2.5\n"
          + "330521001,export,202012,value,1200000.5\n";

  @TempDir Path dir;

  private void write(String regions, String units, String fxRates, String targets)
      throws Exception {
    Files.writeString(dir.resolve("regions.csv"), regions, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("units.csv"), units, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("fx_rates.csv"), fxRates, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("targets.csv"), targets, StandardCharsets.UTF_8);
  }

  private ReferenceDataException failure() {
    return assertThrows(
        ReferenceDataException.class,
        () -> ReferenceData.load(dir.toString(), new Configuration()));
  }

  @Test
  void validFilesAreTypedForTheSilverTablesAndTheLookup() throws Exception {
    write(REGIONS, UNITS, FX_RATES, TARGETS);
    ReferenceData data = ReferenceData.load(dir.toString(), new Configuration());

    assertEquals(2, data.regions().size());
    assertArrayEquals(
        new Object[] {"330521", "德清县", "330500", "湖州市", "330000", "浙江省", "other"},
        data.regions().get(0));
    assertArrayEquals(new Object[] {"330521100", "新市镇", "town", "330521"}, data.units().get(1));
    assertArrayEquals(new Object[] {202002, new BigDecimal("7.0000")}, data.fxRates().get(1));
    assertArrayEquals(
        new Object[] {"330521001", "export", 202012, "value", new BigDecimal("1200000.50")},
        data.targets().get(3));
    assertArrayEquals(
        new Object[] {"330521", "fdi_actual", 202012, "growth_pct", new BigDecimal("-2.50")},
        data.targets().get(2));
    assertEquals(
        new ReferenceLookup(
            Set.of("330521", "330522"),
            Map.of("330521001", "330521", "330521100", "330521"),
            Map.of(202001, new BigDecimal("6.9614"), 202002, new BigDecimal("7.0000"))),
        data.lookup());
  }

  @Test
  void theCommittedRegionsAndUnitsPassTheChecks() throws Exception {
    Path committed = Path.of(System.getProperty("saima.home"), "conf", "reference");
    write(
        REGIONS, UNITS, FX_RATES, "region_code,indicator,target_period,target_type,target_value\n");
    Files.copy(
        committed.resolve("regions.csv"),
        dir.resolve("regions.csv"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        committed.resolve("units.csv"),
        dir.resolve("units.csv"),
        StandardCopyOption.REPLACE_EXISTING);
    ReferenceData data = ReferenceData.load(dir.toString(), new Configuration());
    assertEquals(90, data.regions().size());
    assertEquals(13, data.units().size());
    assertTrue(data.lookup().countyCodes().contains("330521"));
  }

  /** Each case breaks one line of one file; the error names that file, that line and the fix. */
  @ParameterizedTest(name = "{0} line {1}: {3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "regions.csv|3|330522,长兴县,330500,湖州市,330000,浙江省,other=33052,长兴县,330500,湖州市,330000,浙江省,other|6-digit",
        "regions.csv|3|330522,长兴县=330521,长兴县|listed twice",
        "regions.csv|2|330521,德清县,330500,湖州市,330000,浙江省,other=330521,德清县,330500,湖州市,330000,浙江省,|competition_group is empty",
        "regions.csv|3|330522,长兴县,330500,湖州市,330000,浙江省,other=330522,长兴县,330500|fields where the header has 7",
        "units.csv|3|330521100,新市镇,town,330521=330521100,新市镇,village,330521|unit_type 'village' is not one of platform, street, town",
        "units.csv|3|330521100,新市镇,town,330521=330521100,新市镇,town,330599|county_code '330599' is not in regions.csv",
        "units.csv|3|330521100=330521001|unit_code 330521001 is listed twice",
        "fx_rates.csv|2|6.9614=6.96145|usd_cny '6.96145'",
        "fx_rates.csv|3|7=0|rate above 0",
        "fx_rates.csv|3|202002=202001|period 202001 is listed twice",
        "fx_rates.csv|2|202001=202013|1990 to 2100",
        "targets.csv|2|330521,export=330599,export|region_code '330599' is neither",
        "targets.csv|3|fdi_actual=fdi|indicator 'fdi' is not one of",
        "targets.csv|2|growth_pct=percent|target_type 'percent'",
        "targets.csv|5|1200000.5=1200000.555|target_value '1200000.555'",
        "targets.csv|5|1200000.5=1.2e6|target_value '1.2e6' is not a plain decimal",
        "targets.csv|5|330521001,export,202012,value=330521,export,202006,growth_pct|growth_pct target for 330521, export and 202006 is listed twice",
        "targets.csv|1|target_value=value|the header lacks column target_value",
      })
  void aBadLineNamesItsFileAndLine(String file, long line, String change, String expected)
      throws Exception {
    String[] fromTo = change.split("=", 2);
    Map<String, String> contents =
        new java.util.HashMap<>(
            Map.of(
                "regions.csv", REGIONS,
                "units.csv", UNITS,
                "fx_rates.csv", FX_RATES,
                "targets.csv", TARGETS));
    String original = contents.get(file);
    String changed = original.replaceFirst(java.util.regex.Pattern.quote(fromTo[0]), fromTo[1]);
    assertTrue(!changed.equals(original), "the case changes nothing: " + change);
    contents.put(file, changed);
    write(
        contents.get("regions.csv"),
        contents.get("units.csv"),
        contents.get("fx_rates.csv"),
        contents.get("targets.csv"));

    ReferenceDataException e = failure();
    assertEquals(file, e.file());
    assertEquals(line, e.line());
    assertTrue(e.getMessage().startsWith(file + " line " + line + ": "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void aMissingFileOrNonUtf8FileIsNamed() throws Exception {
    write(REGIONS, UNITS, FX_RATES, TARGETS);
    Files.delete(dir.resolve("fx_rates.csv"));
    ReferenceDataException missing = failure();
    assertEquals("fx_rates.csv", missing.file());
    assertTrue(missing.getMessage().contains("not found"), missing.getMessage());

    write(REGIONS, UNITS, FX_RATES, TARGETS);
    Files.write(dir.resolve("units.csv"), UNITS.getBytes(java.nio.charset.Charset.forName("GBK")));
    ReferenceDataException gbk = failure();
    assertEquals("units.csv", gbk.file());
    assertTrue(gbk.getMessage().contains("UTF-8"), gbk.getMessage());
  }

  @Test
  void regionsWithoutACountyAreAnError() throws Exception {
    write(
        REGIONS.substring(0, REGIONS.indexOf('\n') + 1),
        "unit_code,unit_name,unit_type,county_code\n",
        FX_RATES,
        "region_code,indicator,target_period,target_type,target_value\n");
    assertEquals("regions.csv", failure().file());
  }
}
