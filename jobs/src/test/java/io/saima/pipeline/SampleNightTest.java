package io.saima.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.GoldTables;
import io.saima.catalog.Warehouse;
import io.saima.testing.SampleNight;
import io.saima.testing.SparkTestBase;
import org.junit.jupiter.api.Test;

/** The README's first command on the bundled samples leaves every gold table filled for Deqing. */
class SampleNightTest extends SparkTestBase {

  @Test
  void theSampleNightFillsGoldScoresAndRanksForTheHomeCounty() {
    Warehouse warehouse = SampleNight.warehouse();
    long monthly =
        warehouse.read(GoldTables.INDICATOR_MONTHLY.id()).filter("region_code = '330521'").count();
    assertTrue(monthly > 100, "indicator_monthly rows for 330521: " + monthly);
    long ranked =
        warehouse
            .read(GoldTables.COMPETITION_RANKING.id())
            .filter("region_code = '330521'")
            .count();
    assertTrue(ranked > 0, "competition_ranking rows for 330521: " + ranked);
  }
}
