package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  /** Runs the command line with stderr captured; returns exit code and stderr. */
  private static Result run(String... args) {
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Result(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
  }

  private record Result(int code, String out, String err) {}

  @Test
  void helpListsTheSubcommandsOnStdoutAndExitsZero() {
    Result result = run("--help");
    assertEquals(ExitCode.OK, result.code());
    assertTrue(result.out().contains("generate"), result.out());
  }

  @Test
  void anUnknownCommandIsBadUsageWithAOneLineReason() {
    Result result = run("fly");
    assertEquals(ExitCode.USAGE, result.code());
    assertTrue(result.err().startsWith("saima: Unmatched argument"), result.err());
    assertTrue(result.err().contains("Usage: saima"), result.err());
  }

  @Test
  void noCommandIsBadUsage() {
    assertEquals(ExitCode.USAGE, run().code());
  }

  @Test
  void aBadConfigurationFileIsExitTwoNamingTheKeyWithoutAStackTrace(@TempDir Path dir)
      throws Exception {
    Path conf = dir.resolve("bad.yaml");
    Files.writeString(conf, "warehouse: [1, 2]\n", StandardCharsets.UTF_8);
    Result result =
        run("generate", "--conf", conf.toString(), "--out", dir.resolve("out").toString());
    assertEquals(ExitCode.USAGE, result.code());
    assertTrue(result.err().contains("warehouse: expected a path"), result.err());
    assertTrue(!result.err().contains("\tat "), result.err());
  }
}
