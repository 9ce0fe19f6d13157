package io.saima.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.Source;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading one delivery file into records (DESIGN.md, "Landing zone": UTF-8 with or without a byte
 * order mark, or GBK/GB18030; English or Chinese header names; a file that cannot be read at all
 * refuses its delivery). Encodings, line endings, header spellings and refusals are tables of
 * in-memory files.
 */
class DeliveryFileReaderTest {
  private static final Charset GBK = Charset.forName("GBK");
  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /** The Chinese aliases as conf/application.yaml spells them (a subset). */
  private static final ReaderSettings ALIASES =
      new ReaderSettings(
          "auto",
          Map.of(
              "period", List.of("统计月份"),
              "county_code", List.of("县市区代码"),
              "retail_sales_cny", List.of("社会消费品零售总额"),
              "online_retail_cny", List.of("网络零售额"),
              "basis", List.of("口径"),
              "enterprise_id", List.of("统一社会信用代码"),
              "industry", List.of("行业"),
              "sales_cny", List.of("销售额"),
              "town_code", List.of("乡镇街道代码")));

  private static List<RawRecord> read(byte[] bytes, String fileName, Source source)
      throws Exception {
    return read(bytes, fileName, source, ALIASES);
  }

  private static List<RawRecord> read(
      byte[] bytes, String fileName, Source source, ReaderSettings settings) throws Exception {
    List<RawRecord> records = new ArrayList<>();
    DeliveryFileReader.forEach(
        new ByteArrayInputStream(bytes), fileName, source, settings, records::add);
    return records;
  }

