package io.saima.ingest;

import io.saima.catalog.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * Reads one delivery file into {@link RawRecord}s: every field as text, aligned to the source's
 * columns, so that validation judges each value on its own row and nothing is nulled silently by a
 * permissive parser.
 *
 * <p>CSV: the encoding as the settings say ({@code auto}: byte order mark → UTF-8; else UTF-8 when
 * it decodes strictly; else GB18030, a superset of GBK), RFC 4180 quoting with commas, quotes and
 * line breaks inside quoted fields, CRLF or LF. XLSX (Apache POI): the first sheet, its first row
 * the header, cells as the text they hold (see {@link XlsxSheetReader}); a date in a {@code period}
 * column is its month, YYYYMM.
 *
 * <p>The header is the first line that is not empty. Its names are matched trimmed and
 * case-insensitively, to the canonical column names or their configured aliases; columns the source
 * does not know are ignored. Empty lines, and lines of empty fields only (",,,", which spreadsheets
 * export), are skipped: they are not records. A file with no header or only a header yields no
 * records.
 *
 * <p>One class, though long: CSV and XLSX must end in the same records under the same header and
 * blank-line rules, so both readers meet here.
 */
public final class DeliveryFileReader {
  private DeliveryFileReader() {}

  /**
   * Opens and parses one file, chosen by its extension ({@code .csv} or {@code .xlsx}), and streams
   * its records. Closing the iterator closes {@code in}.
   *
   * @throws UnreadableFileException when the file cannot be read at all; one found only later, in
   *     the middle of the file, comes from the iterator as {@link
   *     UnreadableFileException.Unchecked}
   */
  public static CloseableIterator<RawRecord> open(
      InputStream in, String fileName, Source source, ReaderSettings settings)
      throws UnreadableFileException, IOException {
    String lower = fileName.toLowerCase(Locale.ROOT);
    try {
      if (lower.endsWith(".csv")) {
        return openCsv(in, source, settings);
      }
      if (lower.endsWith(".xlsx")) {
        return openXlsx(in, source, settings);
      }
    } catch (UnreadableFileException | IOException | RuntimeException e) {
      in.close();
      throw e;
    }
    in.close();
    if (lower.endsWith(".xls")) {
      throw new UnreadableFileException(
          "Excel 97-2003 workbooks (.xls) are not read; save it as .xlsx or .csv");
    }
    throw new UnreadableFileException(
        "not a CSV or XLSX file (only .csv and .xlsx are read; if it is not data, add a pattern"
            + " for it to ingest.landing_files.skip)");
  }

