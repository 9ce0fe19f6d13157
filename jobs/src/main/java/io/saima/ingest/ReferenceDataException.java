package io.saima.ingest;

/**
 * A reference file is missing or wrong: the message names the file, the line and what was expected.
 * The run stops before anything is written.
 */
public final class ReferenceDataException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;

  /**
   * @param line the 1-based line, or 0 when the problem is the whole file
   */
  public ReferenceDataException(String file, long line, String problem) {
    super(file + (line > 0 ? " line " + line : "") + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public ReferenceDataException(String file, long line, String problem, Throwable cause) {
    this(file, line, problem);
    initCause(cause);
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }
}