  private static ReaderSettings encoding(String encoding) {
    return new ReaderSettings(encoding, ALIASES.headerAliases());
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The text in the charset, refusing to let a character the charset lacks become '?'. */
  private static byte[] encode(String text, Charset charset) {
    assertTrue(charset.newEncoder().canEncode(text), charset + " cannot encode " + text);
    return text.getBytes(charset);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  // retail_sales columns: period, county_code, retail_sales_cny, online_retail_cny, basis

  @Test
  void utf8WithEnglishHeadersIsAlignedToTheSourceColumns() throws Exception {
    List<RawRecord> records =
        read(
            utf8("basis,county_code,period,retail_sales_cny\nytd,330521,202001,100.5\n"),
            "r.csv",
            Source.RETAIL_SALES);
    assertEquals(
        List.of(
            new RawRecord(
                2,
                "ytd,330521,202001,100.5",
                new String[] {"202001", "330521", "100.5", null, "ytd"})),
        records);
  }

  // ------------------------------------------------------------------------------ encodings

  /** A GBK-encodable remark, Chinese headers (one padded with spaces) and a column not read. */
  private static final String CHINESE_HEADER = "统计月份, 县市区代码 ,统一社会信用代码,行业,销售额,备注\n";

  private static final String CHINESE_LINE = "202006,330521,91350100M000100Y43,retail,12345.67,";

  /**
   * The same above_quota_sales file, its remark column holding {@code remark}, written in {@code
   * writtenAs} (with a UTF-8 byte order mark when {@code bom}) and read with {@code encoding} set.
   * GB18030-only characters are those GBK lacks: 𠮷 (outside the BMP) and Hangul.
   */
  @ParameterizedTest(name = "{0}{1} read with encoding {2}: {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          UTF-8   | ''          | auto    | 德清县某商贸有限公司
          UTF-8   | ''          | UTF-8   | 德清县某商贸有限公司
          UTF-8   | ''          | auto    | 𠮷野家 한국
          UTF-8   | ' with BOM' | auto    | 德清县某商贸有限公司
          UTF-8   | ' with BOM' | UTF-8   | 德清县某商贸有限公司
          UTF-8   | ' with BOM' | GBK     | 德清县某商贸有限公司
          UTF-8   | ' with BOM' | GB18030 | 𠮷野家 한국
          GBK     | ''          | auto    | 德清县某商贸有限公司
          GBK     | ''          | GBK     | 德清县某商贸有限公司
          GBK     | ''          | GB18030 | 德清县某商贸有限公司
          GB18030 | ''          | auto    | 𠮷野家 한국
          GB18030 | ''          | GB18030 | 𠮷野家 한국
          GB18030 | ''          | auto    | 德清县某商贸有限公司
          """)
  void eachEncodingTheContractAllowsReadsTheSameRecords(
      String writtenAs, String bom, String encoding, String remark) throws Exception {
    byte[] text = encode(CHINESE_HEADER + CHINESE_LINE + remark + "\n", Charset.forName(writtenAs));
    byte[] bytes = bom.isEmpty() ? text : concat(UTF8_BOM, text);
    List<RawRecord> records = read(bytes, "限上.csv", Source.ABOVE_QUOTA_SALES, encoding(encoding));
    // above_quota_sales columns: period, county_code, enterprise_id, industry, sales_cny, town_code
    assertEquals(
        List.of(
            new RawRecord(
                2,
                CHINESE_LINE + remark,
                new String[] {
                  "202006", "330521", "91350100M000100Y43", "retail", "12345.67", null
                })),
        records);
  }

  static Stream<Arguments> unreadableFiles() {
    String gbkOnly = CHINESE_HEADER + CHINESE_LINE + "德清县某商贸有限公司\n";
    String gb18030Only = CHINESE_HEADER + CHINESE_LINE + "𠮷野家 한국\n";
    byte[] neither = {(byte) 0xFF, (byte) 0x80, (byte) 0xFF, 'a', ',', 'b', '\n'};
    return Stream.of(
        Arguments.of(
            "GBK text read with UTF-8 set",
            "c.csv",
            encode(gbkOnly, GBK),
            "UTF-8",
            "not valid UTF-8"),
        Arguments.of(
            "GB18030-only characters read with GBK set",
            "c.csv",
            encode(gb18030Only, GB18030),
            "GBK",
            "not valid GBK"),
        Arguments.of(
            "a UTF-8 byte order mark before GBK text",
            "c.csv",
            concat(UTF8_BOM, encode(gbkOnly, GBK)),
            "auto",
            "not valid UTF-8"),
        Arguments.of(
            "bytes that are neither UTF-8 nor GB18030 (0xFF, a lone 0x80)",
            "c.csv",
            neither,
            "auto",
            "neither UTF-8 nor GBK/GB18030"),
        Arguments.of(
            "the same bytes read with GB18030 set",
            "c.csv",
            neither,
            "GB18030",
            "not valid GB18030"),
        Arguments.of(
            "a binary file named .csv (NUL bytes)",
            "c.csv",
            new byte[] {'P', 'K', 3, 4, 0, 0, 1, 2, 'x'},
            "auto",
            "binary"),
        Arguments.of(
            "UTF-16LE text with its byte order mark",
            "c.csv",
            concat(
                new byte[] {(byte) 0xFF, (byte) 0xFE},
                "period\n".getBytes(StandardCharsets.UTF_16LE)),
            "auto",
            "UTF-16"),
        Arguments.of(
            "UTF-16BE text without a byte order mark",
            "c.csv",
            "period\n".getBytes(StandardCharsets.UTF_16BE),
            "auto",
            "UTF-16"),
        Arguments.of("a CSV renamed .xlsx", "r.xlsx", utf8("period\n"), "auto", "XLSX"),
        Arguments.of(
            "an Excel 97-2003 or password-protected workbook (OLE2) named .xlsx",
            "r.xlsx",
            new byte[] {
              (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A
            },
            "auto",
            "97-2003"));
  }

  @ParameterizedTest(name = "{0} ({3}) is unreadable: ''{4}''")
  @MethodSource("unreadableFiles")
  void aFileThatDoesNotDecodeOrIsNotTextIsUnreadable(
      String what, String fileName, byte[] bytes, String encoding, String problem) {
    UnreadableFileException e =
        assertThrows(
            UnreadableFileException.class,
            () -> read(bytes, fileName, Source.CUSTOMS_EXPORTS, encoding(encoding)));
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  // ------------------------------------------------------------------------------ line endings

  /**
   * A header and two records, each followed by the given line break (CR, LF, CRLF, or two of them
   * for an empty line between; NONE for a last record without one). Records keep their physical
   * line numbers, and their raw text has no line break.
   */
  @ParameterizedTest(name = "{0}, header, {1}, record, {2}, record, {3} → lines {4} and {5}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          NONE   | LF     | LF     | LF   | 2 | 3
          NONE   | CRLF   | CRLF   | CRLF | 2 | 3
          NONE   | CR     | CR     | CR   | 2 | 3
          NONE   | LF     | CRLF   | CR   | 2 | 3
          NONE   | CRLF   | CRLF   | NONE | 2 | 3
          NONE   | CR     | CR     | NONE | 2 | 3
          NONE   | CRLF   | CRLFCRLF | CRLF | 2 | 4
          NONE   | LF     | LFCR   | LF   | 2 | 4
          NONE   | CRCR   | CR     | CR   | 3 | 4
          LFLF   | LF     | LF     | LF   | 4 | 5
          CRLF   | CRLF   | CRLF   | CRLF | 3 | 4
          CRLF   | CRLF   | CRLFCRLF | NONE | 3 | 5
          """)
  void crlfLfAndLoneCrLineBreaksAllEndRecordsAndEmptyLinesAreSkipped(
      String beforeHeader,
      String afterHeader,
      String afterFirst,
      String afterSecond,
      long firstLine,
      long secondLine)
      throws Exception {
    String text =
        breaks(beforeHeader)
            + "period,county_code,retail_sales_cny"
            + breaks(afterHeader)
            + "202001,330521,1"
            + breaks(afterFirst)
            + "202002,330521,2"
            + breaks(afterSecond);
    assertEquals(
        List.of(
            new RawRecord(
                firstLine, "202001,330521,1", new String[] {"202001", "330521", "1", null, null}),
            new RawRecord(
                secondLine, "202002,330521,2", new String[] {"202002", "330521", "2", null, null})),
        read(utf8(text), "r.csv", Source.RETAIL_SALES));
  }

  private static String breaks(String names) {
    return names.equals("NONE") ? "" : names.replace("CR", "\r").replace("LF", "\n");
  }

  // ------------------------------------------------------------------------------ headers

  @ParameterizedTest(name = "header ''{0}''")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          period,county_code,retail_sales_cny           | 202001,330521,1
          ' Period ,COUNTY_CODE,Retail_Sales_CNY'       | 202001,330521,1
          统计月份,县市区代码,社会消费品零售总额              | 202001,330521,1
          ' 统计月份 , 县市区代码 ,社会消费品零售总额 '        | 202001,330521,1
          period,县市区代码,Retail_Sales_CNY              | 202001,330521,1
          retail_sales_cny,county_code,period           | 1,330521,202001
          period,备注,county_code,unknown,retail_sales_cny | 202001,某,330521,x,1
          '\uFEFFperiod,county_code,retail_sales_cny'   | 202001,330521,1
          """)
  void headerNamesAreMatchedTrimmedCaseInsensitivelyOrByTheirAlias(String header, String line)
      throws Exception {
    List<RawRecord> records = read(utf8(header + "\n" + line + "\n"), "r.csv", Source.RETAIL_SALES);
    assertEquals(1, records.size());
    assertArrayEquals(new String[] {"202001", "330521", "1", null, null}, records.get(0).values());
  }

  @ParameterizedTest(name = "header ''{0}'' is unreadable: ''{1}''")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          统计月份,县市区代码,网络零售额                    | lacks the required column(s) retail_sales_cny (社会消费品零售总额)
          county_code,retail_sales_cny                 | lacks the required column(s) period (统计月份)
          202001,330521,1                              | lacks the required column(s) period (统计月份), county_code (县市区代码)
          period,统计月份,county_code,retail_sales_cny   | names column period twice
          period,county_code,retail_sales_cny,Period   | names column period twice
          """)
  void aHeaderWithoutEveryRequiredColumnOnceMakesTheFileUnreadable(String header, String problem) {
    UnreadableFileException e =
        assertThrows(
            UnreadableFileException.class,
            () -> read(utf8(header + "\n202001,330521,5\n"), "r.csv", Source.RETAIL_SALES));
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }

  // ------------------------------------------------------------------------------ records

  @Test
  void quotedFieldsKeepCommasQuotesAndLineBreaksAndLaterLinesKeepTheirNumbers() throws Exception {
    String text =
        "period,county_code,enterprise_id,hs_code,trade_mode,destination,enterprise_name\n"
            + "202001,330521,91350100M000100Y43,84713000,0110,US,\"Deqing \"\"Green\"\", Ltd\r\n"
            + "second line\nthird line\"\n"
            + "202001,330521,91350100M000100Y43,84713000,0110,JP,plain\n";
    List<RawRecord> records = read(utf8(text), "c.csv", Source.CUSTOMS_EXPORTS);
    assertEquals(2, records.size());
    RawRecord quoted = records.get(0);
    assertEquals(2, quoted.line());
    // customs columns: period, county_code, enterprise_id, hs_code, trade_mode, destination,
    // town_code, enterprise_name, value_usd, value_cny
    assertEquals("Deqing \"Green\", Ltd\r\nsecond line\nthird line", quoted.values()[7]);
    assertEquals(
        "202001,330521,91350100M000100Y43,84713000,0110,US,\"Deqing \"\"Green\"\", Ltd\r\n"
            + "second line\nthird line\"",
        quoted.rawLine());
    // The quoted record spans lines 2 to 4, so the next one starts on line 5.
    assertEquals(5, records.get(1).line());
    assertEquals("JP", records.get(1).values()[5]);
  }

  /**
   * The header has four columns: period, county_code, retail_sales_cny, basis; online_retail_cny is
   * absent from the file. Values are shown in the source's column order.
   */
  @ParameterizedTest(name = "''{0}'' → {1}, surplus {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          202001,330521,7,month          | 202001 330521 7 (absent) month        | 0
          202001,330521,7,month,         | 202001 330521 7 (absent) month        | 0
          '202001,330521,7,month,, '     | 202001 330521 7 (absent) month        | 0
          202001,330521,1,234.5,month    | 202001 330521 1 (absent) 234.5        | 1
          202001,330521,1,234,5,month    | 202001 330521 1 (absent) 234          | 2
          202001,330521                  | 202001 330521 (absent) (absent) (absent) | 0
          202001,330521,,                | 202001 330521 (empty) (absent) (empty) | 0
          """)
  void aLongRecordCountsItsSurplusFieldsAndAShortOneHasAbsentValues(
      String line, String expectedValues, int surplus) throws Exception {
    List<RawRecord> records =
        read(
            utf8("period,county_code,retail_sales_cny,basis\n" + line + "\n"),
            "r.csv",
            Source.RETAIL_SALES);
    assertEquals(1, records.size());
    List<String> values = new ArrayList<>();
    for (String value : records.get(0).values()) {
      values.add(value == null ? "(absent)" : value.isEmpty() ? "(empty)" : value);
    }
    assertEquals(expectedValues, String.join(" ", values));
    assertEquals(surplus, records.get(0).surplusFields());
  }

  static Stream<Arguments> filesWithoutRecords() throws IOException {
    return Stream.of(
        Arguments.of("an empty CSV", "r.csv", new byte[0]),
        Arguments.of("a CSV of a byte order mark only", "r.csv", UTF8_BOM),
        Arguments.of(
            "a CSV with only its header", "r.csv", utf8("period,county_code,retail_sales_cny\r\n")),
        Arguments.of(
            "a CSV with its header and empty lines",
            "r.csv",
            utf8("period,county_code,retail_sales_cny\n\n,,\n \n")),
        Arguments.of("a CSV of empty lines and empty fields", "r.csv", utf8("\n\n,,\n")),
        Arguments.of("an empty .xlsx file", "r.xlsx", new byte[0]),
        Arguments.of("a workbook with an empty sheet", "r.xlsx", xlsx(List.of())),
        Arguments.of(
            "a workbook with only its header",
            "r.xlsx",
            xlsx(List.<Object[]>of(new Object[] {"period", "county_code", "retail_sales_cny"}))));
  }

  @ParameterizedTest(name = "{0} yields no records")
  @MethodSource("filesWithoutRecords")
  void aFileWithoutDataRecordsYieldsNone(String what, String fileName, byte[] bytes)
      throws Exception {
    assertEquals(List.of(), read(bytes, fileName, Source.RETAIL_SALES));
  }

  // ------------------------------------------------------------------------------ file names

  @ParameterizedTest(name = "{0} is read")
  @CsvSource({"r.csv", "R.CSV", "社零_5月.csv", "出口数据（4月）.Csv", "retail sales 2020.csv"})
  void aCsvIsReadWhateverItsNameAndTheCaseOfItsExtension(String fileName) throws Exception {
    assertEquals(
        1,
        read(
                utf8("period,county_code,retail_sales_cny\n202001,330521,1\n"),
                fileName,
                Source.RETAIL_SALES)
            .size());
  }

  @ParameterizedTest(name = "{0} is unreadable: ''{1}'', and its stream is closed")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          r.txt     | .csv
          r.tsv     | .csv
          r         | .csv
          r.csv.bak | .csv
          r.xls     | 97-2003
          R.XLS     | 97-2003
          """)
  void anythingButCsvOrXlsxIsUnreadableAndItsStreamIsClosed(String fileName, String problem) {
    AtomicBoolean closed = new AtomicBoolean();
    InputStream in =
        new ByteArrayInputStream(utf8("period\n")) {
          @Override
          public void close() {
            closed.set(true);
          }
        };
    UnreadableFileException e =
        assertThrows(
            UnreadableFileException.class,
            () -> DeliveryFileReader.open(in, fileName, Source.RETAIL_SALES, ALIASES));
    assertTrue(e.getMessage().contains(problem), e.getMessage());
    assertTrue(closed.get());
  }

  @Test
  void aQuoteNeverClosedIsFoundLateAndStillMakesTheFileUnreadable() throws Exception {
    byte[] bytes =
        utf8(
            "period,county_code,retail_sales_cny\n202001,330521,1\n202002,\"330521,2\n202003,1,1\n");
    try (CloseableIterator<RawRecord> records =
        DeliveryFileReader.open(
            new ByteArrayInputStream(bytes), "r.csv", Source.RETAIL_SALES, ALIASES)) {
      assertEquals(2, records.next().line());
      UnreadableFileException.Unchecked late =
          assertThrows(UnreadableFileException.Unchecked.class, records::hasNext);
      assertTrue(late.getMessage().contains("line 3"), late.getMessage());
    }
    assertThrows(UnreadableFileException.class, () -> read(bytes, "r.csv", Source.RETAIL_SALES));
  }

  @Test
  void gbkBytesAfterAnAsciiFirstMegabyteAreRefusedWhenReached() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(utf8("period,county_code,retail_sales_cny,basis\n"));
    byte[] line = utf8("202001,330521,1,month\n");
    int lines = TextDecoding.SNIFF_BYTES / line.length + 1;
    for (int i = 0; i < lines; i++) {
      bytes.write(line);
    }
    bytes.write("202001,330521,1,月度\n".getBytes(GBK));
    List<RawRecord> seen = new ArrayList<>();
    UnreadableFileException e =
        assertThrows(
            UnreadableFileException.class,
            () ->
                DeliveryFileReader.forEach(
                    new ByteArrayInputStream(bytes.toByteArray()),
                    "r.csv",
                    Source.RETAIL_SALES,
                    ALIASES,
                    seen::add));
    assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    assertFalse(seen.isEmpty());
  }

