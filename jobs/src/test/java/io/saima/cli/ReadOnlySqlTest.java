package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.saima.catalog.TableContract;
import io.saima.catalog.TableId;
import io.saima.catalog.Warehouse;
import io.saima.testing.SparkTestBase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read-only rule, decided on the plan: every write and DDL form is refused — by the rule alone
 * on the analysed plan (as the JDBC server has it) and through {@code saima sql} — and the table is
 * as it was afterwards; queries, SET, SHOW, DESCRIBE, EXPLAIN and temporary views go through. The
 * night's sessions are not held by it.
 */
class ReadOnlySqlTest extends SparkTestBase {

  static TableContract figures(String database) {
    return TableContract.of(
        TableId.of(database, "figures"),
        "one row per name",
        new StructType()
            .add("name", DataTypes.StringType, true)
            .add("amount", DataTypes.createDecimalType(20, 2), true));
  }

  static Warehouse write(Path dir, TableContract contract) {
    Warehouse warehouse = new Warehouse(spark(), dir.toString());
    warehouse.overwrite(
        contract,
        spark()
            .createDataFrame(
                List.of(
                    RowFactory.create("a", new BigDecimal("1.50")),
                    RowFactory.create("b", new BigDecimal("2.00"))),
                contract.schema()));
    return warehouse;
  }

  @Test
  void theRuleAloneRefusesEveryWriteOnTheAnalysedPlanAndLetsReadsThrough(@TempDir Path dir) {
    TableContract contract = figures("readonly_rule");
    Warehouse warehouse = write(dir, contract);
    long version = warehouse.version(contract.id()).orElseThrow();
    List<String> notRefused = new ArrayList<>();
    ReadOnlySql.enforce(spark().sparkContext());
    try {
      for (String statement : ReadOnlyCases.on(ReadOnlyCases.REFUSED, "readonly_rule.figures")) {
        try {
          var result = spark().sql(statement);
          result.collectAsList();
          notRefused.add(statement + " -> " + result.queryExecution().analyzed().treeString());
        } catch (Exception e) {
          if (!(e instanceof AnalysisException) || !e.getMessage().startsWith("read-only: ")) {
            notRefused.add(statement + " -> " + e);
          }
        }
      }
      for (String statement : ReadOnlyCases.on(ReadOnlyCases.ALLOWED, "readonly_rule.figures")) {
        try {
          spark().sql(statement).collectAsList();
        } catch (Exception e) {
          fail("allowed, yet failed: " + statement + " -> " + e.getMessage());
        }
      }
    } finally {
      ReadOnlySql.lift(spark().sparkContext());
    }
    assertEquals(List.of(), notRefused);
    assertEquals(version, warehouse.version(contract.id()).orElseThrow());
    assertEquals(2L, warehouse.read(contract.id()).count());
  }

  @Test
  void saimaSqlRefusesEveryWriteWithExitTwoAndLetsReadsThrough(@TempDir Path dir) {
    TableContract contract = figures("readonly_sql");
    Warehouse warehouse = write(dir, contract);
    long version = warehouse.version(contract.id()).orElseThrow();
    List<String> notRefused = new ArrayList<>();
    for (String statement : ReadOnlyCases.on(ReadOnlyCases.REFUSED, "readonly_sql.figures")) {
      CommandOutput out = CommandOutput.run("sql", "--warehouse", dir.toString(), "-e", statement);
      if (out.exitCode != ExitCode.USAGE
          || !out.firstLineOfStderr().startsWith("saima sql: read-only: ")
          || !out.stdout.isEmpty()) {
        notRefused.add(statement + " -> " + out.exitCode + " " + out.firstLineOfStderr());
      }
    }
    assertEquals(List.of(), notRefused);
    for (String statement : ReadOnlyCases.on(ReadOnlyCases.ALLOWED, "readonly_sql.figures")) {
      CommandOutput out =
          CommandOutput.run(
              "sql", "--warehouse", dir.toString(), "-e", statement, "--format", "csv");
      assertEquals(ExitCode.OK, out.exitCode, statement + "\n" + out.stderr);
    }
    assertEquals(version, warehouse.version(contract.id()).orElseThrow());
    assertEquals(2L, warehouse.read(contract.id()).count());
  }

  @Test
  void aTemporaryViewAndASettingLastForTheScriptThatMadeThem(@TempDir Path dir) {
    write(dir, figures("readonly_script"));
    CommandOutput out =
        CommandOutput.run(
            "sql",
            "--warehouse",
            dir.toString(),
            "-e",
            "SET spark.sql.ansi.enabled = false;"
                + " CREATE TEMPORARY VIEW big AS SELECT * FROM readonly_script.figures"
                + " WHERE amount > 1.6;"
                + " SELECT name FROM big",
            "--format",
            "csv");
    assertEquals(ExitCode.OK, out.exitCode, out.stderr);
    assertTrue(out.stdout.endsWith("name\nb\n"), out.stdout);
  }

  @Test
  void theNightsSessionsAreNotHeldByTheRule(@TempDir Path dir) {
    TableContract contract = figures("readonly_night");
    Warehouse warehouse = write(dir, contract);
    // The rule is in this session's extensions but not enforced: the night writes as ever.
    assertTrue(!ReadOnlySql.enforced(spark().sparkContext()));
    spark().sql("DELETE FROM readonly_night.figures WHERE name = 'a'");
    assertEquals(1L, warehouse.read(contract.id()).count());
  }

  @Test
  void anExternalMetastoreIsAThriftAddressAndSwitchesTheStatisticiansCatalogToHive(
      @TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    java.nio.file.Files.writeString(bad, "sql:\n  metastore: mysql://db:3306/hive\n");
    CommandOutput out =
        CommandOutput.run(
            "sql", "--conf", bad.toString(), "--warehouse", dir.toString(), "-e", "SELECT 1");
    assertEquals(ExitCode.USAGE, out.exitCode, out.stderr);
    assertTrue(out.firstLineOfStderr().contains("sql.metastore"), out.stderr);
    assertTrue(out.firstLineOfStderr().contains("thrift://HOST:PORT"), out.stderr);

    Path good = dir.resolve("good.yaml");
    java.nio.file.Files.writeString(good, "sql:\n  metastore: thrift://metastore.local:9083\n");
    var config =
        io.saima.config.ConfigLoader.forThisProcess().load(good, java.util.Map.of(), List.of());
    var settings = SqlSession.settings(config);
    assertEquals("hive", settings.get("spark.sql.catalogImplementation"));
    assertEquals("thrift://metastore.local:9083", settings.get("spark.hadoop.hive.metastore.uris"));
    assertTrue(settings.get("spark.sql.extensions").endsWith(ReadOnlySql.EXTENSION));
    var embedded =
        SqlSession.settings(
            io.saima.config.ConfigLoader.forThisProcess()
                .load(null, java.util.Map.of(), List.of()));
    assertEquals(null, embedded.get("spark.sql.catalogImplementation"));
  }
}
