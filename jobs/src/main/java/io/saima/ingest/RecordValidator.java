package io.saima.ingest;

import io.saima.catalog.QuarantineReason;
import io.saima.catalog.SilverTables;
import io.saima.catalog.Source;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.types.StructField;

/**
 * Checks one record against the landing contract (DESIGN.md, "Landing zone" and "Bad input") and
 * types it for silver, or names the one reason it goes to quarantine. Reasons are tried in a fixed
 * order and the first that applies is the row's reason: {@code missing_field}, {@code bad_period},
 * {@code bad_number}, {@code negative_amount}, {@code no_amount}, {@code unknown_county}, {@code
 * invalid_enterprise_id}, {@code no_fx_rate}. ({@code duplicate_row} and {@code
 * conflicting_duplicate} compare rows with each other and are decided by the pipeline.)
 *
 * <p>Values are trimmed first. Money is a plain decimal: an optional sign, digits and at most one
 * point with at most two decimals, at most 18 integer digits (DECIMAL(20,2)); thousands separators,
 * exponents and units such as 万 are {@code bad_number}, never guessed at.
 *
 * <p>Format errors of codes have no reason code of their own; each gets the code that tells the
 * person reading the quarantine the most:
 *
 * <ul>
 *   <li>{@code hs_code} not of 8 or 10 digits and {@code trade_mode} not of 4 digits are {@code
 *       bad_number}: they are digit strings, and the usual way they break is a number rendering (a
 *       spreadsheet dropping trade mode 0110's leading zero, or showing an HS code as 8.4713E+09);
 *   <li>{@code destination} and {@code investor_country} that are not two letters (ISO 3166-1
 *       alpha-2, upper-cased first), an {@code industry} outside the source's list (the four trades
 *       for above_quota_sales, a GB/T 4754 section letter A–T for fdi_inflows) and a {@code basis}
 *       other than {@code month} (the default when empty) or {@code ytd} are {@code missing_field},
 *       checked with the empty fields: the field does not hold a value of its kind, which for the
 *       reader of the quarantine is the same fix as an empty one — supply the value. Industries and
 *       basis are matched case-insensitively and kept lower-case, country codes and section letters
 *       upper-case;
 *   <li>a {@code county_code} that is not in regions.csv, whatever its shape, is {@code
 *       unknown_county};
 *   <li>a {@code town_code} that is not a unit of the row's county, whatever its shape, keeps the
 *       row with the town left empty ({@link Validated.Accepted#unknownTown()}).
 * </ul>
 *
 * <p>A record with more (non-empty) fields than its header is {@code missing_field} too: its fields
 * cannot be matched to columns, most often because a value such as a company name or an amount with
 * a thousands separator held an unquoted comma, so no field of the row can be trusted to be the one
 * its position says. Any code naming a value's content ({@code bad_number}, {@code bad_period}, …)
 * would point at one column as if the others were fine; {@code missing_field} says what the reader
 * of the quarantine needs to hear — the row lacks fields it can be read by.
 *
 * <p>Customs lines keep both currencies as given; a missing one is the other converted with the
 * month's average rate, rounded half-up to 2 decimals (cny = usd × rate, usd = cny ÷ rate).
 *
 * <p>One class, though long: the order in which the reasons are tried decides a line's one reason,
 * so every check stays in one sequence.
 */