  @Test
  void xlsxFirstSheetIsReadAsTextWithPeriodDatesAsMonths() throws Exception {
    byte[] workbook =
        xlsx(
            List.of(
                new Object[] {"统计月份", "县市区代码", "社会消费品零售总额", "网络零售额", "口径"},
                new Object[] {LocalDate.of(2020, 6, 1), "330521", 1234567890.12, 1.5e10, "ytd"},
                new Object[] {},
                new Object[] {202007.0, 330521.0, 0.1 + 0.2, null, "month"}));
    List<RawRecord> records = read(workbook, "社零.xlsx", Source.RETAIL_SALES);
    assertEquals(2, records.size());
    assertEquals(2, records.get(0).line());
    assertArrayEquals(
        new String[] {"202006", "330521", "1234567890.12", "15000000000", "ytd"},
        records.get(0).values());
    assertEquals("202006,330521,1234567890.12,15000000000,ytd", records.get(0).rawLine());
    // Row 3 is empty; numbers are plain, with Excel's 15 digits (0.1 + 0.2 is 0.3).
    assertEquals(4, records.get(1).line());
    assertArrayEquals(
        new String[] {"202007", "330521", "0.3", "", "month"}, records.get(1).values());
  }

  @Test
  void xlsxNumbersFormattedAsZeroPaddedCodesKeepTheirZeros() throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      Sheet sheet = book.createSheet("customs");
      Row header = sheet.createRow(0);
      String[] names = {
        "period",
        "county_code",
        "enterprise_id",
        "hs_code",
        "trade_mode",
        "destination",
        "value_cny"
      };
      for (int i = 0; i < names.length; i++) {
        header.createCell(i).setCellValue(names[i]);
      }
      CellStyle fourDigits = book.createCellStyle();
      fourDigits.setDataFormat(book.createDataFormat().getFormat("0000"));
      Row row = sheet.createRow(1);
      row.createCell(0).setCellValue(202001);
      row.createCell(1).setCellValue("330521");
      row.createCell(2).setCellValue("91350100M000100Y43");
      row.createCell(3).setCellValue(8471300000d);
      row.createCell(4).setCellValue(110);
      row.getCell(4).setCellStyle(fourDigits);
      row.createCell(5).setCellValue("US");
      row.createCell(6).setCellValue(1234.567);
      book.createSheet("second").createRow(0).createCell(0).setCellValue("ignored");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      List<RawRecord> records = read(out.toByteArray(), "c.xlsx", Source.CUSTOMS_EXPORTS);
      assertArrayEquals(
          new String[] {
            "202001",
            "330521",
            "91350100M000100Y43",
            "8471300000",
            "0110",
            "US",
            null,
            null,
            null,
            "1234.567"
          },
          records.get(0).values());
    }
  }

  /** A one-sheet workbook; a LocalDate cell gets a date format, null leaves the cell out. */
  private static byte[] xlsx(List<Object[]> rows) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook()) {
      Sheet sheet = book.createSheet("data");
      CellStyle date = book.createCellStyle();
      date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r);
        Object[] cells = rows.get(r);
        for (int c = 0; c < cells.length; c++) {
          Object value = cells[c];
          if (value instanceof String text) {
            row.createCell(c).setCellValue(text);
          } else if (value instanceof Double number) {
            row.createCell(c).setCellValue(number);
          } else if (value instanceof LocalDate day) {
            row.createCell(c).setCellValue(day);
            row.getCell(c).setCellStyle(date);
          }
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      book.write(out);
      return out.toByteArray();
    }
  }
}