  /**
   * Reads every record of a file, handing each to {@code sink}; an unreadable file is reported as
   * the checked {@link UnreadableFileException} wherever in the file it is found.
   *
   * @return the number of records read
   */
  public static long forEach(
      InputStream in,
      String fileName,
      Source source,
      ReaderSettings settings,
      Consumer<RawRecord> sink)
      throws UnreadableFileException, IOException {
    long count = 0;
    try (CloseableIterator<RawRecord> records = open(in, fileName, source, settings)) {
      while (records.hasNext()) {
        sink.accept(records.next());
        count++;
      }
    } catch (UnreadableFileException.Unchecked e) {
      throw e.getCause();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return count;
  }

  // ---------------------------------------------------------------- CSV

  private static CloseableIterator<RawRecord> openCsv(
      InputStream in, Source source, ReaderSettings settings)
      throws UnreadableFileException, IOException {
    TextDecoding.Decoded decoded = TextDecoding.open(in, settings.encoding());
    CsvParser parser = new CsvParser(decoded.reader());
    String charset =
        decoded.charset().name()
            + (settings.encoding().equals("auto")
                ? " (the encoding detected from the start of the file; set ingest.encodings."
                    + source.id()
                    + " to read it otherwise)"
                : " (the encoding configured in ingest.encodings." + source.id() + ")");
    CsvParser.Row header;
    try {
      header = nextNonBlank(parser, charset);
    } catch (UnreadableFileException e) {
      parser.close();
      throw e;
    }
    if (header == null) {
      parser.close();
      return empty();
    }
    int[] positions;
    try {
      positions = headerPositions(header.fields(), source, settings);
    } catch (UnreadableFileException e) {
      parser.close();
      throw e;
    }
    int headerWidth = header.fields().size();
    return new RecordIterator() {
      @Override
      RawRecord fetch() throws UnreadableFileException, IOException {
        CsvParser.Row row = nextNonBlank(parser, charset);
        if (row == null) {
          return null;
        }
        List<String> fields = row.fields();
        String[] values = new String[positions.length];
        for (int i = 0; i < positions.length; i++) {
          int position = positions[i];
          values[i] = position >= 0 && position < fields.size() ? fields.get(position) : null;
        }
        return new RawRecord(row.line(), row.raw(), values, surplus(fields, headerWidth));
      }

      @Override
      public void close() throws IOException {
        parser.close();
      }
    };
  }

  private static CsvParser.Row nextNonBlank(CsvParser parser, String charset)
      throws UnreadableFileException, IOException {
    try {
      while (true) {
        CsvParser.Row row = parser.next();
        if (row == null || !row.isBlank()) {
          return row;
        }
      }
    } catch (CsvParser.MalformedCsvException e) {
      throw new UnreadableFileException("it is not well-formed CSV: " + e.getMessage(), e);
    } catch (CharacterCodingException e) {
      throw new UnreadableFileException(
          "its bytes on or after line " + parser.line() + " are not valid " + charset, e);
    }
  }

  // ---------------------------------------------------------------- XLSX

  private static CloseableIterator<RawRecord> openXlsx(
      InputStream in, Source source, ReaderSettings settings)
      throws UnreadableFileException, IOException {
    XlsxSheetReader sheet;
    try (PushbackInputStream bytes = new PushbackInputStream(in, 1)) {
      int first = bytes.read();
      if (first < 0) {
        return empty(); // an empty file, as a CSV of no bytes: no records
      }
      bytes.unread(first);
      sheet = new XlsxSheetReader(bytes);
    }
    XlsxSheetReader.Row header;
    int[] positions;
    try {
      header = nextNonBlank(sheet, null);
      if (header == null) {
        sheet.close();
        return empty();
      }
      positions = headerPositions(texts(header.cells(), null), source, settings);
    } catch (UnreadableFileException | RuntimeException e) {
      sheet.close();
      throw e;
    }
    int headerWidth = header.cells().size();
    boolean[] isPeriod = new boolean[headerWidth];
    List<String> columns = source.columns();
    for (int i = 0; i < positions.length; i++) {
      if (columns.get(i).equals("period") && positions[i] >= 0) {
        isPeriod[positions[i]] = true;
      }
    }
    return new RecordIterator() {
      @Override
      RawRecord fetch() throws UnreadableFileException {
        XlsxSheetReader.Row row = nextNonBlank(sheet, isPeriod);
        if (row == null) {
          return null;
        }
        List<String> fields = texts(row.cells(), isPeriod);
        String[] values = new String[positions.length];
        for (int i = 0; i < positions.length; i++) {
          int position = positions[i];
          // A missing cell inside the header's width is an empty field, not an absent column.
          values[i] = position < 0 ? null : position < fields.size() ? fields.get(position) : "";
        }
        List<String> rawFields = fields;
        int last = rawFields.size();
        while (last > headerWidth && rawFields.get(last - 1).isEmpty()) {
          last--;
        }
        return new RawRecord(
            row.number(),
            CsvParser.format(rawFields.subList(0, last)),
            values,
            surplus(fields, headerWidth));
      }

      @Override
      public void close() throws IOException {
        sheet.close();
      }
    };
  }

  private static XlsxSheetReader.Row nextNonBlank(XlsxSheetReader sheet, boolean[] isPeriod)
      throws UnreadableFileException {
    while (true) {
      XlsxSheetReader.Row row = sheet.next();
      if (row == null) {
        return null;
      }
      for (String text : texts(row.cells(), isPeriod)) {
        if (!text.isBlank()) {
          return row;
        }
      }
    }
  }

  private static List<String> texts(List<XlsxSheetReader.Cell> cells, boolean[] isPeriod) {
    List<String> texts = new ArrayList<>(cells.size());
    for (int i = 0; i < cells.size(); i++) {
      XlsxSheetReader.Cell cell = cells.get(i);
      LocalDateTime date = cell.date();
      if (date != null && isPeriod != null && i < isPeriod.length && isPeriod[i]) {
        texts.add(String.valueOf(date.getYear() * 100 + date.getMonthValue()));
      } else {
        texts.add(cell.text());
      }
    }
    return texts;
  }

  // ---------------------------------------------------------------- header

  /**
   * For each column of the source, its position in the header, or -1 when the file does not have
   * it.
   */
  static int[] headerPositions(List<String> header, Source source, ReaderSettings settings)
      throws UnreadableFileException {
    List<String> columns = source.columns();
    Map<String, String> canonicalByName = new HashMap<>();
    for (String column : columns) {
      canonicalByName.put(normalise(column), column);
      for (String alias : settings.headerAliases().getOrDefault(column, List.of())) {
        canonicalByName.putIfAbsent(normalise(alias), column);
      }
    }
    int[] positions = new int[columns.size()];
    Arrays.fill(positions, -1);
    for (int position = 0; position < header.size(); position++) {
      String column = canonicalByName.get(normalise(header.get(position)));
      if (column == null) {
        continue;
      }
      int index = columns.indexOf(column);
      if (positions[index] >= 0) {
        throw new UnreadableFileException(
            "its header names column "
                + column
                + " twice: '"
                + header.get(positions[index]).strip()
                + "' (column "
                + (positions[index] + 1)
                + ") and '"
                + header.get(position).strip()
                + "' (column "
                + (position + 1)
                + ")");
      }
      positions[index] = position;
    }
    StringJoiner missing = new StringJoiner(", ");
    for (String required : source.requiredColumns()) {
      if (positions[columns.indexOf(required)] < 0) {
        List<String> aliases = settings.headerAliases().getOrDefault(required, List.of());
        missing.add(
            aliases.isEmpty() ? required : required + " (" + String.join("/", aliases) + ")");
      }
    }
    if (missing.length() > 0) {
      throw new UnreadableFileException(
          "its header lacks the required column(s) "
              + missing
              + " of "
              + source.id()
              + "; the header is: "
              + String.join(",", header));
    }
    return positions;
  }

  private static String normalise(String name) {
    return name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
  }

  /** Non-empty fields beyond the header; trailing empty ones (a stray ",") are harmless. */
  private static int surplus(List<String> fields, int headerWidth) {
    int surplus = 0;
    for (int i = headerWidth; i < fields.size(); i++) {
      if (!fields.get(i).isBlank()) {
        surplus++;
      }
    }
    return surplus;
  }

  // ---------------------------------------------------------------- iteration

  private static CloseableIterator<RawRecord> empty() {
    return new RecordIterator() {
      @Override
      RawRecord fetch() {
        return null;
      }

      @Override
      public void close() {}
    };
  }

  /** Reads ahead one record; turns late problems into the iterator's unchecked exceptions. */
  private abstract static class RecordIterator implements CloseableIterator<RawRecord> {
    private RawRecord next;
    private boolean done;

    abstract RawRecord fetch() throws UnreadableFileException, IOException;

    @Override
    public boolean hasNext() {
      if (next == null && !done) {
        try {
          next = fetch();
        } catch (UnreadableFileException e) {
          done = true;
          throw e.unchecked();
        } catch (IOException e) {
          done = true;
          throw new UncheckedIOException(e);
        }
        done = next == null;
      }
      return next != null;
    }

    @Override
    public RawRecord next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      RawRecord record = next;
      next = null;
      return record;
    }
  }
}
