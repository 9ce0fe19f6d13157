package io.saima.ingest;

/**
 * Ingestion cannot go on: a reference file is wrong, the landing folder cannot be listed, or the
 * lines read do not add up. The run stops with exit 1.
 */
public final class IngestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IngestException(String message) {
    super(message);
  }

  public IngestException(String message, Throwable cause) {
    super(message, cause);
  }
}
