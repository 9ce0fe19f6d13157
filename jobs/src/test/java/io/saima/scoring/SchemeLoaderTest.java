package io.saima.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.config.ConfigException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemeLoaderTest {

  private static final Path SCHEMES =
      Path.of(System.getProperty("saima.home", "..")).resolve("conf/scoring");

  private static Scheme parse(String yaml) {
    return SchemeLoader.parse(
        new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }

  private static final String VALID =
      """
      name: t
      function: {type: efficacy}
      indicators:
        export:
          weight: 1
          measures:
            value_ytd: {weight: 0.5}
            yoy_ytd_pct: {weight: 0.5}
      """;

  @Test
  void theConfiguredSchemesLoadAndTheReferenceIsAsDesigned() {
    Map<String, Scheme> schemes = SchemeLoader.loadFolder(SCHEMES);
    assertEquals(java.util.Set.of("reference", "mountain", "opening"), schemes.keySet());
    Scheme opening = schemes.get("opening");
    assertEquals(Scheme.Scope.GROUP, opening.scope());
    Scheme.Measure growth = opening.indicators().get(0).measures().get(2);
    assertEquals("yoy_ytd_pct", growth.column());
    assertTrue(growth.function() instanceof ScoringFunction.Threshold, growth.toString());
    Scheme reference = schemes.get("reference");
    assertEquals(Scheme.Scope.PROVINCE, reference.scope());
    assertEquals(
        java.util.List.of("export", "fdi_actual", "retail_sales"), reference.indicatorNames());
    assertEquals(0.4, reference.indicators().get(0).weight());
    Scheme.Measure scale = reference.indicators().get(0).measures().get(0);
    assertEquals("value_ytd", scale.column());
    assertEquals(
        new ScoringFunction.Efficacy(60, 40, Double.NaN, Double.NaN, false, false, 100, 60),
        scale.function());
  }

  @Test
  void aValidSchemeParses() {
    assertEquals("t", parse(VALID).name());
  }

  @Test
  void weightsThatDoNotAddUpToOneAreRefusedNamingTheKey() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> parse(VALID.replace("weight: 0.5}\n", "weight: 0.4}\n")));
    assertEquals("indicators.export.measures", e.key());
    assertEquals("test.yaml", e.source());
  }

  @Test
  void anUnknownMeasureIsRefusedNamingTheKey() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> parse(VALID.replace("yoy_ytd_pct", "yoy_pct")));
    assertEquals("indicators.export.measures.yoy_pct", e.key());
  }

  @Test
  void anUnknownFunctionTypeIsRefusedNamingTheKey() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> parse(VALID.replace("type: efficacy", "type: magic")));
    assertEquals("function.type", e.key());
  }

  @Test
  void anUnknownKeyIsRefused() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> parse(VALID.replace("name: t", "name: t\nrank: 1")));
    assertEquals("rank", e.key());
  }

  @Test
  void aFileWhoseNameDisagreesWithTheSchemeIsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("other.yaml");
    Files.writeString(file, VALID, StandardCharsets.UTF_8);
    ConfigException e = assertThrows(ConfigException.class, () -> SchemeLoader.loadFolder(dir));
    assertEquals(file.toString(), e.source());
    assertEquals("name", e.key());
  }
}
