package io.saima.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.saima.config.ConfigException;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioFileTest {
  private static final Path SCENARIOS =
      Path.of(System.getProperty("saima.home", "..")).resolve("conf/scenarios");

  @Test
  void theDeqingExampleSpreadsOnePointFiveBillionOverJulyToDecember() {
    Scenario s = Scenario.load(SCENARIOS.resolve("deqing-exports-plus-1-5bn.yaml"));
    Scenario.Amount a = s.amounts().get(0);
    assertEquals("330521", a.region());
    assertEquals(new BigDecimal("1500000000.00"), a.amount());
    assertEquals(List.of(202007, 202008, 202009, 202010, 202011, 202012), a.months());
    assertEquals(202012, s.period());
  }

  @Test
  void theProvinceWideShockAppliesToEveryCounty() {
    Scenario s = Scenario.load(SCENARIOS.resolve("province-export-shock-minus-5pct.yaml"));
    assertEquals(List.of(), s.shocks().get(0).regions());
    assertEquals(-5.0, s.shocks().get(0).pct());
    Scenario w = Scenario.load(SCENARIOS.resolve("reference-weights-export-half.yaml"));
    assertEquals(0.5, w.weights().get(0).indicators().get("export"));
  }

  @Test
  void monthsAcrossYearsAreRefusedNamingTheKey() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                Scenario.parse(
                    new ByteArrayInputStream(
                        ("name: x\nadjustments:\n  - {type: amount, indicator: export,"
                                + " region: \"330521\", amount: 1, from: 202011, to: 202102}\n")
                            .getBytes(StandardCharsets.UTF_8)),
                    "x.yaml"));
    assertEquals("adjustments[0].to", e.key());
  }
}
