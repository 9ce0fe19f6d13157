package io.saima.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  @TempDir Path home;
  @TempDir Path work;

  private Map<String, String> env;

  @BeforeEach
  void installationWithDefaults() throws IOException {
    Files.createDirectories(home.resolve("conf/reference"));
    Files.createDirectories(home.resolve("data-samples/landing"));
    write(
        home.resolve("conf/application.yaml"),
        "landing: ${SAIMA_HOME}/data-samples/landing\n"
            + "warehouse: ./warehouse\n"
            + "reference: ${SAIMA_HOME}/conf/reference\n"
            + "reports: ./reports\n"
            + "home_region: \"330521\"\n"
            + "spark:\n"
            + "  master: local[2]\n"
            + "  conf:\n"
            + "    spark.sql.shuffle.partitions: 4\n"
            + "    spark.ui.enabled: false\n");
    env = new LinkedHashMap<>();
  }

  private ConfigLoader loader() {
    return new ConfigLoader(ConfigSchema.saima(), work, home, env::get);
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  @Test
  void defaultsResolveHomeAndRelativePathsAgainstTheWorkingDirectory() {
    SaimaConfig config = loader().load(null, Map.of(), List.of("landing", "reference"));

    assertEquals(home.resolve("data-samples/landing").toString(), config.landing());
    assertEquals(work.resolve("warehouse").toString(), config.warehouse());
    assertEquals("330521", config.homeRegion());
    assertEquals("local[2]", config.sparkMaster().orElseThrow());
    assertEquals("4", config.sparkConf().get("spark.sql.shuffle.partitions"));
  }

  @Test
  void confFileOverridesDefaultsAndCommandLineOverridesBoth() throws IOException {
    write(
        work.resolve("site.yaml"),
        "warehouse: /data/saima/warehouse\n"
            + "home_region: \"330782\"\n"
            + "spark:\n"
            + "  conf:\n"
            + "    spark.sql.shuffle.partitions: 64\n");
    SaimaConfig config =
        loader()
            .load(
                Path.of("site.yaml"), Map.of("warehouse", "wh", "spark.master", "yarn"), List.of());

    assertEquals(work.resolve("wh").toString(), config.warehouse());
    assertEquals("command line", config.origin("warehouse"));
    assertEquals("330782", config.homeRegion());
    assertEquals("yarn", config.sparkMaster().orElseThrow());
    // Maps merge key by key: the file's value wins, the default's other keys stay.
    assertEquals("64", config.sparkConf().get("spark.sql.shuffle.partitions"));
    assertEquals("false", config.sparkConf().get("spark.ui.enabled"));
  }

  @Test
  void aUriPathIsKeptAsWritten() throws IOException {
    write(work.resolve("cluster.yaml"), "warehouse: s3a://bucket/saima/warehouse\n");
    SaimaConfig config = loader().load(Path.of("cluster.yaml"), Map.of(), List.of());
    assertEquals("s3a://bucket/saima/warehouse", config.warehouse());
  }

  @Test
  void anUnknownKeyNamesTheFileAndTheKey() throws IOException {
    write(work.resolve("bad.yaml"), "spark:\n  mastr: local[4]\n");
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> loader().load(Path.of("bad.yaml"), Map.of(), List.of()));
    assertEquals(work.resolve("bad.yaml").toString(), e.source());
    assertEquals("spark.mastr", e.key());
    assertTrue(e.getMessage().contains("unknown key"), e.getMessage());
  }

  @Test
  void aWrongTypeSaysWhatIsExpected() throws IOException {
    write(work.resolve("bad.yaml"), "spark: local[4]\n");
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> loader().load(Path.of("bad.yaml"), Map.of(), List.of()));
    assertEquals("spark", e.key());
    assertTrue(e.getMessage().contains("expected a mapping"), e.getMessage());

    write(work.resolve("bad2.yaml"), "ingest:\n  header_aliases:\n    period: 统计月份\n");
    ConfigException e2 =
        assertThrows(
            ConfigException.class, () -> loader().load(Path.of("bad2.yaml"), Map.of(), List.of()));
    assertEquals("ingest.header_aliases.period", e2.key());
    assertTrue(e2.getMessage().contains("list of strings"), e2.getMessage());
  }

  @Test
  void aMissingInputFolderIsReportedWithTheFileItCameFrom() throws IOException {
    write(work.resolve("site.yaml"), "landing: /nonexistent/landing\n");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> loader().load(Path.of("site.yaml"), Map.of(), List.of("landing")));
    assertEquals("landing", e.key());
    assertEquals(work.resolve("site.yaml").toString(), e.source());
    assertTrue(e.getMessage().contains("no such folder: /nonexistent/landing"), e.getMessage());
  }

  @Test
  void aMissingConfFileIsAnError() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> loader().load(Path.of("nowhere.yaml"), Map.of(), List.of()));
    assertEquals("--conf", e.key());
  }

  @Test
  void invalidYamlIsReportedAsSyntax() throws IOException {
    write(work.resolve("broken.yaml"), "spark:\n  master: [local\n");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> loader().load(Path.of("broken.yaml"), Map.of(), List.of()));
    assertEquals("(syntax)", e.key());
  }

  @Test
  void environmentVariablesAreInterpolatedAndAnUnsetOneIsAnError() throws IOException {
    write(work.resolve("env.yaml"), "warehouse: ${WAREHOUSE_ROOT}/wh\n");
    env.put("WAREHOUSE_ROOT", "/srv/saima");
    assertEquals(
        "/srv/saima/wh", loader().load(Path.of("env.yaml"), Map.of(), List.of()).warehouse());

    env.clear();
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> loader().load(Path.of("env.yaml"), Map.of(), List.of()));
    assertTrue(e.getMessage().contains("${WAREHOUSE_ROOT}"), e.getMessage());
  }

  @Test
  void aPathWithAControlCharacterIsRefused() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> loader().load(null, Map.of("warehouse", "wh\u0000x"), List.of()));
    assertEquals("warehouse", e.key());
  }

  @Test
  void aNullValueIsRefused() throws IOException {
    write(work.resolve("null.yaml"), "home_region:\n");
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> loader().load(Path.of("null.yaml"), Map.of(), List.of()));
    assertEquals("home_region", e.key());
  }

  @Test
  void pathsOnHdfsAndS3AreKeptAsWrittenAndNotCheckedForExistence() throws IOException {
    write(
        work.resolve("cluster.yaml"),
        "landing: hdfs:///data/commerce/landing\n"
            + "warehouse: hdfs://namenode:8020/data/commerce/warehouse\n"
            + "reference: s3a://commerce-bucket/saima/reference\n"
            + "reports: file:///srv/saima/reports\n");
    SaimaConfig config =
        loader().load(Path.of("cluster.yaml"), Map.of(), List.of("landing", "reference"));

    assertEquals("hdfs:///data/commerce/landing", config.landing());
    assertEquals("hdfs://namenode:8020/data/commerce/warehouse", config.warehouse());
    assertEquals("s3a://commerce-bucket/saima/reference", config.reference());
    assertEquals("/srv/saima/reports", config.reports());
  }

  @Test
  void theBulletinAndTheSchemesAreOnTheDriversOwnDisk() {
    for (String key : List.of("reports", "scoring.schemes")) {
      ConfigException e =
          assertThrows(
              ConfigException.class,
              () -> loader().load(null, Map.of(key, "hdfs:///data/commerce/" + key), List.of()),
              key);
      assertEquals(key, e.key());
      assertTrue(e.getMessage().contains("expected a local path"), e.getMessage());
    }
  }

  /** Each URI a path may not be, and what the message must say. */
  private static final String[][] REFUSED_URIS = {
    {"s3://bucket/warehouse", "for S3 write s3a://"},
    {"s3n://bucket/warehouse", "for S3 write s3a://"},
    {
      "ftp://host/warehouse",
      "expected a local path or one of [file://, hdfs://, viewfs://, s3a://]"
    },
    {"http://host/warehouse", "expected a local path or one of"},
    {"hdfs://namenode/data/../etc", "'..' segment"},
    {"s3a://bucket/saima/%2e%2e/other", "'..' segment"},
    {"hdfs://namenode/data/./warehouse", "'.' segment"},
    {"file:///srv/saima/../etc", "'..' segment"},
    {"s3a:///warehouse", "names no bucket"},
    {"hdfs://namenode/warehouse?user=root", "query or fragment"},
    {"hdfs://name node/warehouse", "not a valid URI"},
  };

  @Test
  void aUriPathIsRefusedUnlessItIsAPlainPathOnAKnownFileSystem() {
    for (String[] refused : REFUSED_URIS) {
      ConfigException e =
          assertThrows(
              ConfigException.class,
              () -> loader().load(null, Map.of("warehouse", refused[0]), List.of()),
              refused[0]);
      assertEquals("warehouse", e.key(), refused[0]);
      assertTrue(e.getMessage().contains(refused[1]), refused[0] + ": " + e.getMessage());
    }
  }

  @Test
  void aLocalPathMayClimbFromTheWorkingDirectory() {
    SaimaConfig config = loader().load(null, Map.of("warehouse", "../shared/wh"), List.of());
    assertEquals(work.getParent().resolve("shared/wh").toString(), config.warehouse());
  }

  @Test
  void credentialsInAPathAreRefusedAndNeverRepeated() throws IOException {
    write(
        work.resolve("keys.yaml"), "warehouse: s3a://AKIAEXAMPLE:wJalrXUtnFEMI@bucket/warehouse\n");
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> loader().load(Path.of("keys.yaml"), Map.of(), List.of()));
    assertEquals("warehouse", e.key());
    assertTrue(e.getMessage().contains("holds credentials"), e.getMessage());
    assertFalse(e.getMessage().contains("AKIAEXAMPLE"), e.getMessage());
    assertFalse(e.getMessage().contains("wJalrXUtnFEMI"), e.getMessage());
  }

  @Test
  void aCredentialInTheSparkSettingsOfAFileIsRefused() throws IOException {
    for (String key :
        List.of(
            "spark.hadoop.fs.s3a.access.key",
            "spark.hadoop.fs.s3a.secret.key",
            "spark.hadoop.fs.s3a.session.token",
            "spark.hadoop.fs.s3a.bucket.commerce.secret.key",
            "spark.ssl.keyStorePassword")) {
      write(work.resolve("secret.yaml"), "spark:\n  conf:\n    " + key + ": wJalrXUtnFEMI\n");
      ConfigException e =
          assertThrows(
              ConfigException.class,
              () -> loader().load(Path.of("secret.yaml"), Map.of(), List.of()),
              key);
      assertEquals("spark.conf." + key, e.key());
      assertTrue(e.getMessage().contains("from the environment"), e.getMessage());
      assertFalse(e.getMessage().contains("wJalrXUtnFEMI"), e.getMessage());
    }
  }

  @Test
  void aConfFileGivenAsAUriIsReadThroughHadoopFileSystems() throws IOException {
    write(work.resolve("site.yaml"), "warehouse: hdfs:///data/commerce/warehouse\n");
    SaimaConfig config =
        loader().loadFrom(work.resolve("site.yaml").toUri().toString(), Map.of(), List.of());
    assertEquals("hdfs:///data/commerce/warehouse", config.warehouse());

    ConfigException missing =
        assertThrows(
            ConfigException.class,
            () ->
                loader()
                    .loadFrom(work.resolve("none.yaml").toUri().toString(), Map.of(), List.of()));
    assertEquals("--conf", missing.key());
    assertTrue(missing.getMessage().contains("no such file"), missing.getMessage());

    // Without hadoop-aws on the classpath (it is kept out of the application jar), Hadoop has no
    // s3a file system: the message says so instead of a stack trace.
    ConfigException noS3 =
        assertThrows(
            ConfigException.class,
            () -> loader().loadFrom("s3a://commerce-bucket/site.yaml", Map.of(), List.of()));
    assertTrue(noS3.getMessage().contains("cannot be read"), noS3.getMessage());
    assertTrue(noS3.getMessage().contains("s3a"), noS3.getMessage());

    ConfigException traversal =
        assertThrows(
            ConfigException.class,
            () -> loader().loadFrom("hdfs://namenode/etc/../site.yaml", Map.of(), List.of()));
    assertEquals("--conf", traversal.key());
  }
}
