package io.saima.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.Source;
import io.saima.config.ConfigException;
import io.saima.config.ConfigLoader;
import io.saima.config.ConfigSchema;
import io.saima.config.SaimaConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReaderSettingsTest {
  @TempDir Path work;

  private SaimaConfig load(String conf) throws Exception {
    Path home = Path.of(System.getProperty("saima.home"));
    Path file = work.resolve("extra.yaml");
    Files.writeString(file, conf);
    return new ConfigLoader(ConfigSchema.saima(), work, home, name -> null)
        .load(file, Map.of(), List.of());
  }

  @Test
  void theDefaultsDetectTheEncodingAndCarryTheChineseAliases() throws Exception {
    ReaderSettings settings =
        ReaderSettings.of(load("home_region: \"330521\"\n"), Source.RETAIL_SALES);
    assertEquals("auto", settings.encoding());
    assertTrue(settings.headerAliases().get("period").contains("统计月份"));
    assertTrue(settings.headerAliases().get("retail_sales_cny").contains("社会消费品零售总额"));
  }

  @Test
  void anEncodingSetPerSourceIsUsedAndAnUnknownOneIsAConfigurationError() throws Exception {
    SaimaConfig config =
        load("ingest:\n  encodings:\n    customs_exports: gbk\n    fdi_inflows: latin1\n");
    assertEquals("GBK", ReaderSettings.of(config, Source.CUSTOMS_EXPORTS).encoding());
    ConfigException e =
        assertThrows(ConfigException.class, () -> ReaderSettings.of(config, Source.FDI_INFLOWS));
    assertTrue(e.getMessage().contains("ingest.encodings.fdi_inflows"), e.getMessage());
  }
}
