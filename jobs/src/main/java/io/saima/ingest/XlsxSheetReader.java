package io.saima.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Streams the rows of an XLSX workbook's first sheet with a pull parser over the sheet's XML, so a
 * large sheet is never held in memory (only its shared strings are). The workbook is first copied
 * to a temporary file: a zip can only be read from a file without loading it whole.
 *
 * <p>Every cell is rendered as the text it holds: strings as they are, numbers in plain notation
 * (no exponent) with the 15 significant digits Excel keeps — {@code 0.30000000000000004} in the
 * file is Excel's {@code 0.3} — and never rounded to a display format, so that {@code 1234.567}
 * shown as {@code 1,234.57} still reads {@code 1234.567}; a number whose format is zeros only
 * ({@code 0000}) keeps its leading zeros, as codes such as trade mode 0110 need; dates carry their
 * date as well, for the reader to render a period cell as YYYYMM.
 *
 * <p>One class, though long: the parser's state (shared strings, number styles, the 1904 date
 * system) is needed by every cell it renders.
 */
final class XlsxSheetReader implements Closeable {

  /** One cell: its text, and its date when it is a date-formatted number. */
  record Cell(String text, LocalDateTime date) {
    static final Cell EMPTY = new Cell("", null);
  }

  /** One row: its number in the sheet (1-based) and its cells by column, empty ones as EMPTY. */
  record Row(long number, List<Cell> cells) {}

  private final Path copy;
  private final OPCPackage workbook;
  private final ReadOnlySharedStringsTable sharedStrings;
  private final StylesTable styles;
  private final boolean date1904;
  private final InputStream sheet;
  private final XMLStreamReader xml;
  private long lastRow;
  private final Map<Integer, NumberStyle> numberStyles = new HashMap<>();

