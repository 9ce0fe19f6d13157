package io.saima.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --format} and {@code --crlf}: how the commands that print results print them. */
final class OutputOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, csv or json (default: ${DEFAULT-VALUE}).")
  SqlOutput.Format format;

  @Option(names = "--crlf", description = "End csv lines in CRLF instead of LF.")
  boolean crlf;

  /**
   * A printer of result sets on {@code out}.
   *
   * @param severalSets whether more than one result set follows, so each is told apart
   */
  SqlOutput printer(boolean severalSets, PrintWriter out) {
    return new SqlOutput(format, crlf, severalSets, out);
  }
}
