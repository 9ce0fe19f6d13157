package io.saima.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs a command line in this JVM and keeps what it printed on stdout. */
final class CommandOutput {
  final int exitCode;
  final String stdout;

  private CommandOutput(int exitCode, String stdout) {
    this.exitCode = exitCode;
    this.stdout = stdout;
  }

  static synchronized CommandOutput run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      int code = Main.run(args);
      return new CommandOutput(code, buffer.toString(StandardCharsets.UTF_8));
    } finally {
      System.out.flush();
      System.setOut(original);
    }
  }
}
