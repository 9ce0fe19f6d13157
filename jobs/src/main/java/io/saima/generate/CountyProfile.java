package io.saima.generate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A county's calibration: its 2019 annual levels and its full-year 2020 growth, from {@code
 * county-profiles.csv} (Zhejiang's 90 counties, sized after DOMAIN.md). A county missing from it
 * (another province's regions file) gets a modest profile derived from its code.
 */
record CountyProfile(
    String countyCode,
    double export2019Cny,
    double exportGrowth2020Pct,
    double cbecShare2019Pct,
    double cbecGrowth2020Pct,
    double procurementSharePct,
    double processingSharePct,
    double retail2019Cny,
    double retailGrowth2020Pct,
    double onlineRatio,
    double onlineGrowth2020Pct,
    double aboveQuotaRatio,
    double fdi2019Usd,
    double fdiGrowth2020Pct) {

  static final String RESOURCE = "county-profiles.csv";

  static Map<String, CountyProfile> bundled() {
    Map<String, CountyProfile> profiles = new LinkedHashMap<>();
    try (InputStream in = CountyProfile.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      boolean header = true;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        if (header) {
          header = false;
          continue;
        }
        String[] f = line.split(",", -1);
        profiles.put(
            f[0],
            new CountyProfile(
                f[0],
                Double.parseDouble(f[1]),
                Double.parseDouble(f[2]),
                Double.parseDouble(f[3]),
                Double.parseDouble(f[4]),
                Double.parseDouble(f[5]),
                Double.parseDouble(f[6]),
                Double.parseDouble(f[7]),
                Double.parseDouble(f[8]),
                Double.parseDouble(f[9]),
                Double.parseDouble(f[10]),
                Double.parseDouble(f[11]),
                Double.parseDouble(f[12]),
                Double.parseDouble(f[13])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return profiles;
  }

  /** A profile for a county the bundled calibration does not know, stable for its code. */
  static CountyProfile derived(String countyCode) {
    double size = StrictMath.exp(2.0 * (Seeds.stableUniform(countyCode, "size") - 0.5));
    double growth = Seeds.stableUniform(countyCode, "growth");
    return new CountyProfile(
        countyCode,
        8.0e9 * size,
        -5 + 20 * growth,
        2.0,
        30,
        0,
        6,
        15.0e9 * size,
        -6 + 8 * growth,
        0.6,
        12,
        1.6,
        60.0e6 * size,
        10);
  }
}
