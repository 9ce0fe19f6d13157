package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.TableContract;
import io.saima.catalog.Warehouse;
import io.saima.config.ConfigLoader;
import io.saima.config.SaimaConfig;
import io.saima.testing.SparkTestBase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell, typed into through a terminal on streams: statements over several lines,
 * the backslash commands, errors as a line, a marked position and a hint, and the history kept in
 * its file. (Under a real pseudo-terminal it was tried by hand with tmux.)
 */
class SqlShellTest extends SparkTestBase {

  static String type(Path dir, String keys) throws Exception {
    SaimaConfig config =
        ConfigLoader.forThisProcess().load(null, Map.of("warehouse", dir.toString()), List.of());
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    try (SqlSession session = SqlSession.open(config, Map.of());
        Terminal terminal =
            new DumbTerminal(
                "test",
                "dumb",
                new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)),
                screen,
                StandardCharsets.UTF_8)) {
      int code =
          new SqlShell(session, SqlOutput.Format.TABLE, dir.toString(), dir.resolve("history"))
              .run(terminal);
      assertEquals(ExitCode.OK, code);
    }
    return screen.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aStatementRunsOverSeveralLinesUntilItsSemicolonAndBackslashCommandsWork(@TempDir Path dir)
      throws Exception {
    TableContract contract = ReadOnlySqlTest.figures("shell");
    Warehouse warehouse = ReadOnlySqlTest.write(dir, contract);

    String screen =
        type(
            dir,
            "SELECT name, amount\n"
                + "FROM shell.figures\n"
                + "ORDER BY name;\n"
                + "\\format csv\n"
                + "SELECT count(*) AS n FROM shell.figures;\n"
                + "\\tables\n"
                + "\\describe shell.figures\n"
                + "\\q\n");

    assertTrue(screen.contains("saima> name  amount\n"), screen);
    assertTrue(screen.contains("\na       1.50\nb       2.00\n(2 rows)\n"), screen);
    assertTrue(screen.contains("format: csv"), screen);
    assertTrue(screen.contains("saima> n\n2\n(1 row, "), screen);
    assertTrue(screen.contains("shell,figures"), screen);
    assertTrue(screen.contains("report,各县主要指标"), screen);
    assertTrue(screen.contains("amount,\"decimal(20,2)\",true"), screen);
    List<String> history = Files.readAllLines(dir.resolve("history"), StandardCharsets.UTF_8);
    assertTrue(history.stream().anyMatch(l -> l.contains("ORDER BY name;")), history.toString());
    assertEquals(2L, warehouse.read(contract.id()).count());
  }

  @Test
  void errorsAreALineTheMarkedPositionAndAHintNeverAStackTrace(@TempDir Path dir) throws Exception {
    ReadOnlySqlTest.write(dir, ReadOnlySqlTest.figures("shell_errors"));

    String screen =
        type(
            dir,
            "SELEC 1;\n"
                + "SELECT nme FROM shell_errors.figures;\n"
                + "SELECT * FROM shell_errors.figure;\n"
                + "DELETE FROM shell_errors.figures;\n"
                + "\\format xml\n"
                + "SELECT count(*) AS still FROM shell_errors.figures;\n");

    assertTrue(screen.contains("error: not valid SQL: [PARSE_SYNTAX_ERROR]"), screen);
    assertTrue(screen.contains("== SQL ==\nSELEC 1\n^^^\n"), screen);
    assertEquals(1, screen.split("PARSE_SYNTAX_ERROR", -1).length - 1, screen);
    assertTrue(screen.contains("error: [UNRESOLVED_COLUMN"), screen);
    assertTrue(screen.contains("SELECT nme FROM shell_errors.figures"), screen);
    assertTrue(screen.contains("       ^^^"), screen);
    assertTrue(screen.contains("hint: \\describe TABLE lists a table's columns"), screen);
    assertTrue(
        screen.contains("error: table shell_errors.figure does not exist; the tables of"), screen);
    assertTrue(screen.contains("error: read-only: "), screen);
    assertTrue(screen.contains("error: \\format expects table, csv or json, got 'xml'"), screen);
    assertTrue(screen.contains("still"), screen);
    assertFalse(screen.contains("\tat "), screen);
    assertFalse(screen.contains("Exception"), screen);
  }
}
