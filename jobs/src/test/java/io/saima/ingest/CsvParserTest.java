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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 4180 as the parser reads it, as a table of small inputs and the records they give: fields,
 * raw text and the physical line each record starts on. Every input is read twice, whole and one
 * character per read, so every rule also holds across buffer boundaries.
 */
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

  private static CsvParser.Row row(long line, String raw, String... fields) {
    return new CsvParser.Row(line, raw, List.of(fields));
  }

  /** Every rule at once, in one stream: each record's line follows from the ones before it. */
  private static final String ALL_AT_ONCE =
      "\uFEFFa,\"b,\"\"c\"\"\r\nd\",e\r\n" + "\r\n" + "x\"y,\"q\"tail,\n" + "\"\"\r" + "last";

  static Stream<Arguments> inputs() {
    return Stream.of(
        Arguments.of("plain fields", "a,b,c", List.of(row(1, "a,b,c", "a", "b", "c"))),
        Arguments.of("an empty input has no record", "", List.of()),
        Arguments.of("LF ends a record", "a\nb", List.of(row(1, "a", "a"), row(2, "b", "b"))),
        Arguments.of("CRLF ends a record", "a\r\nb", List.of(row(1, "a", "a"), row(2, "b", "b"))),
        Arguments.of(
            "a lone CR ends a record", "a\rb", List.of(row(1, "a", "a"), row(2, "b", "b"))),
        Arguments.of(
            "LF then CR is two line breaks",
            "a\n\rb",
            List.of(row(1, "a", "a"), row(2, "", ""), row(3, "b", "b"))),
        Arguments.of("a final LF ends the last record", "a\n", List.of(row(1, "a", "a"))),
        Arguments.of("a final CRLF ends the last record", "a\r\n", List.of(row(1, "a", "a"))),
        Arguments.of("a final CR ends the last record", "a\r", List.of(row(1, "a", "a"))),
        Arguments.of(
            "an empty line is a record of one empty field",
            "a\n\nb",
            List.of(row(1, "a", "a"), row(2, "", ""), row(3, "b", "b"))),
        Arguments.of(
            "a trailing comma is one more empty field", "a,", List.of(row(1, "a,", "a", ""))),
        Arguments.of(
            "spaces around fields are kept", " a , b ", List.of(row(1, " a , b ", " a ", " b "))),
        Arguments.of(
            "Chinese and full-width text is plain text",
            "德清县,（4月）,１００",
            List.of(row(1, "德清县,（4月）,１００", "德清县", "（4月）", "１００"))),
        Arguments.of(
            "a byte order mark at the start is skipped",
            "\uFEFFa,b",
            List.of(row(1, "a,b", "a", "b"))),
        Arguments.of(
            "a byte order mark later on is text",
            "a\n\uFEFFb",
            List.of(row(1, "a", "a"), row(2, "\uFEFFb", "\uFEFFb"))),
        Arguments.of(
            "a quoted field keeps its commas",
            "\"b,c\",d",
            List.of(row(1, "\"b,c\",d", "b,c", "d"))),
        Arguments.of(
            "a doubled quote in a quoted field is one quote",
            "\"say \"\"hi\"\"\"",
            List.of(row(1, "\"say \"\"hi\"\"\"", "say \"hi\""))),
        Arguments.of(
            "an empty quoted field is an empty field", "\"\"", List.of(row(1, "\"\"", ""))),
        Arguments.of(
            "a quoted CRLF is data and the next record starts a line later",
            "\"a\r\nb\",c\nd",
            List.of(row(1, "\"a\r\nb\",c", "a\r\nb", "c"), row(3, "d", "d"))),
        Arguments.of(
            "a quoted LF is data",
            "\"a\nb\"\nd",
            List.of(row(1, "\"a\nb\"", "a\nb"), row(3, "d", "d"))),
        Arguments.of(
            "a quoted lone CR is data",
            "\"a\rb\"\rd",
            List.of(row(1, "\"a\rb\"", "a\rb"), row(3, "d", "d"))),
        Arguments.of(
            "a quote inside an unquoted field is text",
            "x\"y,z",
            List.of(row(1, "x\"y,z", "x\"y", "z"))),
        Arguments.of(
            "a quote after a space does not open a quoted field",
            " \"a,b\"",
            List.of(row(1, " \"a,b\"", " \"a", "b\""))),
        Arguments.of(
            "text after a closing quote joins the field",
            "\"q\"tail,",
            List.of(row(1, "\"q\"tail,", "qtail", ""))),
        Arguments.of(
            "all of these in one stream",
            ALL_AT_ONCE,
            List.of(
                row(1, "a,\"b,\"\"c\"\"\r\nd\",e", "a", "b,\"c\"\r\nd", "e"),
                row(3, "", ""),
                row(4, "x\"y,\"q\"tail,", "x\"y", "qtail", ""),
                row(5, "\"\"", ""),
                row(6, "last", "last"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void recordsFieldsRawTextAndLinesFollowRfc4180WholeOrOneCharacterAtATime(
      String rule, String text, List<CsvParser.Row> expected) throws Exception {
    assertEquals(expected, parse(new StringReader(text)), "read whole");
    assertEquals(expected, parse(new Trickle(text)), "read one character at a time");
  }

  @ParameterizedTest(name = "''{0}'' is blank: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ''        | true
          ',,,'     | true
          ' , ,　'  | true
          'a,,'     | false
          ',,0'     | false
          '"",""'   | true
          """)
  void aRecordOfEmptyOrBlankFieldsIsBlank(String line, boolean blank) throws Exception {
    try (CsvParser parser = new CsvParser(new StringReader(line + "\n"))) {
      assertEquals(blank, parser.next().isBlank());
    }
  }

  @ParameterizedTest(name = "{0}: the quote opened on line {1} is never closed")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          '"abc'                     | 1
          'a\\n"b,c\\nd\\n'          | 2
          'a\\nb,"c\\r\\nd'          | 2
          'a\\r\\nb\\r\\n"c""'       | 3
          """)
  void aQuoteNeverClosedIsMalformedAndNamesItsLine(String escaped, int line) throws Exception {
    String text = escaped.replace("\\r", "\r").replace("\\n", "\n");
    for (Reader reader : List.of(new StringReader(text), new Trickle(text))) {
      try (CsvParser parser = new CsvParser(reader)) {
        CsvParser.MalformedCsvException e =
            assertThrows(
                CsvParser.MalformedCsvException.class,
                () -> {
                  while (parser.next() != null) {
                    // the records before the open quote are fine
                  }
                });
        assertTrue(e.getMessage().contains("line " + line), e.getMessage());
      }
    }
  }

  @Test
  void aRunawayRecordIsCutOffInsteadOfFillingMemory() throws Exception {
    String huge = "\"" + "x".repeat(CsvParser.MAX_RECORD_CHARS + 1);
    try (CsvParser parser = new CsvParser(new StringReader(huge))) {
      assertThrows(CsvParser.MalformedCsvException.class, parser::next);
    }
  }

  static Stream<Arguments> formattedFields() {
    return Stream.of(
        Arguments.of(List.of("a", "b"), "a,b"),
        Arguments.of(List.of("a", ""), "a,"),
        Arguments.of(List.of(" a ", "德清县（4月）"), " a ,德清县（4月）"),
        Arguments.of(List.of("b,c"), "\"b,c\""),
        Arguments.of(List.of("say \"hi\""), "\"say \"\"hi\"\"\""),
        Arguments.of(List.of("two\nlines"), "\"two\nlines\""),
        Arguments.of(List.of("two\r\nlines"), "\"two\r\nlines\""),
        Arguments.of(List.of("a\rb"), "\"a\rb\""),
        Arguments.of(
            List.of("a", "b,c", "say \"hi\"", "two\nlines", ""),
            "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\","));
  }

  @ParameterizedTest(name = "{0} is written {1} and read back")
  @MethodSource("formattedFields")
  void formatQuotesOnlyWhatNeedsQuotingAndParsesBack(List<String> fields, String line)
      throws Exception {
    assertEquals(line, CsvParser.format(fields));
    try (CsvParser parser = new CsvParser(new StringReader(line))) {
      assertEquals(fields, parser.next().fields());
      assertNull(parser.next());
    }
  }
}
