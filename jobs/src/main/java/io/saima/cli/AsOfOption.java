package io.saima.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --as-of DATE}: run as on that day, taking only the deliveries that had arrived by then.
 */
final class AsOfOption {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description =
          "Run as on this day, YYYY-MM-DD: only the deliveries whose folder is dated on or before"
              + " it (e.g. 20200610-01) are ingested, and the rest wait for a later night"
              + " (default: all of them).")
  String text;

  /** The day, or null when the option was not given. */
  LocalDate day() {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new ParameterException(
          spec.commandLine(), "--as-of expects YYYY-MM-DD (e.g. 2020-06-30), got '" + text + "'");
    }
  }
}
