package io.saima.cli;

/** What the process's exit code means. Each value means one thing only. */
public final class ExitCode {
  /** Everything asked for was done. */
  public static final int OK = 0;

  /** The command failed; nothing it was to write can be relied on. */
  public static final int FAILURE = 1;

  /** The command line or the configuration is wrong; nothing was done. */
  public static final int USAGE = 2;

  /** The night finished, but some deliveries or checks failed; see the log and ops tables. */
  public static final int PARTIAL = 3;

  /** The heading and the lines of each command's list of exit codes in its help. */
  static final String HEADING = "%nExit codes:%n";

  static final String OK_HELP = "0:Success: everything asked for was done.";
  static final String FAILURE_HELP =
      "1:Failure: the command stopped on the error it printed; its writes cannot be relied on.";
  static final String USAGE_HELP =
      "2:Bad usage: an unknown command, option, table, county, scheme, period or file, invalid"
          + " SQL or configuration; nothing was done.";
  static final String PARTIAL_HELP =
      "3:Partial: the night finished, but some deliveries or checks failed (see ops.job_runs).";

  private ExitCode() {}
}
