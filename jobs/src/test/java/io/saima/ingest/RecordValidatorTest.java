package io.saima.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordValidatorTest {
  private static final String VALID_ID = "91350100M000100Y43";
  private static final String OTHER_VALID_ID = "90000000000000000N";

  private static final ReferenceLookup REFERENCE =
      new ReferenceLookup(
          Set.of("330521", "330522"),
          Map.of("330521001", "330521", "330522100", "330522"),
          Map.of(202001, new BigDecimal("7.0125"), 202002, new BigDecimal("6.4000")));

  private static final RecordValidator CUSTOMS =
      new RecordValidator(Source.CUSTOMS_EXPORTS, REFERENCE);

  /**
   * A customs record; the columns of Source.CUSTOMS_EXPORTS are period, county_code, enterprise_id,
   * hs_code, trade_mode, destination, town_code, enterprise_name, value_usd, value_cny.
   */
  private static RawRecord customs(
      String period,
      String county,
      String enterprise,
      String hsCode,
      String tradeMode,
      String destination,
      String town,
      String usd,
      String cny) {
    return new RawRecord(
        2,
        "raw",
        new String[] {
          period, county, enterprise, hsCode, tradeMode, destination, town, "某公司", usd, cny
        });
  }

  private static RawRecord goodCustoms(String usd, String cny) {
    return customs("202001", "330521", VALID_ID, "84713000", "0110", "US", "330521001", usd, cny);
  }

  private static QuarantineReason reason(Validated validated) {
    return assertInstanceOf(Validated.Rejected.class, validated).reason();
  }

  private static Object[] accepted(Validated validated) {
    return assertInstanceOf(Validated.Accepted.class, validated).values();
  }

  @Test
  void aValidCustomsLineIsTypedInTheSilverColumnOrder() {
    Validated result =
        CUSTOMS.validate(
            customs(
                " 202001 ",
                "330521",
                "91350100m000100y43",
                "84713000",
                "0110",
                "us",
                "330521001",
                "1234.5",
                "8000"));
    assertArrayEquals(
        new String[] {
          "period",
          "county_code",
          "town_code",
          "enterprise_id",
          "enterprise_name",
          "hs_code",
          "trade_mode",
          "destination",
          "value_usd",
          "value_cny"
        },
        RecordValidator.businessColumns(Source.CUSTOMS_EXPORTS));
    assertArrayEquals(
        new Object[] {
          202001,
          "330521",
          "330521001",
          VALID_ID,
          "某公司",
          "84713000",
          "0110",
          "US",
          new BigDecimal("1234.50"),
          new BigDecimal("8000.00")
        },
        accepted(result));
    assertFalse(((Validated.Accepted) result).unknownTown());
  }

  @Test
  void missingFieldWhenARequiredValueIsEmptyOrTheRecordIsShort() {
    assertEquals(
        QuarantineReason.MISSING_FIELD,
        reason(
            CUSTOMS.validate(
                customs("202001", " ", VALID_ID, "84713000", "0110", "US", null, "1", null))));
    // A short record: the trailing columns, destination included, are absent (null).
    assertEquals(
        QuarantineReason.MISSING_FIELD,
        reason(
            CUSTOMS.validate(
                customs(
                    "202001", "330521", VALID_ID, "84713000", "0110", null, null, null, null))));
  }

  @Test
  void missingFieldWhenTheRecordHasMoreFieldsThanTheHeader() {
    RawRecord record = goodCustoms("1", "7");
    RawRecord shifted = new RawRecord(record.line(), record.rawLine(), record.values(), 1);
    assertEquals(QuarantineReason.MISSING_FIELD, reason(CUSTOMS.validate(shifted)));
  }

  @Test
  void missingFieldWhenACodeOfAFixedKindIsNotOne() {
    assertEquals(
        QuarantineReason.MISSING_FIELD,
        reason(
            CUSTOMS.validate(
                customs("202001", "330521", VALID_ID, "84713000", "0110", "USA", null, "1", "7"))));
    RecordValidator aboveQuota = new RecordValidator(Source.ABOVE_QUOTA_SALES, REFERENCE);
    // period, county_code, enterprise_id, industry, sales_cny, town_code
    assertEquals(
        QuarantineReason.MISSING_FIELD,
        reason(
            aboveQuota.validate(
                new RawRecord(
                    2, "r", new String[] {"202001", "330521", VALID_ID, "批发", "100", null}))));
    RecordValidator retail = new RecordValidator(Source.RETAIL_SALES, REFERENCE);
    // period, county_code, retail_sales_cny, online_retail_cny, basis
    assertEquals(
        QuarantineReason.MISSING_FIELD,
        reason(
            retail.validate(
                new RawRecord(2, "r", new String[] {"202001", "330521", "100", "", "quarter"}))));
  }

  @Test
  void badPeriodForAnythingButAMonthYyyymmFrom1990To2100() {
    for (String period :
        new String[] {"2020-01", "202013", "202000", "198912", "210101", "20201"}) {
      assertEquals(
          QuarantineReason.BAD_PERIOD,
          reason(
              CUSTOMS.validate(
                  customs(period, "330521", VALID_ID, "84713000", "0110", "US", null, "1", "7"))),
          period);
    }
    assertInstanceOf(
        Validated.Accepted.class,
        CUSTOMS.validate(
            customs("199001", "330521", VALID_ID, "84713000", "0110", "US", null, "1", "7")));
  }

  @Test
  void badNumberForSeparatorsExponentsUnitsAndThirdDecimals() {
    for (String amount :
        new String[] {
          "1,234.00", "1.2E5", "12万", "1.234", "1..2", "abc", "１２", "0x10", ".", "+", "1 2", "--1"
        }) {
      assertEquals(
          QuarantineReason.BAD_NUMBER, reason(CUSTOMS.validate(goodCustoms(amount, null))), amount);
    }
    assertEquals(new BigDecimal("5.00"), accepted(CUSTOMS.validate(goodCustoms("5.", "1")))[8]);
    assertEquals(new BigDecimal("0.50"), accepted(CUSTOMS.validate(goodCustoms(".5", "1")))[8]);
    assertEquals(new BigDecimal("5.00"), accepted(CUSTOMS.validate(goodCustoms("+5", "1")))[8]);
    // Nineteen integer digits do not fit DECIMAL(20,2); leading zeros do not count.
    assertEquals(
        QuarantineReason.BAD_NUMBER,
        reason(CUSTOMS.validate(goodCustoms("1234567890123456789", "1"))));
    assertEquals(
        new BigDecimal("123456789012345678.00"),
        accepted(CUSTOMS.validate(goodCustoms("00123456789012345678", "1")))[8]);
  }

  @Test
  void badNumberForDigitCodesOfTheWrongLength() {
    assertEquals(
        QuarantineReason.BAD_NUMBER,
        reason(
            CUSTOMS.validate(
                customs("202001", "330521", VALID_ID, "847130", "0110", "US", null, "1", "7"))));
    assertEquals(
        QuarantineReason.BAD_NUMBER,
        reason(
            CUSTOMS.validate(
                customs("202001", "330521", VALID_ID, "84713000", "110", "US", null, "1", "7"))));
    assertInstanceOf(
        Validated.Accepted.class,
        CUSTOMS.validate(
            customs("202001", "330521", VALID_ID, "8471300000", "9610", "US", null, "1", "7")));
  }

  @Test
  void negativeAmountWhenMoneyIsBelowZero() {
    assertEquals(
        QuarantineReason.NEGATIVE_AMOUNT, reason(CUSTOMS.validate(goodCustoms("-0.01", "7"))));
    assertInstanceOf(Validated.Accepted.class, CUSTOMS.validate(goodCustoms("0", "-0")));
  }

  @Test
  void noAmountWhenACustomsLineHasNeitherCurrency() {
    assertEquals(QuarantineReason.NO_AMOUNT, reason(CUSTOMS.validate(goodCustoms("", " "))));
  }

  @Test
  void unknownCountyWhenTheCodeIsNotInRegions() {
    assertEquals(
        QuarantineReason.UNKNOWN_COUNTY,
        reason(
            CUSTOMS.validate(
                customs("202001", "330599", VALID_ID, "84713000", "0110", "US", null, "1", "7"))));
  }

  @Test
  void invalidEnterpriseIdWhenTheCheckCharacterIsWrong() {
    assertEquals(
        QuarantineReason.INVALID_ENTERPRISE_ID,
        reason(
            CUSTOMS.validate(
                customs(
                    "202001",
                    "330521",
                    "91350100M000100Y44",
                    "84713000",
                    "0110",
                    "US",
                    null,
                    "1",
                    "7"))));
  }

  @Test
  void noFxRateWhenOneCurrencyIsMissingAndTheMonthHasNoRate() {
    assertEquals(
        QuarantineReason.NO_FX_RATE,
        reason(
            CUSTOMS.validate(
                customs("202003", "330521", VALID_ID, "84713000", "0110", "US", null, "1", ""))));
    // Both given: no rate needed.
    assertInstanceOf(
        Validated.Accepted.class,
        CUSTOMS.validate(
            customs("202003", "330521", VALID_ID, "84713000", "0110", "US", null, "1", "7")));
  }

  @Test
  void theFirstReasonInTheFixedOrderWins() {
    // Bad period, negative amount, unknown county and a wrong id at once: bad_period.
    assertEquals(
        QuarantineReason.BAD_PERIOD,
        reason(
            CUSTOMS.validate(
                customs("202013", "999999", "X", "84713000", "0110", "US", null, "-5", "1,0"))));
    // Bad number before negative amount.
    assertEquals(QuarantineReason.BAD_NUMBER, reason(CUSTOMS.validate(goodCustoms("-5", "1,0"))));
    // Unknown county before invalid enterprise id before no fx rate.
    assertEquals(
        QuarantineReason.UNKNOWN_COUNTY,
        reason(
            CUSTOMS.validate(
                customs("202003", "999999", "X", "84713000", "0110", "US", null, "1", null))));
    assertEquals(
        QuarantineReason.INVALID_ENTERPRISE_ID,
        reason(
            CUSTOMS.validate(
                customs("202003", "330521", "X", "84713000", "0110", "US", null, "1", null))));
  }

  @Test
  void aMissingCurrencyIsTheOtherConvertedHalfUpToCents() {
    // 2.00 USD × 7.0125 = 14.025 → 14.03 (half-up; half-even would give 14.02).
    Object[] toCny = accepted(CUSTOMS.validate(goodCustoms("2.00", "")));
    assertEquals(new BigDecimal("2.00"), toCny[8]);
    assertEquals(new BigDecimal("14.03"), toCny[9]);
    // 1.20 USD × 7.0125 = 8.415 → 8.42.
    assertEquals(new BigDecimal("8.42"), accepted(CUSTOMS.validate(goodCustoms("1.2", null)))[9]);
    // 0.80 CNY ÷ 6.4000 = 0.125 → 0.13 (half-even would give 0.12).
    Object[] toUsd =
        accepted(
            CUSTOMS.validate(
                customs("202002", "330521", VALID_ID, "84713000", "0110", "US", null, "", "0.80")));
    assertEquals(new BigDecimal("0.13"), toUsd[8]);
    assertEquals(new BigDecimal("0.80"), toUsd[9]);
    // 100 CNY ÷ 7.0125 = 14.2602… → 14.26.
    assertEquals(new BigDecimal("14.26"), accepted(CUSTOMS.validate(goodCustoms(null, "100")))[8]);
  }

  @Test
  void bothCurrenciesGivenAreKeptAsGivenEvenIfTheRateDisagrees() {
    Object[] values = accepted(CUSTOMS.validate(goodCustoms("100", "650.5")));
    assertEquals(new BigDecimal("100.00"), values[8]);
    assertEquals(new BigDecimal("650.50"), values[9]);
  }

  @Test
  void anUnknownTownKeepsTheRowWithoutItsTown() {
    // 330522100 is a unit of 330522, not of the row's county 330521.
    Validated.Accepted other =
        assertInstanceOf(
            Validated.Accepted.class,
            CUSTOMS.validate(
                customs(
                    "202001",
                    "330521",
                    VALID_ID,
                    "84713000",
                    "0110",
                    "US",
                    "330522100",
                    "1",
                    "7")));
    assertTrue(other.unknownTown());
    assertEquals(null, other.values()[2]);
    Validated.Accepted none =
        assertInstanceOf(Validated.Accepted.class, CUSTOMS.validate(goodCustoms("1", "7")));
    assertFalse(none.unknownTown());
    assertEquals("330521001", none.values()[2]);
  }

  @Test
  void otherSourcesAreTypedToTheirSilverColumns() {
    RecordValidator fdi = new RecordValidator(Source.FDI_INFLOWS, REFERENCE);
    // period, county_code, project_id, actual_usd, town_code, investor_country, industry,
    // contract_usd
    assertArrayEquals(
        new Object[] {202001, "330522", null, "P-1", "HK", "C", null, new BigDecimal("250.00")},
        accepted(
            fdi.validate(
                new RawRecord(
                    2, "r", new String[] {"202001", "330522", "P-1", "250", "", "hk", "c", ""}))));
    assertEquals(
        QuarantineReason.MISSING_FIELD,
        reason(
            fdi.validate(
                new RawRecord(
                    2,
                    "r",
                    new String[] {"202001", "330522", "P-1", "250", "", "HK", "制造业", ""}))));
    RecordValidator retail = new RecordValidator(Source.RETAIL_SALES, REFERENCE);
    assertArrayEquals(
        new Object[] {202001, "330521", new BigDecimal("100.00"), null, "month"},
        accepted(
            retail.validate(
                new RawRecord(2, "r", new String[] {"202001", "330521", "100", "", ""}))));
    assertArrayEquals(
        new Object[] {202001, "330521", new BigDecimal("100.00"), new BigDecimal("9.50"), "ytd"},
        accepted(
            retail.validate(
                new RawRecord(2, "r", new String[] {"202001", "330521", "100", "9.5", "YTD"}))));
    RecordValidator aboveQuota = new RecordValidator(Source.ABOVE_QUOTA_SALES, REFERENCE);
    assertArrayEquals(
        new Object[] {
          202002, "330521", "330521001", OTHER_VALID_ID, "catering", new BigDecimal("5.00")
        },
        accepted(
            aboveQuota.validate(
                new RawRecord(
                    2,
                    "r",
                    new String[] {
                      "202002", "330521", OTHER_VALID_ID, "Catering", "5", "330521001"
                    }))));
  }

  @Test
  void theValidatorSurvivesJavaSerialisationAsSparkClosuresNeed() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(CUSTOMS);
    }
    RecordValidator copy;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (RecordValidator) in.readObject();
    } catch (IOException e) {
      throw e;
    }
    assertEquals(new BigDecimal("14.03"), accepted(copy.validate(goodCustoms("2.00", "")))[9]);
  }
}
