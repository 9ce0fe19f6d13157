package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.TableContract;
import io.saima.catalog.TableId;
import io.saima.catalog.Warehouse;
import io.saima.testing.SparkTestBase;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
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

  /** Writes a Delta table at its path under the warehouse without registering it. */
  static void writtenElsewhere(Path dir, TableContract contract, Dataset<Row> rows) {
    rows.write().format("delta").save(contract.id().path(dir.toString()));
  }

  static String query(String database) {
    return "SELECT * FROM " + database + ".figures ORDER BY name NULLS LAST";
  }

  @Test
  void csvIsRfc4180WithAHeaderPlainNumbersEmptyNullsAndLfLineEnds(@TempDir Path dir) {
    figures(dir, figuresIn("sqltest_csv"));

    CommandOutput out =
        CommandOutput.run(
            "sql", "--warehouse", dir.toString(), "-e", query("sqltest_csv"), "--format", "csv");

    assertEquals(0, out.exitCode);
    assertEquals(
        "name,amount,ratio,big\n"
            + "\"a,\"\"b\"\"\",12345678901.50,0.0000001,15000000000\n"
            + ",,,\n",
        out.stdout);

    CommandOutput crlf =
        CommandOutput.run(
            "sql",
            "--warehouse",
            dir.toString(),
            "-e",
            query("sqltest_csv"),
            "--format",
            "csv",
            "--crlf");
    assertEquals(0, crlf.exitCode);
    assertEquals(out.stdout.replace("\n", "\r\n"), crlf.stdout);
  }

  @Test
  void severalStatementsInJsonAreOneDocumentEachAndInCsvAreSeparatedByABlankLine(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("two.sql");
    Files.writeString(
        file,
        "SELECT 1 AS one;\n-- the second\nSELECT 'x' AS name, 2.50 AS amount UNION ALL"
            + " SELECT 'y', NULL;\n",
        StandardCharsets.UTF_8);

    CommandOutput json =
        CommandOutput.run(
            "sql", "--warehouse", dir.toString(), "-f", file.toString(), "--format", "json");
    assertEquals(0, json.exitCode, json.toString());
    assertEquals(
        "{\"statement\":1,\"sql\":\"SELECT 1 AS one\",\"rows\":[{\"one\":1}]}",
        json.firstLineOfStdout());
    assertEquals(
        List.of(
            "{\"statement\":1,\"sql\":\"SELECT 1 AS one\",\"rows\":[{\"one\":1}]}",
            "{\"statement\":2,\"sql\":\"SELECT 'x' AS name, 2.50 AS amount UNION ALL SELECT 'y', NULL\","
                + "\"rows\":[{\"name\":\"x\",\"amount\":2.50},{\"name\":\"y\",\"amount\":null}]}"),
        json.stdout.lines().toList());

    CommandOutput csv =
        CommandOutput.run(
            "sql", "--warehouse", dir.toString(), "-f", file.toString(), "--format", "csv");
    assertEquals(0, csv.exitCode);
    assertEquals("one\n1\n\nname,amount\nx,2.50\ny,\n", csv.stdout);
  }

  @Test
  void tableRightAlignsNumbersAndRoundsDoublesWhileCsvStaysExact(@TempDir Path dir) {
    String query =
        "SELECT * FROM VALUES ('a', 17.67412643703391D, -100, 0.5D), ('bb', 2.0D, 7, 0.12345D)"
            + " AS t(name, score, n, p)";

    CommandOutput table = CommandOutput.run("sql", "--warehouse", dir.toString(), "-e", query);
    assertEquals(0, table.exitCode, table.toString());
    assertEquals("name  score     n       p", table.firstLineOfStdout());
    assertEquals(
        "name  score     n       p\n"
            + "----  -----  ----  ------\n"
            + "a     17.67  -100  0.5000\n"
            + "bb     2.00     7  0.1235\n"
            + "(2 rows)\n",
        table.stdout);

    CommandOutput csv =
        CommandOutput.run("sql", "--warehouse", dir.toString(), "-e", query, "--format", "csv");
    assertEquals("name,score,n,p\na,17.67412643703391,-100,0.5\nbb,2,7,0.12345\n", csv.stdout);
  }

  @Test
  void aMissingTableIsBadUsageListingTheTablesOfItsDatabaseClosestFirst(@TempDir Path dir) {
    Warehouse warehouse = figures(dir, figuresIn("sqltest_missing"));
    warehouse.overwrite(
        TableContract.of(
            TableId.of("sqltest_missing", "totals"),
            "one row",
            new StructType().add("n", DataTypes.LongType, true)),
        spark().range(1).toDF("n"));

    CommandOutput out =
        CommandOutput.run(
            "sql", "--warehouse", dir.toString(), "-e", "SELECT * FROM sqltest_missing.total");

    assertEquals(ExitCode.USAGE, out.exitCode, out.toString());
    assertEquals(
        "saima sql: table sqltest_missing.total does not exist; the tables of sqltest_missing are"
            + " sqltest_missing.totals, sqltest_missing.figures",
        out.firstLineOfStderr());
    assertEquals("", out.stdout);
    assertFalse(out.stderr.contains("DROP VIEW"), out.stderr);

    CommandOutput database =
        CommandOutput.run(
            "sql", "--warehouse", dir.toString(), "-e", "SELECT * FROM sqltest_mising.figures");
    assertEquals(ExitCode.USAGE, database.exitCode);
    assertEquals(
        "saima sql: table sqltest_mising.figures does not exist: there is no database"
            + " sqltest_mising in "
            + dir
            + "; the databases are sqltest_missing",
        database.firstLineOfStderr());
  }

  @Test
  void onlyTheTablesAStatementNamesAreRegisteredAndSaidSoOnStderr(@TempDir Path dir) {
    // Written at the warehouse's paths as another process writes them: this session has
    // registered none of them.
    TableContract figures = figuresIn("sqltest_lazy");
    writtenElsewhere(
        dir,
        figures,
        spark()
            .createDataFrame(
                Arrays.asList(
                    RowFactory.create("a,\"b\"", new BigDecimal("12345678901.50"), 1.0e-7, 1.5e10),
                    RowFactory.create(null, null, null, null)),
                figures.schema()));
    TableContract other =
        TableContract.of(
            TableId.of("sqltest_lazy", "other"),
            "one row per name",
            new StructType().add("name", DataTypes.StringType, true));
    TableContract unused =
        TableContract.of(
            TableId.of("sqltest_lazy", "unused"),
            "never named",
            new StructType().add("name", DataTypes.StringType, true));
    writtenElsewhere(dir, other, spark().sql("SELECT 'a,\"b\"' AS name"));
    writtenElsewhere(dir, unused, spark().sql("SELECT 'z' AS name"));

    CommandOutput databases =
        CommandOutput.run(
            "sql", "--warehouse", dir.toString(), "-e", "SHOW DATABASES", "--format", "csv");
    assertEquals(0, databases.exitCode);
    assertEquals("namespace", databases.firstLineOfStdout());
    assertTrue(databases.stdout.contains("\nsqltest_lazy\n"), databases.stdout);
    assertFalse(spark().catalog().tableExists("sqltest_lazy", "figures"));

    CommandOutput out =
        CommandOutput.run(
            "sql",
            "--warehouse",
            dir.toString(),
            "--format",
            "csv",
            "-e",
            "WITH named AS (SELECT name FROM sqltest_lazy.figures)"
                + " SELECT count(*) AS n FROM named"
                + " WHERE name IN (SELECT name FROM sqltest_lazy.other)");

    assertEquals(ExitCode.OK, out.exitCode, out.toString());
    assertEquals("n\n1\n", out.stdout);
    assertEquals(
        "INFO  SqlCommand: 1 statement(s) over "
            + dir
            + "; registered sqltest_lazy.figures, sqltest_lazy.other",
        out.firstLineOfStderr());
    assertFalse(spark().catalog().tableExists("sqltest_lazy", "unused"));
  }

  @Test
  void aQueryThatFailsWhileRunningIsExitOneWithTheTasksErrorInOneLine(@TempDir Path dir) {
    CommandOutput out =
        CommandOutput.run(
            "sql", "--warehouse", dir.toString(), "-e", "SELECT 1 / (id - id) AS x FROM range(3)");

    assertEquals(ExitCode.FAILURE, out.exitCode, out.toString());
    assertEquals(
        "INFO  SqlCommand: 1 statement(s) over " + dir + "; registered no table",
        out.firstLineOfStderr());
    List<String> lines = out.stderr.lines().toList();
    assertEquals(3, lines.size(), out.stderr);
    assertTrue(
        lines.get(1).startsWith("saima sql: failed: [DIVIDE_BY_ZERO] Division by zero."),
        out.stderr);
    assertEquals("Run again with --verbose for the stack trace.", lines.get(2));
    assertEquals("", out.stdout);
  }

  @Test
  void aSyntaxErrorOrARefusedStatementIsOneLineAndAHintWithoutTheUsage(@TempDir Path dir) {
    CommandOutput syntax = CommandOutput.run("sql", "--warehouse", dir.toString(), "-e", "SELEC 1");
    assertEquals(ExitCode.USAGE, syntax.exitCode);
    assertEquals(
        List.of(
            "saima sql: not valid SQL: [PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'.(line"
                + " 1, pos 0)",
            "Run 'saima sql --help' for its options."),
        syntax.stderr.lines().toList());

    CommandOutput drop =
        CommandOutput.run("sql", "--warehouse", dir.toString(), "-e", "DROP TABLE gold.x");
    assertEquals(ExitCode.USAGE, drop.exitCode);
    assertTrue(drop.firstLineOfStderr().startsWith("saima sql: read-only: "), drop.stderr);
    assertEquals(2, drop.stderr.lines().count(), drop.stderr);
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
  void tableAlignsColumnsNumbersToTheRight(@TempDir Path dir) {
    figures(dir, figuresIn("sqltest_table"));

    CommandOutput out =
        CommandOutput.run(
            "sql",
            "--warehouse",
            dir.toString(),
            "-e",
            "SELECT name, amount FROM sqltest_table.figures WHERE name IS NOT NULL");

    assertEquals(
        "name           amount\n-----  --------------\na,\"b\"  12345678901.50\n(1 row)\n",
        out.stdout);
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
