package io.saima.catalog;

/**
 * Rows that do not fit their table's contract (a missing column, or a column of another type). The
 * write is refused before anything is written; the message names the table and the columns.
 */
public final class ContractViolationException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public ContractViolationException(String message) {
    super(message);
  }
}
