package io.saima.catalog;

import java.util.Locale;

/** Why a row went to quarantine: exactly one per row (DESIGN.md, "Bad input"). */
public enum QuarantineReason {
  /** A required field is empty. */
  MISSING_FIELD,
  /** A number does not parse, or has more than two decimals for money. */
  BAD_NUMBER,
  /** The period is not a valid YYYYMM month. */
  BAD_PERIOD,
  /** A money amount is below zero. */
  NEGATIVE_AMOUNT,
  /** The county code is not in regions.csv. */
  UNKNOWN_COUNTY,
  /** The unified social credit code is malformed or its check digit is wrong (GB 32100-2015). */
  INVALID_ENTERPRISE_ID,
  /** A customs line with neither value_usd nor value_cny. */
  NO_AMOUNT,
  /** One currency is missing and fx_rates.csv has no rate for the month. */
  NO_FX_RATE,
  /** An exact copy of an earlier row of the same delivery. */
  DUPLICATE_ROW,
  /** Rows sharing a source's key with different values. */
  CONFLICTING_DUPLICATE;

  /** The code stored in the quarantine tables, e.g. {@code missing_field}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
