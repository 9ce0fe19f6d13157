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

  private ExitCode() {}
}
