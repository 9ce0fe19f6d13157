package io.saima.cli;

import io.saima.config.ConfigException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The only entry point: {@code saima <command>}. Locally through {@code jobs/bin/saima}; on a
 * cluster as {@code spark-submit --class io.saima.cli.Main saima-jobs-app.jar <command>}.
 */
@Command(
    name = "saima",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Nightly county competition (赛马) metrics on Apache Spark and Delta Lake.",
    subcommands = {
      NightlyCommand.class,
      IngestCommand.class,
      BuildCommand.class,
      ScoreCommand.class,
      SimulateCommand.class,
      SqlCommand.class,
      GenerateCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Exit codes: 0 ok, 1 failure, 2 bad usage or configuration,",
      "            3 partial (the night finished, but some deliveries or checks failed).",
      "Run 'saima <command> --help' for a command's options."
    })
public final class Main implements Runnable {

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
    cli.setParameterExceptionHandler(usageError());
    cli.setExecutionExceptionHandler(failure(verbose));
    return cli;
  }

  /** Bad usage: one line saying why, then the usage, on stderr; exit 2. */
  private static IParameterExceptionHandler usageError() {
    return (ParameterException e, String[] args) -> {
      CommandLine cmd = e.getCommandLine();
      PrintWriter err = cmd.getErr();
      err.println("saima: " + e.getMessage());
      cmd.usage(err);
      return ExitCode.USAGE;
    };
  }

  /** Configuration errors are exit 2 with their message; anything else exit 1. */
  private static IExecutionExceptionHandler failure(boolean verbose) {
    return (Exception e, CommandLine cmd, ParseResult parsed) -> {
      PrintWriter err = cmd.getErr();
      Throwable cause = e;
      while (cause != null && !(cause instanceof ConfigException) && cause.getCause() != cause) {
        cause = cause.getCause();
      }
      if (cause instanceof ConfigException config) {
        err.println("saima: configuration error: " + config.getMessage());
        if (verbose) {
          e.printStackTrace(err);
        }
        return ExitCode.USAGE;
      }
      err.println("saima " + cmd.getCommandName() + ": failed: " + describe(e));
      if (verbose) {
        e.printStackTrace(err);
      } else {
        err.println("(run again with --verbose for the stack trace)");
      }
      return ExitCode.FAILURE;
    };
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
