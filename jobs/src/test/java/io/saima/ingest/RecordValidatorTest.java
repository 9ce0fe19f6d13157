package io.saima.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.QuarantineReason;
import io.saima.catalog.Source;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The landing contract's row rules (DESIGN.md, "Landing zone" and "Bad input") as tables: each row
 * changes one field of a valid record of a source and says what becomes of it — the typed value
 * silver keeps, or the one quarantine reason code. In the tables an empty cell is an absent field
 * (the record is shorter than the header), {@code ''} an empty one, and {@code null} as an outcome
 * means the row is kept with that column empty.
 */
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
   * A valid record of each source, by column. Customs gives both currencies, so no rate is needed
   * whatever the period.
   */
  private static final Map<Source, Map<String, String>> VALID =
      Map.of(
          Source.CUSTOMS_EXPORTS,
          Map.of(
              "period", "202001",
              "county_code", "330521",
              "enterprise_id", VALID_ID,
              "hs_code", "84713000",
              "trade_mode", "0110",
              "destination", "US",
              "town_code", "330521001",
              "enterprise_name", "某公司",
              "value_usd", "1",
              "value_cny", "7"),
          Source.FDI_INFLOWS,
          Map.of(
              "period", "202001",
              "county_code", "330522",
              "project_id", "P-1",
              "actual_usd", "250",
              "town_code", "",
              "investor_country", "HK",
              "industry", "C",
              "contract_usd", ""),
          Source.RETAIL_SALES,
          Map.of(
              "period", "202001",
              "county_code", "330521",
              "retail_sales_cny", "100",
              "online_retail_cny", "",
              "basis", ""),
          Source.ABOVE_QUOTA_SALES,
          Map.of(
              "period", "202002",
              "county_code", "330521",
              "enterprise_id", OTHER_VALID_ID,
              "industry", "catering",
              "sales_cny", "5",
              "town_code", "330521001"));

  /** The valid record of a source with some fields changed; a null value makes a field absent. */
  private static RawRecord record(Source source, Map<String, String> changes, int surplusFields) {
    Map<String, String> fields = new HashMap<>(VALID.get(source));
    changes.forEach(
        (column, value) -> {
          assertTrue(source.columns().contains(column), source.id() + " has no column " + column);
          fields.put(column, value);
        });
    String[] values = source.columns().stream().map(fields::get).toArray(String[]::new);
    return new RawRecord(2, "raw", values, surplusFields);
  }

  private static Validated validate(Source source, Map<String, String> changes) {
    return new RecordValidator(source, REFERENCE).validate(record(source, changes, 0));
  }

  private static Validated validate(Source source, String column, String value) {
    Map<String, String> changes = new HashMap<>();
    changes.put(column, value);
    return validate(source, changes);
  }

  /** "period=202013; value_cny=" → the changes it names ("" for nothing after the =). */
  private static Map<String, String> changes(String spec) {
    Map<String, String> changes = new HashMap<>();
    for (String change : spec.split(";")) {
      String[] parts = change.split("=", 2);
      changes.put(parts[0].strip(), parts[1].strip());
    }
    return changes;
  }

  /** The reason code of a rejected row, or the typed value silver keeps in {@code column}. */
  private static String outcome(Validated validated, Source source, String column) {
    if (validated instanceof Validated.Rejected rejected) {
      return rejected.reason().code();
    }
    return shown(value(validated, source, column));
  }

  private static Object value(Validated validated, Source source, String column) {
    int index = Arrays.asList(RecordValidator.businessColumns(source)).indexOf(column);
    assertTrue(index >= 0, "silver " + source.id() + " has no column " + column);
    return assertInstanceOf(Validated.Accepted.class, validated).values()[index];
  }

  private static String shown(Object value) {
    return value instanceof BigDecimal amount ? amount.toPlainString() : String.valueOf(value);
  }

  private static void assertOutcome(String sourceId, String column, String value, String expected) {
    Source source = Source.byId(sourceId).orElseThrow();
    Validated validated = validate(source, column, value);
    assertEquals(expected, outcome(validated, source, column), validated::toString);
  }

  // ------------------------------------------------------------------------------ typed rows

  @Test
  void aValidCustomsLineIsTypedInTheSilverColumnOrder() {
    Validated result =
        CUSTOMS.validate(
            new RawRecord(
                2,
                "raw",
                new String[] {
                  " 202001 ",
                  "330521",
                  "91350100m000100y43",
                  "84713000",
                  "0110",
                  "us",
                  "330521001",
                  "某公司",
                  "1234.5",
                  "8000"
                }));
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
    assertEquals(
        new Validated.Accepted(
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
            false),
        result);
  }

  static Stream<Arguments> rowsOfEachSource() {
    return Stream.of(
        // period, county_code, project_id, actual_usd, town_code, investor_country, industry,
        // contract_usd → silver: period, county_code, town_code, project_id, investor_country,
        // industry, contract_usd, actual_usd
        Arguments.of(
            Source.FDI_INFLOWS,
            new String[] {"202001", "330522", "P-1", "250", "", "hk", "c", ""},
            new Object[] {
              202001, "330522", null, "P-1", "HK", "C", null, new BigDecimal("250.00")
            }),
        // period, county_code, retail_sales_cny, online_retail_cny, basis
        Arguments.of(
            Source.RETAIL_SALES,
            new String[] {"202001", "330521", "100", "", ""},
            new Object[] {202001, "330521", new BigDecimal("100.00"), null, "month"}),
        Arguments.of(
            Source.RETAIL_SALES,
            new String[] {"202001", "330521", "100", "9.5", "YTD"},
            new Object[] {
              202001, "330521", new BigDecimal("100.00"), new BigDecimal("9.50"), "ytd"
            }),
        // period, county_code, enterprise_id, industry, sales_cny, town_code → silver: period,
        // county_code, town_code, enterprise_id, industry, sales_cny
        Arguments.of(
            Source.ABOVE_QUOTA_SALES,
            new String[] {"202002", "330521", OTHER_VALID_ID, "Catering", "5", "330521001"},
            new Object[] {
              202002, "330521", "330521001", OTHER_VALID_ID, "catering", new BigDecimal("5.00")
            }));
  }

  @ParameterizedTest(name = "{0}: {1} is typed as {2}")
  @MethodSource("rowsOfEachSource")
  void eachSourceIsTypedToItsSilverColumns(Source source, String[] raw, Object[] expected) {
    assertEquals(
        new Validated.Accepted(expected, false),
        new RecordValidator(source, REFERENCE).validate(new RawRecord(2, "r", raw)));
  }

  // ------------------------------------------------------------------------------ missing_field

  @ParameterizedTest(name = "{0}.{1} empty, blank or absent is missing_field")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          customs_exports   | period
          customs_exports   | county_code
          customs_exports   | enterprise_id
          customs_exports   | hs_code
          customs_exports   | trade_mode
          customs_exports   | destination
          fdi_inflows       | period
          fdi_inflows       | county_code
          fdi_inflows       | project_id
          fdi_inflows       | actual_usd
          retail_sales      | period
          retail_sales      | county_code
          retail_sales      | retail_sales_cny
          above_quota_sales | period
          above_quota_sales | county_code
          above_quota_sales | enterprise_id
          above_quota_sales | industry
          above_quota_sales | sales_cny
          """)
  void aRequiredFieldThatIsEmptyBlankOrAbsentIsMissingField(String sourceId, String column) {
    Source source = Source.byId(sourceId).orElseThrow();
    for (String value : new String[] {"", " \t ", null}) {
      Validated.Rejected rejected =
          assertInstanceOf(Validated.Rejected.class, validate(source, column, value));
      assertEquals(QuarantineReason.MISSING_FIELD, rejected.reason(), String.valueOf(value));
      assertTrue(rejected.detail().startsWith(column + " "), rejected.detail());
    }
  }

  @ParameterizedTest(name = "{0} surplus field(s), period {1} → {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0 | 202001 | 202001
          1 | 202001 | missing_field
          2 | 202001 | missing_field
          1 | 202013 | missing_field
          """)
  void aRecordWithMoreFieldsThanTheHeaderIsMissingFieldBeforeAnythingElse(
      int surplusFields, String period, String expected) {
    Validated validated =
        CUSTOMS.validate(record(Source.CUSTOMS_EXPORTS, Map.of("period", period), surplusFields));
    assertEquals(expected, outcome(validated, Source.CUSTOMS_EXPORTS, "period"));
  }

  @ParameterizedTest(name = "{0}.{1} ''{2}'' → {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          customs_exports   | destination      | US            | US
          customs_exports   | destination      | us            | US
          customs_exports   | destination      | ' jp '        | JP
          customs_exports   | destination      | USA           | missing_field
          customs_exports   | destination      | U             | missing_field
          customs_exports   | destination      | U1            | missing_field
          customs_exports   | destination      | 美国          | missing_field
          customs_exports   | destination      | ＵＳ          | missing_field
          fdi_inflows       | investor_country | hk            | HK
          fdi_inflows       | investor_country | ''            | null
          fdi_inflows       | investor_country |               | null
          fdi_inflows       | investor_country | HKG           | missing_field
          fdi_inflows       | investor_country | 香港          | missing_field
          fdi_inflows       | industry         | c             | C
          fdi_inflows       | industry         | A             | A
          fdi_inflows       | industry         | T             | T
          fdi_inflows       | industry         | ''            | null
          fdi_inflows       | industry         | U             | missing_field
          fdi_inflows       | industry         | CD            | missing_field
          fdi_inflows       | industry         | 制造业        | missing_field
          retail_sales      | basis            | month         | month
          retail_sales      | basis            | YTD           | ytd
          retail_sales      | basis            | ' Ytd '       | ytd
          retail_sales      | basis            | ''            | month
          retail_sales      | basis            |               | month
          retail_sales      | basis            | quarter       | missing_field
          retail_sales      | basis            | 累计          | missing_field
          above_quota_sales | industry         | Catering      | catering
          above_quota_sales | industry         | WHOLESALE     | wholesale
          above_quota_sales | industry         | ' retail '    | retail
          above_quota_sales | industry         | accommodation | accommodation
          above_quota_sales | industry         | 批发          | missing_field
          above_quota_sales | industry         | manufacturing | missing_field
          """)
  void aValueOfAFixedKindIsNormalisedOrMissingFieldWhenItIsNotOne(
      String sourceId, String column, String value, String expected) {
    assertOutcome(sourceId, column, value, expected);
  }

  // ------------------------------------------------------------------------------ bad_period

  @ParameterizedTest(name = "period ''{0}'' → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          202001     | 202001
          ' 202001 ' | 202001
          199001     | 199001
          210012     | 210012
          198912     | bad_period
          210101     | bad_period
          202013     | bad_period
          202000     | bad_period
          000000     | bad_period
          2020-01    | bad_period
          2020-06    | bad_period
          2020/06    | bad_period
          2020.06    | bad_period
          20201      | bad_period
          2020061    | bad_period
          20200601   | bad_period
          +20201     | bad_period
          ２０２００１ | bad_period
          2020年6月  | bad_period
          """)
  void aPeriodIsAMonthYyyymmOfTheYears1990To2100(String period, String expected) {
    assertOutcome("customs_exports", "period", period, expected);
  }

  // ------------------------------------------------------------------------------ bad_number

  /** value_usd alone (value_cny absent), so an amount that is not there is no amount at all. */
  @ParameterizedTest(name = "value_usd ''{0}'' → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0                      | 0.00
          5                      | 5.00
          5.                     | 5.00
          .5                     | 0.50
          +5                     | 5.00
          +12.34                 | 12.34
          12.3                   | 12.30
          ' 12.5 '               | 12.50
          '　12.5　'             | 12.50
          -0                     | 0.00
          -0.00                  | 0.00
          123456789012345678.99  | 123456789012345678.99
          00123456789012345678   | 123456789012345678.00
          1234567890123456789    | bad_number
          12.345                 | bad_number
          1.234                  | bad_number
          1,000                  | bad_number
          1,234.00               | bad_number
          1e3                    | bad_number
          1.2E5                  | bad_number
          12万                   | bad_number
          100元                  | bad_number
          ¥100                   | bad_number
          (100)                  | bad_number
          １００                 | bad_number
          １２                   | bad_number
          0x10                   | bad_number
          abc                    | bad_number
          NaN                    | bad_number
          Infinity               | bad_number
          .                      | bad_number
          +                      | bad_number
          -                      | bad_number
          1..2                   | bad_number
          1.2.3                  | bad_number
          1 2                    | bad_number
          1 000                  | bad_number
          '100\u00A0'            | bad_number
          --1                    | bad_number
          +-1                    | bad_number
          -0.01                  | negative_amount
          -5                     | negative_amount
          ''                     | no_amount
          '   '                  | no_amount
                                 | no_amount
          """)
  void moneyIsAPlainDecimalOfAtMost18IntegerDigitsAndTwoDecimals(String amount, String expected) {
    Map<String, String> changes = new HashMap<>();
    changes.put("value_usd", amount);
    changes.put("value_cny", null);
    Validated validated = validate(Source.CUSTOMS_EXPORTS, changes);
    assertEquals(expected, outcome(validated, Source.CUSTOMS_EXPORTS, "value_usd"), amount);
  }

  @ParameterizedTest(name = "{0}.{1} ''{2}'' → {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          customs_exports   | value_usd         | -1     | negative_amount
          customs_exports   | value_usd         | 1,0    | bad_number
          customs_exports   | value_cny         | 650.5  | 650.50
          customs_exports   | value_cny         | -0     | 0.00
          customs_exports   | value_cny         | -1     | negative_amount
          customs_exports   | value_cny         | 1e3    | bad_number
          customs_exports   | value_cny         | ' '    | 7.01
          fdi_inflows       | actual_usd        | 250.5  | 250.50
          fdi_inflows       | actual_usd        | -1     | negative_amount
          fdi_inflows       | actual_usd        | 1,000  | bad_number
          fdi_inflows       | contract_usd      | 1000   | 1000.00
          fdi_inflows       | contract_usd      | ''     | null
          fdi_inflows       | contract_usd      | -1     | negative_amount
          fdi_inflows       | contract_usd      | 1.234  | bad_number
          retail_sales      | retail_sales_cny  | 0      | 0.00
          retail_sales      | retail_sales_cny  | -1     | negative_amount
          retail_sales      | retail_sales_cny  | 1.2E5  | bad_number
          retail_sales      | online_retail_cny | 9.5    | 9.50
          retail_sales      | online_retail_cny | ''     | null
          retail_sales      | online_retail_cny | -0.01  | negative_amount
          retail_sales      | online_retail_cny | 12万   | bad_number
          above_quota_sales | sales_cny         | 5      | 5.00
          above_quota_sales | sales_cny         | -1     | negative_amount
          above_quota_sales | sales_cny         | １００ | bad_number
          """)
  void everyMoneyColumnOfEverySourceFollowsTheSameRules(
      String sourceId, String column, String value, String expected) {
    assertOutcome(sourceId, column, value, expected);
  }

  @ParameterizedTest(name = "{0} ''{1}'' → {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          hs_code    | 84713000     | 84713000
          hs_code    | 8471300000   | 8471300000
          hs_code    | ' 84713000 ' | 84713000
          hs_code    | 847130       | bad_number
          hs_code    | 8471300      | bad_number
          hs_code    | 847130000    | bad_number
          hs_code    | 84713000000  | bad_number
          hs_code    | 8471.30.00   | bad_number
          hs_code    | 8.4713E+09   | bad_number
          hs_code    | 8471300A     | bad_number
          hs_code    | ８４７１３０００ | bad_number
          trade_mode | 0110         | 0110
          trade_mode | 9610         | 9610
          trade_mode | 9710         | 9710
          trade_mode | 9810         | 9810
          trade_mode | 1210         | 1210
          trade_mode | ' 0110 '     | 0110
          trade_mode | 110          | bad_number
          trade_mode | 01100        | bad_number
          trade_mode | 110.0        | bad_number
          trade_mode | ０１１０      | bad_number
          """)
  void hsCodesOf8Or10DigitsAndTradeModesOf4DigitsOrBadNumber(
      String column, String value, String expected) {
    assertOutcome("customs_exports", column, value, expected);
  }

  // ------------------------------------------------------------------------------ unknown_county

  @ParameterizedTest(name = "county_code ''{0}'' → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          330521     | 330521
          330522     | 330522
          ' 330521 ' | 330521
          330599     | unknown_county
          33052      | unknown_county
          3305210    | unknown_county
          330521001  | unknown_county
          33O521     | unknown_county
          ABCDEF     | unknown_county
          ３３０５２１ | unknown_county
          """)
  void aCountyCodeNotInRegionsIsUnknownCountyWhateverItsShape(String county, String expected) {
    assertOutcome("customs_exports", "county_code", county, expected);
  }

  // ------------------------------------------------------------------------------
  // invalid_enterprise_id

  @ParameterizedTest(name = "{0} enterprise_id ''{1}'' → {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          customs_exports   | 91350100M000100Y43     | 91350100M000100Y43
          customs_exports   | 90000000000000000N     | 90000000000000000N
          customs_exports   | 91350100m000100y43     | 91350100M000100Y43
          customs_exports   | ' 91350100M000100Y43 ' | 91350100M000100Y43
          customs_exports   | 91350100M000100Y44     | invalid_enterprise_id
          customs_exports   | 91350100M000100Y4      | invalid_enterprise_id
          customs_exports   | 91350100M000100Y430    | invalid_enterprise_id
          customs_exports   | 330521000012345        | invalid_enterprise_id
          customs_exports   | 91350100I000100Y43     | invalid_enterprise_id
          customs_exports   | 91350100O000100Y43     | invalid_enterprise_id
          customs_exports   | ９1350100M000100Y43     | invalid_enterprise_id
          customs_exports   | X                      | invalid_enterprise_id
          above_quota_sales | 91350100m000100y43     | 91350100M000100Y43
          above_quota_sales | 91350100M000100Y44     | invalid_enterprise_id
          above_quota_sales | 9135010M000100Y43      | invalid_enterprise_id
          """)
  void anEnterpriseIdIsAnUpperCasedCreditCodeWithItsCheckCharacter(
      String sourceId, String enterprise, String expected) {
    assertOutcome(sourceId, "enterprise_id", enterprise, expected);
  }

  // ------------------------------------------------------------------------------ towns

  @ParameterizedTest(name = "town_code ''{0}'' → {1}, unknown town {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          330521001     | 330521001 | false
          ' 330521001 ' | 330521001 | false
          ''            | null      | false
                        | null      | false
          330522100     | null      | true
          999999999     | null      | true
          33052100      | null      | true
          某镇          | null      | true
          """)
  void aTownThatIsNotAUnitOfTheRowsCountyIsDroppedAndTheRowKept(
      String town, String expectedTown, boolean unknownTown) {
    Validated validated = validate(Source.CUSTOMS_EXPORTS, "town_code", town);
    Validated.Accepted accepted = assertInstanceOf(Validated.Accepted.class, validated);
    assertEquals(expectedTown, shown(value(validated, Source.CUSTOMS_EXPORTS, "town_code")));
    assertEquals(unknownTown, accepted.unknownTown());
  }

  // ------------------------------------------------------------------------------ currencies

  @ParameterizedTest(name = "{0}: usd ''{1}'', cny ''{2}'' → {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          202001 | 2.00 | ''    | 2.00 / 14.03
          202001 | 1.2  |       | 1.20 / 8.42
          202001 | 0.01 |       | 0.01 / 0.07
          202001 |      | 100   | 14.26 / 100.00
          202002 | ''   | 0.80  | 0.13 / 0.80
          202001 | 100  | 650.5 | 100.00 / 650.50
          202003 | 1    | 7     | 1.00 / 7.00
          202003 | 1    | ''    | no_fx_rate
          202003 |      | 7     | no_fx_rate
          201912 | 1    |       | no_fx_rate
          202001 | ''   | ''    | no_amount
          202001 | 999999999999999999 |  | bad_number
          202001 | 99999999999999999  |  | 99999999999999999.00 / 701249999999999992.99
          202002 |  | 999999999999999999 | 156249999999999999.84 / 999999999999999999.00
          """)
  void aMissingCurrencyIsTheOtherAtTheMonthsRateRoundedHalfUpAndBothGivenAreKept(
      String period, String usd, String cny, String expected) {
    // 2.00 × 7.0125 = 14.025 and 0.80 ÷ 6.4 = 0.125: half-up gives 14.03 and 0.13, half-even
    // would give 14.02 and 0.12. 100 ÷ 7.0125 = 14.2602…; 1.20 × 7.0125 = 8.415.
    Map<String, String> changes = new HashMap<>();
    changes.put("period", period);
    changes.put("value_usd", usd);
    changes.put("value_cny", cny);
    Validated validated = validate(Source.CUSTOMS_EXPORTS, changes);
    String actual =
        validated instanceof Validated.Rejected rejected
            ? rejected.reason().code()
            : shown(value(validated, Source.CUSTOMS_EXPORTS, "value_usd"))
                + " / "
                + shown(value(validated, Source.CUSTOMS_EXPORTS, "value_cny"));
    assertEquals(expected, actual);
  }

  // ------------------------------------------------------------------------------ order

  /**
   * Reasons are tried in a fixed order: missing_field, bad_period, bad_number, negative_amount,
   * no_amount, unknown_county, invalid_enterprise_id, no_fx_rate. Each row breaks several rules at
   * once; the first in that order is the row's one reason.
   */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          county_code=; period=2020-01; value_usd=-5                                      | missing_field
          destination=USA; period=202013; hs_code=847130                                  | missing_field
          period=202013; county_code=999999; enterprise_id=X; value_usd=-5; value_cny=1,0 | bad_period
          period=202013; hs_code=847130                                                   | bad_period
          value_usd=-5; value_cny=1,0                                                     | bad_number
          value_usd=-5; trade_mode=110                                                    | bad_number
          value_usd=-5; county_code=999999                                                | negative_amount
          value_usd=; value_cny=; county_code=999999                                      | no_amount
          period=202003; county_code=999999; enterprise_id=X; value_cny=                  | unknown_county
          period=202003; enterprise_id=X; value_cny=                                      | invalid_enterprise_id
          period=202003; town_code=999999999; value_cny=                                  | no_fx_rate
          """)
  void theFirstReasonInTheFixedOrderIsTheRowsReason(String changes, String expected) {
    assertEquals(
        expected,
        outcome(
            validate(Source.CUSTOMS_EXPORTS, changes(changes)), Source.CUSTOMS_EXPORTS, "period"));
  }

  // ------------------------------------------------------------------------------ Spark

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
    }
    Map<String, String> changes = new HashMap<>();
    changes.put("value_usd", "2.00");
    changes.put("value_cny", "");
    Validated validated = copy.validate(record(Source.CUSTOMS_EXPORTS, changes, 0));
    assertEquals(new BigDecimal("14.03"), value(validated, Source.CUSTOMS_EXPORTS, "value_cny"));
    assertFalse(((Validated.Accepted) validated).unknownTown());
  }
}
