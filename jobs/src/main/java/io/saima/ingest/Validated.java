package io.saima.ingest;

import io.saima.catalog.QuarantineReason;
import java.util.Arrays;

/** The outcome of validating one record: a typed silver row, or a quarantine reason. */
public sealed interface Validated permits Validated.Accepted, Validated.Rejected {

  /**
   * A valid row.
   *
   * @param values aligned to the business columns of {@code SilverTables.of(source)} (its columns
   *     without the lineage ones), typed: {@code Integer} period, {@code String} codes, {@code
   *     BigDecimal} money with scale 2
   * @param unknownTown true when a town_code was given but is not a unit of the row's county; the
   *     town is then null and the row is reported as a warning
   */
  record Accepted(Object[] values, boolean unknownTown) implements Validated {
    @Override
    public boolean equals(Object other) {
      return other instanceof Accepted that
          && unknownTown == that.unknownTown
          && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(values) + Boolean.hashCode(unknownTown);
    }

    @Override
    public String toString() {
      return "Accepted" + Arrays.toString(values) + (unknownTown ? " (unknown town)" : "");
    }
  }

  /**
   * A row for quarantine.
   *
   * @param reason the one reason code
   * @param detail what is wrong, for people: the column, the value and what was expected
   */
  record Rejected(QuarantineReason reason, String detail) implements Validated {}
}
