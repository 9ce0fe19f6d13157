package io.saima.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class DeliveryFileReaderTest {
  private static final Charset GBK = Charset.forName("GBK");

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

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
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

  @Test
  void aByteOrderMarkIsSkippedAndCrlfLinesAreRead() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.write(
        utf8("period,county_code,retail_sales_cny\r\n202001,330521,1\r\n\r\n202002,330521,2"));
    List<RawRecord> records = read(bytes.toByteArray(), "r.csv", Source.RETAIL_SALES);
    // The mark means UTF-8 even where GBK is configured.
    assertEquals(
        records,
        read(
            bytes.toByteArray(),
            "r.csv",
            Source.RETAIL_SALES,
            new ReaderSettings("GBK", ALIASES.headerAliases())));
    assertEquals(2, records.size());
    assertEquals(
        new RawRecord(2, "202001,330521,1", new String[] {"202001", "330521", "1", null, null}),
        records.get(0));
    // Line 3 is empty and skipped; the last record has no final line break.
    assertEquals(4, records.get(1).line());
    assertEquals("202002,330521,2", records.get(1).rawLine());
  }

  @Test
  void gbkWithChineseHeadersIsDetectedAndMatchedByAlias() throws Exception {
    byte[] bytes =
        ("统计月份, 县市区代码 ,统一社会信用代码,行业,销售额,备注\n"
                + "202006,330521,91350100M000100Y43,retail,12345.67,德清县某商贸有限公司\n")
            .getBytes(GBK);
    List<RawRecord> records = read(bytes, "限上.csv", Source.ABOVE_QUOTA_SALES);
    // above_quota_sales columns: period, county_code, enterprise_id, industry, sales_cny, town_code
    assertArrayEquals(
        new String[] {"202006", "330521", "91350100M000100Y43", "retail", "12345.67", null},
        records.get(0).values());
    assertEquals(
        "202006,330521,91350100M000100Y43,retail,12345.67,德清县某商贸有限公司", records.get(0).rawLine());
    // Set explicitly, GBK reads the same; UTF-8 set explicitly refuses the file.
    assertEquals(
        records,
        read(
            bytes,
            "限上.csv",
            Source.ABOVE_QUOTA_SALES,
            new ReaderSettings("GBK", ALIASES.headerAliases())));
    UnreadableFileException refused =
        assertThrows(
            UnreadableFileException.class,
            () ->
                read(
                    bytes,
                    "限上.csv",
                    Source.ABOVE_QUOTA_SALES,
                    new ReaderSettings("UTF-8", ALIASES.headerAliases())));
    assertTrue(refused.getMessage().contains("not valid UTF-8"), refused.getMessage());
  }

  @Test
  void headerNamesAreMatchedTrimmedAndCaseInsensitively() throws Exception {
    List<RawRecord> records =
        read(
            utf8(" Period ,COUNTY_CODE,Retail_Sales_CNY\n202001,330521,1\n"),
            "r.csv",
            Source.RETAIL_SALES,
            ReaderSettings.defaults());
    assertArrayEquals(new String[] {"202001", "330521", "1", null, null}, records.get(0).values());
  }

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

  @Test
  void aRecordWithMoreFieldsThanTheHeaderIsMarkedAndAShortOneHasAbsentValues() throws Exception {
    List<RawRecord> records =
        read(
            utf8(
                "period,county_code,retail_sales_cny,basis\n"
                    + "202001,330521,1,234.5,month\n"
                    + "202001,330521\n"
                    + "202001,330521,7,month,\n"),
            "r.csv",
            Source.RETAIL_SALES);
    assertEquals(1, records.get(0).surplusFields());
    assertArrayEquals(new String[] {"202001", "330521", null, null, null}, records.get(1).values());
    // A trailing empty field is a stray comma, not a surplus value.
    assertEquals(0, records.get(2).surplusFields());
  }

  @Test
  void headerOnlyAndEmptyFilesYieldNoRecords() throws Exception {
    assertEquals(
        List.of(),
        read(utf8("period,county_code,retail_sales_cny\r\n"), "r.csv", Source.RETAIL_SALES));
    assertEquals(List.of(), read(new byte[0], "r.csv", Source.RETAIL_SALES));
    assertEquals(List.of(), read(utf8("\n\n,,\n"), "r.csv", Source.RETAIL_SALES));
    assertEquals(List.of(), read(xlsx(List.of()), "r.xlsx", Source.RETAIL_SALES));
    assertEquals(List.of(), read(new byte[0], "r.xlsx", Source.RETAIL_SALES));
    assertEquals(
        List.of(),
        read(
            xlsx(List.<Object[]>of(new Object[] {"period", "county_code", "retail_sales_cny"})),
            "r.xlsx",
            Source.RETAIL_SALES));
  }

  @Test
  void aHeaderWithoutARequiredColumnMakesTheFileUnreadable() {
    UnreadableFileException e =
        assertThrows(
            UnreadableFileException.class,
            () -> read(utf8("统计月份,县市区代码,网络零售额\n202001,330521,5\n"), "r.csv", Source.RETAIL_SALES));
    assertTrue(e.getMessage().contains("retail_sales_cny (社会消费品零售总额)"), e.getMessage());
  }

  @Test
  void aColumnNamedTwiceMakesTheFileUnreadable() {
    UnreadableFileException e =
        assertThrows(
            UnreadableFileException.class,
            () ->
                read(
                    utf8("period,统计月份,county_code,retail_sales_cny\n"),
                    "r.csv",
                    Source.RETAIL_SALES));
    assertTrue(e.getMessage().contains("twice"), e.getMessage());
  }

  @Test
  void binaryOrUndecodableBytesMakeTheFileUnreadable() throws Exception {
    byte[] withNul = {'P', 'K', 3, 4, 0, 0, 1, 2, 'x'};
    assertTrue(
        assertThrows(
                UnreadableFileException.class, () -> read(withNul, "c.csv", Source.CUSTOMS_EXPORTS))
            .getMessage()
            .contains("binary"));
    // 0xFF and a lone 0x80 are neither UTF-8 nor GB18030.
    byte[] garbage = {(byte) 0xFF, (byte) 0x80, (byte) 0xFF, 'a', ',', 'b', '\n'};
    assertThrows(
        UnreadableFileException.class, () -> read(garbage, "c.csv", Source.CUSTOMS_EXPORTS));
    // A CSV renamed to .xlsx is not a workbook.
    assertTrue(
        assertThrows(
                UnreadableFileException.class,
                () -> read(utf8("period\n"), "r.xlsx", Source.RETAIL_SALES))
            .getMessage()
            .contains("XLSX"));
    // An old .xls or a password-protected workbook is an OLE2 file.
    byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A};
    assertTrue(
        assertThrows(UnreadableFileException.class, () -> read(ole2, "r.xlsx", Source.RETAIL_SALES))
            .getMessage()
            .contains("97-2003"));
  }

  @Test
  void anythingButCsvOrXlsxIsUnreadableAndItsStreamIsClosed() {
    AtomicBoolean closed = new AtomicBoolean();
    InputStream in =
        new ByteArrayInputStream(utf8("period\n")) {
          @Override
          public void close() {
            closed.set(true);
          }
        };
    assertThrows(
        UnreadableFileException.class,
        () -> DeliveryFileReader.open(in, "r.txt", Source.RETAIL_SALES, ALIASES));
    assertTrue(closed.get());
    assertTrue(
        assertThrows(
                UnreadableFileException.class,
                () -> read(utf8("period\n"), "r.xls", Source.RETAIL_SALES))
            .getMessage()
            .contains(".xlsx"));
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
