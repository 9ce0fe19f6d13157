package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.config.SaimaHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

  private static final String REFERENCE =
      SaimaHome.locate().resolve("conf").resolve("reference").toString();

  @Test
  void generateWritesEverySourceAndExitsZero(@TempDir Path out) throws IOException {
    CommandOutput run =
        CommandOutput.run(
            "generate",
            "--scale",
            "0.0005",
            "--seed",
            "3",
            "--from",
            "2020-01",
            "--to",
            "2020-01",
            "--out",
            out.toString(),
            "--reference",
            REFERENCE);
    assertEquals(ExitCode.OK, run.exitCode, run.toString());
    assertEquals(
        "INFO  GenerateCommand: generating 2020-01 to 2020-01 at scale 5.0E-4 with seed 3 into "
            + out.toAbsolutePath().normalize(),
        run.firstLineOfStderr());
    assertTrue(
        run.stderr.contains(
            "INFO  GenerateCommand: wrote the deliveries into " + out.toAbsolutePath().normalize()),
        run.stderr);
    assertTrue(!run.firstLineOfStdout().isEmpty(), "the summary is the result, on stdout");
    for (String source :
        new String[] {"customs_exports", "fdi_inflows", "retail_sales", "above_quota_sales"}) {
      try (Stream<Path> files = Files.walk(out.resolve(source))) {
        assertTrue(
            files.anyMatch(
                p -> {
                  // ASCII names carry 202001; the Chinese names of FDI and retail say 2020年1月
                  String name = p.getFileName().toString();
                  return name.contains("202001") || name.contains("2020年1月");
                }),
            source);
      }
    }
  }

  @Test
  void aMonthThatIsNotYyyyMmIsBadUsage(@TempDir Path out) {
    assertEquals(
        ExitCode.USAGE,
        Main.run(
            "generate", "--from", "2020-13", "--out", out.toString(), "--reference", REFERENCE));
    assertEquals(
        ExitCode.USAGE,
        Main.run(
            "generate",
            "--from",
            "2020-06",
            "--to",
            "2020-01",
            "--out",
            out.toString(),
            "--reference",
            REFERENCE));
    assertEquals(ExitCode.USAGE, Main.run("generate", "--scale", "0", "--out", out.toString()));
    assertFalse(Files.exists(out.resolve("customs_exports")));
  }
}
