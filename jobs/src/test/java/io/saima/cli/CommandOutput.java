package io.saima.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.OutputStreamAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Runs a command line in this JVM and keeps what it printed: stdout, and stderr with the log lines
 * that the launcher's console appender would have put there (without the time, so tests can compare
 * them).
 */
final class CommandOutput {
  final int exitCode;
  final String stdout;
  final String stderr;

  private CommandOutput(int exitCode, String stdout, String stderr) {
    this.exitCode = exitCode;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Runs a command line with nothing on stdin (as under cron, or {@code < /dev/null}). */
  static CommandOutput run(String... args) {
    return runWithInput("", args);
  }

  /** Runs a command line with {@code stdin} piped in. */
  static synchronized CommandOutput runWithInput(String stdin, String... args) {
    // Logging starts before stderr is swapped, or its console appender would keep the buffer.
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    InputStream originalIn = System.in;
    // The test JVM's own stdin is the build tool's channel: a command must never read it.
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(errStream);
    Configuration config = context.getConfiguration();
    Appender appender =
        OutputStreamAppender.newBuilder()
            .setName("command-output-" + System.nanoTime())
            .setTarget(errStream)
            .setLayout(
                PatternLayout.newBuilder()
                    .withPattern("%-5level %c{1}: %msg%n")
                    .withCharset(StandardCharsets.UTF_8)
                    .build())
            .build();
    appender.start();
    // On the root only: io.saima's events reach it too, as they reach the console appender.
    LoggerConfig root = config.getRootLogger();
    root.addAppender(appender, null, null);
    context.updateLoggers();
    try {
      int code = Main.run(args);
      System.out.flush();
      return new CommandOutput(
          code, out.toString(StandardCharsets.UTF_8), withoutSharedSessionWarning(err));
    } finally {
      root.removeAppender(appender.getName());
      context.updateLoggers();
      appender.stop();
      System.setOut(originalOut);
      System.setErr(originalErr);
      System.setIn(originalIn);
    }
  }

  /**
   * Tests share one session, so Spark warns that the command's settings cannot all apply to it; a
   * command run by the launcher starts its own session and never prints this.
   */
  private static String withoutSharedSessionWarning(ByteArrayOutputStream err) {
    return err.toString(StandardCharsets.UTF_8)
        .replaceAll("(?m)^WARN  SparkSession: Using an existing Spark session.*\\R", "");
  }

  /** The first line of stdout, or "" when nothing was printed. */
  String firstLineOfStdout() {
    return stdout.lines().findFirst().orElse("");
  }

  /** The first line of stderr, or "" when nothing was printed. */
  String firstLineOfStderr() {
    return stderr.lines().findFirst().orElse("");
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
  }
}
