package io.saima.cli;

import io.saima.config.ConfigException;
import io.saima.pipeline.WarehouseLease;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The only entry point: {@code saima <command>}. Locally through {@code jobs/bin/saima}; on a
 * cluster as {@code spark-submit --class io.saima.cli.Main saima-jobs-app.jar <command>}.
 */
@Command(
    name = "saima",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    header = "Nightly county competition (赛马) metrics on Apache Spark and Delta Lake.",
    description = {
      "Ingests the deliveries of a landing folder into Delta tables, builds the monthly figures,"
          + " scores and ranks the counties, simulates the rest of the year, and answers SQL"
          + " over the tables. Logs go to stderr, results to stdout."
    },
    commandListHeading = "%nCommands:%n",
    subcommands = {
      NightlyCommand.class,
      IngestCommand.class,
      BuildCommand.class,
      ScoreCommand.class,
      SimulateCommand.class,
      ReportCommand.class,
      RebuildCommand.class,
      SqlCommand.class,
      SqlServerCommand.class,
      StatusCommand.class,
      MaintainCommand.class,
      GenerateCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = ExitCode.HEADING,
    exitCodeList = {
      ExitCode.OK_HELP,
      ExitCode.FAILURE_HELP,
      ExitCode.USAGE_HELP,
      ExitCode.PARTIAL_HELP
    },
    footer = {"%nRun 'saima <command> --help' for a command's options."})
public final class Main implements Runnable {

  /** Help is wrapped to this many columns. */
  static final int HELP_WIDTH = 100;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command line and returns its exit code; does not exit the JVM. */
  public static int run(String... args) {
    boolean verbose =
        Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
    return commandLine(verbose).execute(args);
  }

  static CommandLine commandLine(boolean verbose) {
    CommandLine cli = new CommandLine(new Main());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setUsageHelpWidth(HELP_WIDTH);
    cli.setUsageHelpLongOptionsMaxWidth(24);
    wrapDescriptionsAtSpaces(cli);
    cli.setParameterExceptionHandler(usageError());
    cli.setExecutionExceptionHandler(failure(verbose));
    return cli;
  }

  /**
   * Descriptions are paragraphs wrapped at spaces only: picocli's own wrapping also breaks after a
   * dot, which splits table names such as gold.indicator_monthly across lines.
   */
  private static void wrapDescriptionsAtSpaces(CommandLine cli) {
    cli.getHelpSectionMap()
        .put(
            CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION,
            help -> {
              StringBuilder out = new StringBuilder();
              for (String paragraph : help.commandSpec().usageMessage().description()) {
                out.append(wrap(paragraph, HELP_WIDTH)).append(System.lineSeparator());
              }
              return out.toString();
            });
    cli.getSubcommands().values().forEach(Main::wrapDescriptionsAtSpaces);
  }

  /** Words of a paragraph in lines of at most {@code width} characters. */
  static String wrap(String paragraph, int width) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder();
    for (String word : paragraph.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        out.append(line).append(System.lineSeparator());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    return out.append(line).toString();
  }

  /**
   * Bad usage: one line saying why (with the closest names when a command or option is unknown),
   * and where to find the usage, on stderr; exit 2. Only {@code saima} alone prints the usage.
   */
  private static IParameterExceptionHandler usageError() {
    return (ParameterException e, String[] args) -> {
      CommandLine cmd = e.getCommandLine();
      PrintWriter err = cmd.getErr();
      if (args.length == 0) {
        err.println("saima: a command is required");
        cmd.usage(err);
        return ExitCode.USAGE;
      }
      err.println(name(cmd) + ": " + reason(e));
      boolean root = cmd.getParent() == null;
      err.println(
          "Run '" + name(cmd) + " --help' for " + (root ? "the commands." : "its options."));
      return ExitCode.USAGE;
    };
  }

  private static String reason(ParameterException e) {
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String argument = unmatched.getUnmatched().get(0);
      CommandLine cmd = e.getCommandLine();
      String what;
      if (unmatched.isUnknownOption()) {
        what = "unknown option '" + argument + "'";
      } else if (!cmd.getSubcommands().isEmpty() && cmd.getParent() == null) {
        what = "unknown command '" + argument + "'";
      } else {
        what = "unexpected argument '" + argument + "'";
      }
      List<String> suggestions = unmatched.getSuggestions();
      if (suggestions.isEmpty()) {
        return what;
      }
      return what + "; did you mean " + String.join(" or ", quoted(suggestions)) + "?";
    }
    return firstLine(e.getMessage());
  }

  private static List<String> quoted(List<String> names) {
    return names.stream().limit(3).map(n -> "'" + n + "'").toList();
  }

  /** "saima" or "saima sql": how the user called the command that failed. */
  static String name(CommandLine cmd) {
    return cmd.getCommandSpec().qualifiedName();
  }

  /** Configuration errors are exit 2 with their message; anything else exit 1, in one line. */
  private static IExecutionExceptionHandler failure(boolean verbose) {
    return (Exception e, CommandLine cmd, ParseResult parsed) -> {
      PrintWriter err = cmd.getErr();
      Throwable cause = e;
      while (cause != null && !(cause instanceof ConfigException) && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      if (cause instanceof ConfigException config) {
        err.println(name(cmd) + ": configuration error: " + config.getMessage());
        if (verbose) {
          e.printStackTrace(err);
        }
        return ExitCode.USAGE;
      }
      err.println(name(cmd) + ": failed: " + describe(e));
      if (isHeld(e)) {
        // Not an error of this run: the message names the run to wait for.
        return ExitCode.FAILURE;
      }
      if (verbose) {
        e.printStackTrace(err);
      } else {
        err.println("Run again with --verbose for the stack trace.");
      }
      return ExitCode.FAILURE;
    };
  }

  private static boolean isHeld(Throwable e) {
    for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof WarehouseLease.HeldException) {
        return true;
      }
    }
    return false;
  }

  /**
   * The cause worth a line: a failed Spark job wraps the task's error ("Job aborted due to stage
   * failure: … Lost task …"), whose own message, with its error class, is what went wrong.
   */
  private static String describe(Throwable e) {
    Throwable said = e;
    for (Throwable c = e; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof org.apache.spark.SparkThrowable spark && spark.getErrorClass() != null) {
        said = c;
      }
    }
    String message = said.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : firstLine(message);
  }

  /** Spark's messages run on with plans and pointers; the first line says what went wrong. */
  static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String stripped = message.strip();
    int end = stripped.indexOf('\n');
    return (end < 0 ? stripped : stripped.substring(0, end)).strip();
  }
}
