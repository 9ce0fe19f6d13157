package io.saima.ingest;

/**
 * The whole file cannot be read: it is not CSV or XLSX, its bytes do not decode, its header lacks
 * required columns, a quoted field is never closed, … The message names the problem; the pipeline
 * names the file and refuses its delivery (DESIGN.md, "Bad input").
 */
public final class UnreadableFileException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnreadableFileException(String message) {
    super(message);
  }

  public UnreadableFileException(String message, Throwable cause) {
    super(message, cause);
  }

  /** This problem for a caller that cannot throw checked exceptions (an iterator). */
  public Unchecked unchecked() {
    return new Unchecked(this);
  }

  /**
   * An {@link UnreadableFileException} found while the records were already being read, thrown from
   * {@link CloseableIterator#hasNext()} or {@link CloseableIterator#next()}. It means the same
   * thing: the whole file is unreadable.
   */
  public static final class Unchecked extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Unchecked(UnreadableFileException cause) {
      super(cause.getMessage(), cause);
    }

    @Override
    public synchronized UnreadableFileException getCause() {
      return (UnreadableFileException) super.getCause();
    }
  }
}