  XlsxSheetReader(InputStream in) throws IOException, UnreadableFileException {
    copy = Files.createTempFile("saima-delivery-", ".xlsx");
    try {
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(copy);
      throw e;
    }
    OPCPackage opened = null;
    InputStream sheetData = null;
    try {
      checkSignature(copy);
      opened = OPCPackage.open(copy.toFile(), PackageAccess.READ);
      XSSFReader reader = new XSSFReader(opened);
      sharedStrings = new ReadOnlySharedStringsTable(opened, false);
      styles = reader.getStylesTable();
      try (InputStream workbookXml = reader.getWorkbookData()) {
        date1904 = isDate1904(workbookXml);
      }
      Iterator<InputStream> sheets = reader.getSheetsData();
      if (!sheets.hasNext()) {
        throw new UnreadableFileException("the workbook has no sheet");
      }
      sheetData = sheets.next();
      xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheetData);
      workbook = opened;
      sheet = sheetData;
    } catch (UnreadableFileException e) {
      closeQuietly(sheetData, opened);
      Files.deleteIfExists(copy);
      throw e;
    } catch (Exception e) {
      // POI signals a file that is not an OOXML zip with a variety of exceptions, all fatal here.
      closeQuietly(sheetData, opened);
      Files.deleteIfExists(copy);
      throw new UnreadableFileException("it is not a readable XLSX workbook: " + e.getMessage(), e);
    }
  }

  /**
   * An XLSX workbook is a zip; anything else is refused here, before POI sees it, with a message
   * that says what it is (POI's own fallback for a broken zip also needs a newer commons-compress
   * than Spark clusters ship).
   */
  private static void checkSignature(Path file) throws IOException, UnreadableFileException {
    byte[] head = new byte[4];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, 4);
    }
    if (n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
      return;
    }
    if (n == 4
        && (head[0] & 0xFF) == 0xD0
        && (head[1] & 0xFF) == 0xCF
        && (head[2] & 0xFF) == 0x11
        && (head[3] & 0xFF) == 0xE0) {
      throw new UnreadableFileException(
          "it is an Excel 97-2003 or password-protected workbook, not a plain XLSX; save it as"
              + " .xlsx without a password");
    }
    throw new UnreadableFileException("it is not an XLSX workbook (not a zip)");
  }

  /** The next row that has a cell, or null after the last. */
  Row next() throws UnreadableFileException {
    try {
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
          String number = xml.getAttributeValue(null, "r");
          lastRow = number == null ? lastRow + 1 : Long.parseLong(number);
          return new Row(lastRow, readCells());
        }
      }
      return null;
    } catch (XMLStreamException | RuntimeException e) {
      throw new UnreadableFileException(
          "the first sheet's XML is broken after row " + lastRow + ": " + e.getMessage(), e);
    }
  }

  private List<Cell> readCells() throws XMLStreamException {
    List<Cell> cells = new ArrayList<>();
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
        return cells;
      }
      if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
        String reference = xml.getAttributeValue(null, "r");
        int column = reference == null ? cells.size() : columnIndex(reference);
        String type = xml.getAttributeValue(null, "t");
        String style = xml.getAttributeValue(null, "s");
        Cell cell = readCell(type == null ? "n" : type, style);
        while (cells.size() < column) {
          cells.add(Cell.EMPTY);
        }
        if (column < cells.size()) {
          cells.set(column, cell);
        } else {
          cells.add(cell);
        }
      }
    }
    return cells;
  }

  /** Reads a {@code <c>} element to its end. */
  private Cell readCell(String type, String style) throws XMLStreamException {
    String value = null;
    StringBuilder inline = new StringBuilder();
    int phonetic = 0;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        switch (xml.getLocalName()) {
          case "v" -> value = xml.getElementText();
          case "rPh" -> phonetic++;
          case "t" -> {
            String text = xml.getElementText();
            if (phonetic == 0) {
              inline.append(text);
            }
          }
          default -> {}
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        String name = xml.getLocalName();
        if (name.equals("rPh")) {
          phonetic--;
        } else if (name.equals("c")) {
          break;
        }
      }
    }
    return switch (type) {
      case "inlineStr" -> new Cell(inline.toString(), null);
      case "s" ->
          value == null || value.isBlank()
              ? Cell.EMPTY
              : new Cell(sharedStrings.getItemAt(Integer.parseInt(value.trim())).getString(), null);
      case "b" -> new Cell(value == null ? "" : value.trim().equals("1") ? "TRUE" : "FALSE", null);
      case "str", "e", "d" -> new Cell(value == null ? "" : value, null);
      default -> value == null || value.isBlank() ? Cell.EMPTY : number(value.trim(), style);
    };
  }

  /** What a cell style means for rendering a number, worked out once per style. */
  private record NumberStyle(boolean isDate, int zeroPadding) {
    static final NumberStyle GENERAL = new NumberStyle(false, 0);
  }

  private NumberStyle numberStyle(String style) {
    if (style == null || style.isBlank() || styles == null) {
      return NumberStyle.GENERAL;
    }
    int index = Integer.parseInt(style.trim());
    return numberStyles.computeIfAbsent(
        index,
        i -> {
          XSSFCellStyle cellStyle = styles.getStyleAt(i);
          if (cellStyle == null) {
            return NumberStyle.GENERAL;
          }
          String format = cellStyle.getDataFormatString();
          if (format == null) {
            return NumberStyle.GENERAL;
          }
          boolean isDate = DateUtil.isADateFormat(cellStyle.getDataFormat(), format);
          int zeroPadding = format.matches("0+") ? format.length() : 0;
          return new NumberStyle(isDate, zeroPadding);
        });
  }

  private Cell number(String value, String style) {
    NumberStyle numberStyle = numberStyle(style);
    BigDecimal number = new BigDecimal(value);
    if (numberStyle.isDate()) {
      double serial = number.doubleValue();
      if (DateUtil.isValidExcelDate(serial)) {
        LocalDateTime date = DateUtil.getLocalDateTime(serial, date1904);
        String text =
            date.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                ? date.toLocalDate().toString()
                : date.toString();
        return new Cell(text, date);
      }
    }
    return new Cell(plainNumber(number, numberStyle.zeroPadding()), null);
  }

  /**
   * A number as Excel holds it, in plain notation; zero-padded to {@code zeroPadding} digits when
   * its format is zeros only ("0000").
   */
  static String plainNumber(BigDecimal number, int zeroPadding) {
    if (number.precision() > 15) {
      number = number.round(new MathContext(15, RoundingMode.HALF_EVEN));
    }
    number = number.stripTrailingZeros();
    if (number.scale() < 0) {
      number = number.setScale(0);
    }
    String text = number.toPlainString();
    if (number.signum() >= 0 && number.scale() == 0 && text.length() < zeroPadding) {
      text = "0".repeat(zeroPadding - text.length()) + text;
    }
    return text;
  }

  /** "C12" → 2. */
  static int columnIndex(String reference) {
    int column = 0;
    for (int i = 0; i < reference.length(); i++) {
      char c = Character.toUpperCase(reference.charAt(i));
      if (c < 'A' || c > 'Z') {
        break;
      }
      column = column * 26 + (c - 'A' + 1);
    }
    return column - 1;
  }

  private static boolean isDate1904(InputStream workbookXml) throws XMLStreamException {
    XMLStreamReader reader = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbookXml);
    try {
      while (reader.hasNext()) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT) {
          String name = reader.getLocalName();
          if (name.equals("workbookPr")) {
            String value = reader.getAttributeValue(null, "date1904");
            return value != null
                && (value.equals("1") || value.toLowerCase(Locale.ROOT).equals("true"));
          }
          if (name.equals("sheets")) {
            return false;
          }
        }
      }
      return false;
    } finally {
      reader.close();
    }
  }

  private static void closeQuietly(InputStream sheetData, OPCPackage opened) {
    try {
      if (sheetData != null) {
        sheetData.close();
      }
    } catch (IOException ignored) {
      // closing after a failure; the failure is what matters
    }
    if (opened != null) {
      opened.revert();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    } finally {
      try {
        sheet.close();
      } finally {
        workbook.revert();
        Files.deleteIfExists(copy);
      }
    }
  }
}
