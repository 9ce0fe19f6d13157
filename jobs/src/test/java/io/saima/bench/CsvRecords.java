package io.saima.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks; lines end in
 * CRLF, LF or CR. Enough for the peer's preparation, which must rewrite landing files record by
 * record without changing a single value.
 */
final class CsvRecords {
  private CsvRecords() {}

  /** Reads one record at a time from a decoded stream. */
  static final class RecordReader {
    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private int pushedBack = -2;

    RecordReader(Reader in) {
      this.in = in;
    }

    /** One character; buffered here, as a Reader's own read() locks on every call. */
    private int read() throws IOException {
      if (pushedBack != -2) {
        int c = pushedBack;
        pushedBack = -2;
        return c;
      }
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          return -1;
        }
      }
      return buffer[position++];
    }

    /** The next record's fields, or null at the end of the stream. */
    List<String> next() throws IOException {
      int c = read();
      if (c == -1) {
        return null;
      }
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean inQuotes = false;
      while (true) {
        if (inQuotes) {
          if (c == -1) {
            break;
          }
          if (c == '"') {
            int following = read();
            if (following == '"') {
              field.append('"');
            } else {
              inQuotes = false;
              c = following;
              continue;
            }
          } else {
            field.append((char) c);
          }
        } else if (c == -1 || c == '\n' || c == '\r') {
          if (c == '\r') {
            int following = read();
            if (following != '\n') {
              pushedBack = following;
            }
          }
          break;
        } else if (c == ',') {
          fields.add(field.toString());
          field.setLength(0);
          quoted = false;
        } else if (c == '"' && field.length() == 0 && !quoted) {
          inQuotes = true;
          quoted = true;
        } else {
          field.append((char) c);
        }
        c = read();
      }
      fields.add(field.toString());
      return fields;
    }
  }

  /** Writes one record, quoting only the fields that need it. */
  static void write(Writer out, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      String field = fields.get(i);
      if (field.indexOf(',') >= 0
          || field.indexOf('"') >= 0
          || field.indexOf('\n') >= 0
          || field.indexOf('\r') >= 0) {
        out.write('"');
        out.write(field.replace("\"", "\"\""));
        out.write('"');
      } else {
        out.write(field);
      }
    }
    out.write('\n');
  }

  /** True for a record that is one empty field: a blank line, which readers skip. */
  static boolean isBlank(List<String> fields) {
    return fields.size() == 1 && fields.get(0).isBlank();
  }
}
