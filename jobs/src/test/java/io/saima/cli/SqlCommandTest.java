package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.TableContract;
import io.saima.catalog.TableId;
import io.saima.catalog.Warehouse;
import io.saima.testing.SparkTestBase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlCommandTest extends SparkTestBase {

  /**
   * A catalog name is registered once per JVM (by path), so each test gets its own database: the
   * tests share one session.
   */
  static TableContract figuresIn(String database) {
    return TableContract.of(
        TableId.of(database, "figures"),
        "one row per name",
        new StructType()
            .add("name", DataTypes.StringType, true)
            .add("amount", DataTypes.createDecimalType(20, 2), true)
            .add("ratio", DataTypes.DoubleType, true)
            .add("big", DataTypes.DoubleType, true));
  }

  static Warehouse figures(Path dir, TableContract contract) {
    Warehouse warehouse = new Warehouse(spark(), dir.toString());
    List<Row> rows =
        Arrays.asList(
            RowFactory.create("a,\"b\"", new BigDecimal("12345678901.50"), 1.0e-7, 1.5e10),
            RowFactory.create(null, null, null, null));
    warehouse.overwrite(contract, spark().createDataFrame(rows, contract.schema()));
    return warehouse;
  }

  static String query(String database) {
    return "SELECT * FROM " + database + ".figures ORDER BY name NULLS LAST";
  }

  @Test
  void csvIsRfc4180WithAHeaderPlainNumbersAndEmptyNulls(@TempDir Path dir) {
    figures(dir, figuresIn("sqltest_csv"));

    CommandOutput out =
        CommandOutput.run(
            "sql", "--warehouse", dir.toString(), "-e", query("sqltest_csv"), "--format", "csv");

    assertEquals(0, out.exitCode);
    assertEquals(
        "name,amount,ratio,big\r\n"
            + "\"a,\"\"b\"\"\",12345678901.50,0.0000001,15000000000\r\n"
            + ",,,\r\n",
        out.stdout);
  }

  @Test
  void jsonIsOneObjectPerLineWithNullsKept(@TempDir Path dir) {
    figures(dir, figuresIn("sqltest_json"));

    CommandOutput out =
        CommandOutput.run(
            "sql", "--warehouse", dir.toString(), "-e", query("sqltest_json"), "--format", "json");

    assertEquals(0, out.exitCode);
    assertEquals(
        "{\"name\":\"a,\\\"b\\\"\",\"amount\":12345678901.50,\"ratio\":0.0000001,"
            + "\"big\":15000000000}\n"
            + "{\"name\":null,\"amount\":null,\"ratio\":null,\"big\":null}\n",
        out.stdout);
  }

  @Test
  void tableAlignsColumns(@TempDir Path dir) {
    figures(dir, figuresIn("sqltest_table"));

    CommandOutput out =
        CommandOutput.run(
            "sql",
            "--warehouse",
            dir.toString(),
            "-e",
            "SELECT name, amount FROM sqltest_table.figures WHERE name IS NOT NULL");

    assertEquals(
        "name   amount\n-----  --------------\na,\"b\"  12345678901.50\n(1 row)\n", out.stdout);
  }

  @Test
  void anythingButAQueryIsRefusedWithExitCode2AndChangesNothing(@TempDir Path dir) {
    TableContract figures = figuresIn("sqltest");
    Warehouse warehouse = figures(dir, figures);
    long version = warehouse.version(figures.id()).orElseThrow();

    for (String statement :
        List.of(
            "INSERT INTO sqltest.figures VALUES ('x', 1, 1, 1)",
            "DELETE FROM sqltest.figures",
            "UPDATE sqltest.figures SET amount = 0",
            "DROP TABLE sqltest.figures",
            "CREATE TABLE sqltest.other AS SELECT 1 AS one",
            "SELECT 1; DELETE FROM sqltest.figures",
            "VACUUM sqltest.figures")) {
      CommandOutput out = CommandOutput.run("sql", "--warehouse", dir.toString(), "-e", statement);
      assertEquals(2, out.exitCode, statement);
      assertEquals("", out.stdout, statement);
    }

    assertEquals(version, warehouse.version(figures.id()).orElseThrow());
    assertEquals(2L, warehouse.read(figures.id()).count());
    CommandOutput show =
        CommandOutput.run(
            "sql",
            "--warehouse",
            dir.toString(),
            "-e",
            "SHOW TABLES IN sqltest",
            "--format",
            "csv");
    assertEquals(0, show.exitCode);
    assertTrue(show.stdout.contains("figures"), show.stdout);
  }
}
