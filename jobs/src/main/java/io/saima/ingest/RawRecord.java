package io.saima.ingest;

import io.saima.catalog.Source;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * One data record of a file, before validation.
 *
 * @param line the physical line where the record starts, 1-based (the header is line 1); for XLSX
 *     the sheet's row number
 * @param rawLine the record's text exactly as in the file (decoded), without its final line break;
 *     for XLSX the row's cells as a CSV line
 * @param values aligned to {@link Source#columns()}: {@code null} when the column is absent from
 *     the file (or from this record, when it has fewer fields than the header), {@code ""} for an
 *     empty field
 * @param surplusFields how many non-empty fields the record has beyond the header's columns; such a
 *     record cannot be aligned to its header and is quarantined
 */
public record RawRecord(long line, String rawLine, String[] values, int surplusFields)
    implements Serializable {

  /** A record that fits its header. */
  public RawRecord(long line, String rawLine, String[] values) {
    this(line, rawLine, values, 0);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RawRecord that
        && line == that.line
        && surplusFields == that.surplusFields
        && rawLine.equals(that.rawLine)
        && Arrays.equals(values, that.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(line, rawLine, Arrays.hashCode(values), surplusFields);
  }

  @Override
  public String toString() {
    return "RawRecord[line="
        + line
        + ", rawLine="
        + rawLine
        + ", values="
        + Arrays.toString(values)
        + (surplusFields > 0 ? ", surplusFields=" + surplusFields : "")
        + "]";
  }
}