public final class RecordValidator implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final int MAX_INTEGER_DIGITS = 18;

  /** The trades of above-designated-size wholesale, retail, accommodation and catering. */
  public static final Set<String> ABOVE_QUOTA_INDUSTRIES =
      Set.of("wholesale", "retail", "accommodation", "catering");

  public static final Set<String> RETAIL_BASES = Set.of("month", "ytd");

  /** Free text kept as given (trimmed). */
  private static final List<String> TEXT_COLUMNS = List.of("project_id", "enterprise_name");

  private static final Map<Source, List<String>> MONEY =
      Map.of(
          Source.CUSTOMS_EXPORTS, List.of("value_usd", "value_cny"),
          Source.FDI_INFLOWS, List.of("contract_usd", "actual_usd"),
          Source.RETAIL_SALES, List.of("retail_sales_cny", "online_retail_cny"),
          Source.ABOVE_QUOTA_SALES, List.of("sales_cny"));

  private final Source source;
  private final ReferenceLookup reference;
  private final Map<String, Integer> inputIndex = new HashMap<>();
  private final String[] outputColumns;

  public RecordValidator(Source source, ReferenceLookup reference) {
    this.source = source;
    this.reference = reference;
    List<String> columns = source.columns();
    for (int i = 0; i < columns.size(); i++) {
      inputIndex.put(columns.get(i), i);
    }
    outputColumns = businessColumns(source);
  }

  /** The silver columns of a source without its lineage: what {@link Validated.Accepted} holds. */
  public static String[] businessColumns(Source source) {
    return java.util.Arrays.stream(SilverTables.of(source).schema().fields())
        .map(StructField::name)
        .filter(name -> !name.startsWith("_"))
        .toArray(String[]::new);
  }

  public Validated validate(RawRecord record) {
    if (record.surplusFields() > 0) {
      return reject(
          QuarantineReason.MISSING_FIELD,
          "the record has "
              + record.surplusFields()
              + " non-empty field(s) more than the header, so its fields cannot be matched to"
              + " columns (an unquoted comma?)");
    }
    String[] raw = record.values();
    Map<String, Object> out = new HashMap<>();

    // missing_field: required fields, then values of a fixed kind.
    for (String column : source.requiredColumns()) {
      String value = raw[inputIndex.get(column)];
      if (value == null) {
        return reject(
            QuarantineReason.MISSING_FIELD,
            column + " is absent: the record has fewer fields than the header");
      }
      if (value.isBlank()) {
        return reject(QuarantineReason.MISSING_FIELD, column + " is empty");
      }
    }
    Validated kindError = checkKinds(raw, out);
    if (kindError != null) {
      return kindError;
    }

    // bad_period
    String period = text(raw, "period");
    if (!isDigits(period, 6)) {
      return reject(
          QuarantineReason.BAD_PERIOD, "period '" + period + "' is not a month written YYYYMM");
    }
    int periodValue = Integer.parseInt(period);
    int year = periodValue / 100;
    int month = periodValue % 100;
    if (year < 1990 || year > 2100 || month < 1 || month > 12) {
      return reject(
          QuarantineReason.BAD_PERIOD,
          "period '" + period + "' is not a month YYYYMM of the years 1990 to 2100");
    }
    out.put("period", periodValue);

    // bad_number: money, then digit codes.
    for (String column : MONEY.get(source)) {
      String value = text(raw, column);
      if (value == null) {
        out.put(column, null);
        continue;
      }
      BigDecimal amount = parseMoney(value);
      if (amount == null) {
        return reject(
            QuarantineReason.BAD_NUMBER,
            column
                + " '"
                + value
                + "' is not a plain decimal amount (digits, an optional sign and point, at most 2"
                + " decimals, no separators, exponents or units)");
      }
      out.put(column, amount);
    }
    if (source == Source.CUSTOMS_EXPORTS) {
      String hsCode = text(raw, "hs_code");
      if (!(isDigits(hsCode, 8) || isDigits(hsCode, 10))) {
        return reject(
            QuarantineReason.BAD_NUMBER,
            "hs_code '" + hsCode + "' is not a code of 8 or 10 digits");
      }
      String tradeMode = text(raw, "trade_mode");
      if (!isDigits(tradeMode, 4)) {
        return reject(
            QuarantineReason.BAD_NUMBER, "trade_mode '" + tradeMode + "' is not a 4-digit code");
      }
      out.put("hs_code", hsCode);
      out.put("trade_mode", tradeMode);
    }

    // negative_amount
    for (String column : MONEY.get(source)) {
      BigDecimal amount = (BigDecimal) out.get(column);
      if (amount != null && amount.signum() < 0) {
        return reject(
            QuarantineReason.NEGATIVE_AMOUNT,
            column + " " + amount.toPlainString() + " is below 0");
      }
    }

    // no_amount
    if (source == Source.CUSTOMS_EXPORTS
        && out.get("value_usd") == null
        && out.get("value_cny") == null) {
      return reject(QuarantineReason.NO_AMOUNT, "neither value_usd nor value_cny is given");
    }

    // unknown_county
    String county = text(raw, "county_code");
    if (!reference.countyCodes().contains(county)) {
      return reject(
          QuarantineReason.UNKNOWN_COUNTY, "county_code '" + county + "' is not in regions.csv");
    }
    out.put("county_code", county);

    // invalid_enterprise_id
    if (inputIndex.containsKey("enterprise_id")) {
      String enterprise = text(raw, "enterprise_id").toUpperCase(Locale.ROOT);
      if (!CreditCode.isValid(enterprise)) {
        return reject(
            QuarantineReason.INVALID_ENTERPRISE_ID,
            "enterprise_id '"
                + enterprise
                + "' is not a unified social credit code (18 characters, check character per GB"
                + " 32100-2015)");
      }
      out.put("enterprise_id", enterprise);
    }

    // no_fx_rate: customs keeps both currencies.
    if (source == Source.CUSTOMS_EXPORTS) {
      BigDecimal usd = (BigDecimal) out.get("value_usd");
      BigDecimal cny = (BigDecimal) out.get("value_cny");
      if (usd == null || cny == null) {
        BigDecimal rate = reference.usdCny().get(periodValue);
        if (rate == null) {
          return reject(
              QuarantineReason.NO_FX_RATE,
              (usd == null ? "value_usd" : "value_cny")
                  + " is missing and fx_rates.csv has no USD/CNY rate for "
                  + periodValue);
        }
        String derived = usd == null ? "value_usd" : "value_cny";
        BigDecimal value =
            usd == null
                ? cny.divide(rate, 2, RoundingMode.HALF_UP)
                : usd.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        // A given amount may have 18 integer digits; converted at about 7 yuan to the dollar it
        // can have 19, which silver's DECIMAL(20,2) cannot hold: the line, not the night, fails.
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
          return reject(
              QuarantineReason.BAD_NUMBER,
              derived
                  + " converted at "
                  + rate.toPlainString()
                  + " would be "
                  + value.toPlainString()
                  + ", more than "
                  + MAX_INTEGER_DIGITS
                  + " integer digits");
        }
        out.put(derived, value);
      }
    }

    // Other fields: codes trimmed, optional text empty → null.
    boolean unknownTown = false;
    if (inputIndex.containsKey("town_code")) {
      String town = text(raw, "town_code");
      if (town != null && !county.equals(reference.unitCounty().get(town))) {
        unknownTown = true;
        town = null;
      }
      out.put("town_code", town);
    }
    for (String column : TEXT_COLUMNS) {
      if (inputIndex.containsKey(column)) {
        out.put(column, text(raw, column));
      }
    }

    Object[] values = new Object[outputColumns.length];
    for (int i = 0; i < outputColumns.length; i++) {
      values[i] = out.get(outputColumns[i]);
    }
    return new Validated.Accepted(values, unknownTown);
  }

  /** Values of a fixed kind (countries, industries, basis): {@code missing_field} if not one. */
  private Validated checkKinds(String[] raw, Map<String, Object> out) {
    switch (source) {
      case CUSTOMS_EXPORTS -> {
        String destination = text(raw, "destination").toUpperCase(Locale.ROOT);
        if (!isCountry(destination)) {
          return notOfKind("destination", text(raw, "destination"), "an ISO 3166-1 alpha-2 code");
        }
        out.put("destination", destination);
      }
      case FDI_INFLOWS -> {
        String country = text(raw, "investor_country");
        if (country != null) {
          country = country.toUpperCase(Locale.ROOT);
          if (!isCountry(country)) {
            return notOfKind(
                "investor_country", text(raw, "investor_country"), "an ISO 3166-1 alpha-2 code");
          }
        }
        out.put("investor_country", country);
        String industry = text(raw, "industry");
        if (industry != null) {
          industry = industry.toUpperCase(Locale.ROOT);
          if (!(industry.length() == 1 && industry.charAt(0) >= 'A' && industry.charAt(0) <= 'T')) {
            return notOfKind(
                "industry", text(raw, "industry"), "a GB/T 4754 section letter A to T");
          }
        }
        out.put("industry", industry);
      }
      case RETAIL_SALES -> {
        String basis = text(raw, "basis");
        basis = basis == null ? "month" : basis.toLowerCase(Locale.ROOT);
        if (!RETAIL_BASES.contains(basis)) {
          return notOfKind("basis", text(raw, "basis"), "month or ytd");
        }
        out.put("basis", basis);
      }
      case ABOVE_QUOTA_SALES -> {
        String industry = text(raw, "industry").toLowerCase(Locale.ROOT);
        if (!ABOVE_QUOTA_INDUSTRIES.contains(industry)) {
          return notOfKind(
              "industry", text(raw, "industry"), "wholesale, retail, accommodation or catering");
        }
        out.put("industry", industry);
      }
    }
    return null;
  }

  private static Validated notOfKind(String column, String value, String expected) {
    return reject(QuarantineReason.MISSING_FIELD, column + " '" + value + "' is not " + expected);
  }

  /** A field trimmed; null when absent or empty. */
  private String text(String[] raw, String column) {
    String value = raw[inputIndex.get(column)];
    if (value == null) {
      return null;
    }
    String stripped = value.strip();
    return stripped.isEmpty() ? null : stripped;
  }

  /** A plain decimal with at most 2 decimals, at scale 2; null when it is not one. */
  static BigDecimal parseMoney(String text) {
    if (!isPlainDecimal(text)) {
      return null;
    }
    int end = text.indexOf('.');
    if (end < 0) {
      end = text.length();
    }
    int start = 0;
    while (start < end
        && (text.charAt(start) == '+' || text.charAt(start) == '-' || text.charAt(start) == '0')) {
      start++;
    }
    if (end - start > MAX_INTEGER_DIGITS) {
      return null;
    }
    return new BigDecimal(text).setScale(2, RoundingMode.UNNECESSARY);
  }

  /** An optional sign, digits, and at most one point followed by at most 2 digits; a digit. */
  static boolean isPlainDecimal(String text) {
    int i = 0;
    int n = text.length();
    if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isAsciiDigit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && text.charAt(i) == '.') {
      i++;
      int decimals = 0;
      while (i < n && isAsciiDigit(text.charAt(i))) {
        i++;
        decimals++;
      }
      if (decimals > 2) {
        return false;
      }
      digits += decimals;
    }
    return i == n && digits > 0;
  }

  private static boolean isDigits(String text, int length) {
    if (text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (!isAsciiDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Two letters A–Z (ISO 3166-1 alpha-2). */
  private static boolean isCountry(String code) {
    return code.length() == 2
        && code.charAt(0) >= 'A'
        && code.charAt(0) <= 'Z'
        && code.charAt(1) >= 'A'
        && code.charAt(1) <= 'Z';
  }

  private static Validated reject(QuarantineReason reason, String detail) {
    return new Validated.Rejected(reason, detail);
  }
}
