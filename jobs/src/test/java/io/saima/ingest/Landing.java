package io.saima.ingest;

import io.saima.catalog.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes landing folders and reference files for tests, line by line. */
public final class Landing {
  public final Path landing;
  public final Path reference;

  public Landing(Path root) {
    this.landing = root.resolve("landing");
    this.reference = root.resolve("reference");
    write(
        reference.resolve("regions.csv"),
        "county_code,county_name,city_code,city_name,province_code,province_name,competition_group",
        "330521,德清县,330500,湖州市,330000,浙江省,county",
        "330522,长兴县,330500,湖州市,330000,浙江省,county");
    write(
        reference.resolve("units.csv"),
        "unit_code,unit_name,unit_type,county_code",
        "330521001,武康街道,street,330521");
    write(
        reference.resolve("fx_rates.csv"),
        "period,usd_cny",
        "202001,6.9500",
        "202002,7.0000",
        "202003,7.0000");
    write(
        reference.resolve("targets.csv"),
        "region_code,indicator,target_period,target_type,target_value",
        "330521,export,202012,growth_pct,10.00");
  }

  /** Writes {@code <landing>/<source>/<delivery>/<file>} with these lines. */
  public Path file(Source source, String delivery, String file, String... lines) {
    Path path = landing.resolve(source.id()).resolve(delivery).resolve(file);
    write(path, lines);
    return path;
  }

  public static void write(Path path, String... lines) {
    try {
      Files.createDirectories(path.getParent());
      Files.writeString(
          path, lines.length == 0 ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
