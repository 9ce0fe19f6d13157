package io.saima.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 parser: comma-separated fields, double quotes around fields that hold
 * commas, quotes ({@code ""}) or line breaks, and records ended by CRLF, LF or a lone CR. It keeps
 * each record's raw text and the physical line it starts on, so a quarantined row can be found in
 * the file.
 *
 * <p>It is lenient where files in the wild bend the rule and nothing is lost by it: a quote inside
 * an unquoted field is text, and text after a closing quote joins the field. It is strict where
 * leniency would swallow data: a quoted field still open at the end of the file, or a record longer
 * than {@link #MAX_RECORD_CHARS}, is a malformed file.
 */
final class CsvParser implements Closeable {
  /** A record longer than this is taken for a quote that was never closed. */
  static final int MAX_RECORD_CHARS = 4 * 1024 * 1024;

  /** One record as parsed. */
  record Row(long line, String raw, List<String> fields) {
    /** True for an empty line, or a line of empty fields (",,,", as spreadsheets export). */
    boolean isBlank() {
      for (String field : fields) {
        if (!field.isBlank()) {
          return false;
        }
      }
      return true;
    }
  }

  /** The text is not well-formed CSV. */
  static final class MalformedCsvException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedCsvException(String message) {
      super(message);
    }
  }

  private static final int FIELD_START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int AFTER_QUOTE = 3;

  private final Reader reader;
  private final char[] buffer = new char[64 * 1024];
  private int position;
  private int limit;
  private boolean endOfInput;
  private boolean atStart = true;

  /** The physical line of the next character to be read. */
  private long line = 1;

  /** The current record's raw text so far; the buffer holds the rest from {@link #rawMark}. */
  private final StringBuilder raw = new StringBuilder(256);

  /**
   * Where the current record's raw text not yet copied starts in the buffer; -1 between records.
   */
  private int rawMark = -1;

  CsvParser(Reader reader) {
    this.reader = reader;
  }

  /** The line the next record would start on. */
  long line() {
    return line;
  }

  /**
   * The next record, or null at the end of the input. A byte order mark at the start is skipped.
   */
  Row next() throws IOException {
    if (atStart) {
      atStart = false;
      if (peek() == '\uFEFF') {
        position++;
      }
    }
    if (peek() < 0) {
      return null;
    }
    long start = line;
    raw.setLength(0);
    rawMark = position;
    StringBuilder field = new StringBuilder(32);
    List<String> fields = new ArrayList<>();
    int state = FIELD_START;
    while (true) {
      if (position >= limit) {
        if (!fill()) {
          if (state == QUOTED) {
            throw new MalformedCsvException(
                "the quoted field opened on line " + start + " is never closed");
          }
          rawMark = -1;
          fields.add(field.toString());
          return new Row(start, raw.toString(), fields);
        }
        continue;
      }
      char c = buffer[position];
      if (state == QUOTED) {
        int end = position;
        while (end < limit) {
          char d = buffer[end];
          if (d == '"' || d == '\r' || d == '\n') {
            break;
          }
          end++;
        }
        if (end > position) {
          field.append(buffer, position, end - position);
          position = end;
        } else {
          position++;
          if (c == '"') {
            state = AFTER_QUOTE;
          } else {
            // A line break inside quotes is data, and still a new physical line.
            field.append(c);
            if (c == '\r' && peek() == '\n') {
              field.append('\n');
              position++;
            }
            line++;
          }
        }
      } else if (c == '\r' || c == '\n') {
        raw.append(buffer, rawMark, position - rawMark);
        rawMark = -1;
        position++;
        if (c == '\r' && peek() == '\n') {
          position++;
        }
        line++;
        fields.add(field.toString());
        return new Row(start, raw.toString(), fields);
      } else if (c == ',') {
        position++;
        fields.add(field.toString());
        field.setLength(0);
        state = FIELD_START;
      } else if (c == '"' && state == FIELD_START) {
        position++;
        state = QUOTED;
      } else if (c == '"' && state == AFTER_QUOTE) {
        position++;
        field.append('"');
        state = QUOTED;
      } else {
        // Text, up to the next comma or line break; a quote in it is text too.
        int end = position + 1;
        while (end < limit) {
          char d = buffer[end];
          if (d == ',' || d == '\r' || d == '\n') {
            break;
          }
          end++;
        }
        field.append(buffer, position, end - position);
        position = end;
        state = UNQUOTED;
      }
      if (raw.length() + (position - rawMark) > MAX_RECORD_CHARS) {
        throw new MalformedCsvException(
            "the record starting on line "
                + start
                + " is longer than "
                + MAX_RECORD_CHARS
                + " characters; is a quote never closed?");
      }
    }
  }

  private int peek() throws IOException {
    if (position >= limit && !fill()) {
      return -1;
    }
    return buffer[position];
  }

  /** Reads more text into the buffer, first keeping the current record's raw text. */
  private boolean fill() throws IOException {
    if (rawMark >= 0) {
      raw.append(buffer, rawMark, limit - rawMark);
      rawMark = 0;
    }
    position = 0;
    limit = 0;
    while (!endOfInput) {
      int n = reader.read(buffer, 0, buffer.length);
      if (n < 0) {
        endOfInput = true;
      } else if (n > 0) {
        limit = n;
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  /** A CSV line of the given fields, quoted where RFC 4180 requires it. */
  static String format(List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      String field = fields.get(i);
      if (field.indexOf(',') >= 0
          || field.indexOf('"') >= 0
          || field.indexOf('\n') >= 0
          || field.indexOf('\r') >= 0) {
        out.append('"').append(field.replace("\"", "\"\"")).append('"');
      } else {
        out.append(field);
      }
    }
    return out.toString();
  }
}
