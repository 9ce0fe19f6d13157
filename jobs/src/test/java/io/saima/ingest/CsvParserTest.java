package io.saima.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {
  /** Hands out one character per read, so every record crosses buffer boundaries. */
  private static final class Trickle extends Reader {
    private final String text;
    private int position;

    Trickle(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (position >= text.length()) {
        return -1;
      }
      buffer[offset] = text.charAt(position++);
      return 1;
    }

    @Override
    public void close() {}
  }

  private static List<CsvParser.Row> parse(Reader reader) throws IOException {
    List<CsvParser.Row> rows = new ArrayList<>();
    try (CsvParser parser = new CsvParser(reader)) {
      CsvParser.Row row;
      while ((row = parser.next()) != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static final String TEXT =
      "\uFEFFa,\"b,\"\"c\"\"\r\nd\",e\r\n" + "\r\n" + "x\"y,\"q\"tail,\n" + "\"\"\r" + "last";

  private static final List<CsvParser.Row> EXPECTED =
      List.of(
          new CsvParser.Row(1, "a,\"b,\"\"c\"\"\r\nd\",e", List.of("a", "b,\"c\"\r\nd", "e")),
          new CsvParser.Row(3, "", List.of("")),
          new CsvParser.Row(4, "x\"y,\"q\"tail,", List.of("x\"y", "qtail", "")),
          new CsvParser.Row(5, "\"\"", List.of("")),
          new CsvParser.Row(6, "last", List.of("last")));

  @Test
  void recordsFieldsRawTextAndLineNumbersFollowRfc4180() throws Exception {
    assertEquals(EXPECTED, parse(new StringReader(TEXT)));
  }

  @Test
  void theSameRecordsComeOutWhenTheInputArrivesOneCharacterAtATime() throws Exception {
    assertEquals(EXPECTED, parse(new Trickle(TEXT)));
  }

  @Test
  void anEmptyInputHasNoRecordAndAFinalLineBreakEndsTheLastRecord() throws Exception {
    assertEquals(List.of(), parse(new StringReader("")));
    assertEquals(
        List.of(new CsvParser.Row(1, "a", List.of("a"))), parse(new StringReader("a\r\n")));
  }

  @Test
  void aQuoteNeverClosedIsMalformed() throws Exception {
    try (CsvParser parser = new CsvParser(new Trickle("a\n\"b,c\nd\n"))) {
      assertEquals(List.of("a"), parser.next().fields());
      CsvParser.MalformedCsvException e =
          assertThrows(CsvParser.MalformedCsvException.class, parser::next);
      assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
  }

  @Test
  void aRunawayRecordIsCutOffInsteadOfFillingMemory() throws Exception {
    String huge = "\"" + "x".repeat(CsvParser.MAX_RECORD_CHARS + 1);
    try (CsvParser parser = new CsvParser(new StringReader(huge))) {
      assertThrows(CsvParser.MalformedCsvException.class, parser::next);
    }
  }

  @Test
  void formatQuotesOnlyWhatNeedsQuoting() throws Exception {
    String line = CsvParser.format(List.of("a", "b,c", "say \"hi\"", "two\nlines", ""));
    assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",", line);
    try (CsvParser parser = new CsvParser(new StringReader(line))) {
      assertEquals(List.of("a", "b,c", "say \"hi\"", "two\nlines", ""), parser.next().fields());
      assertNull(parser.next());
    }
  }
}
