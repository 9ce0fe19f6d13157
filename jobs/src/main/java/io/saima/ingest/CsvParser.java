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
  private final char[] buffer = new char[16 * 1024];
  private int position;
  private int limit;
  private boolean endOfInput;
  private boolean atStart = true;

  /** The physical line of the next character to be read. */
  private long line = 1;

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
    StringBuilder raw = new StringBuilder(128);
    StringBuilder field = new StringBuilder(32);
    List<String> fields = new ArrayList<>();
    int state = FIELD_START;
    while (true) {
      int c = read();
      if (c < 0) {
        if (state == QUOTED) {
          throw new MalformedCsvException(
              "the quoted field opened on line " + start + " is never closed");
        }
        fields.add(field.toString());
        return new Row(start, raw.toString(), fields);
      }
      if (c == '\r' || c == '\n') {
        boolean crlf = c == '\r' && peek() == '\n';
        if (crlf) {
          position++;
        }
        line++;
        if (state != QUOTED) {
          fields.add(field.toString());
          return new Row(start, raw.toString(), fields);
        }
        field.append((char) c);
        raw.append((char) c);
        if (crlf) {
          field.append('\n');
          raw.append('\n');
        }
      } else {
        raw.append((char) c);
        switch (state) {
          case FIELD_START -> {
            if (c == '"') {
              state = QUOTED;
            } else if (c == ',') {
              fields.add("");
            } else {
              field.append((char) c);
              state = UNQUOTED;
            }
          }
          case UNQUOTED -> {
            if (c == ',') {
              fields.add(field.toString());
              field.setLength(0);
              state = FIELD_START;
            } else {
              field.append((char) c);
            }
          }
          case QUOTED -> {
            if (c == '"') {
              state = AFTER_QUOTE;
            } else {
              field.append((char) c);
            }
          }
          default -> { // AFTER_QUOTE
            if (c == '"') {
              field.append('"');
              state = QUOTED;
            } else if (c == ',') {
              fields.add(field.toString());
              field.setLength(0);
              state = FIELD_START;
            } else {
              field.append((char) c);
              state = UNQUOTED;
            }
          }
        }
      }
      if (raw.length() > MAX_RECORD_CHARS) {
        throw new MalformedCsvException(
            "the record starting on line "
                + start
                + " is longer than "
                + MAX_RECORD_CHARS
                + " characters; is a quote never closed?");
      }
    }
  }

  private int read() throws IOException {
    int c = peek();
    if (c >= 0) {
      position++;
    }
    return c;
  }

  private int peek() throws IOException {
    while (position >= limit) {
      if (endOfInput) {
        return -1;
      }
      int n = reader.read(buffer, 0, buffer.length);
      if (n < 0) {
        endOfInput = true;
        return -1;
      }
      position = 0;
      limit = n;
    }
    return buffer[position];
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
