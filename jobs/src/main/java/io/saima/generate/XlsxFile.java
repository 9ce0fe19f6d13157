package io.saima.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One delivery sent as an Excel workbook (the commerce bureau's habit): one sheet, a Chinese header
 * row, every cell text as the bureau's system exports it. Written as the smallest valid
 * SpreadsheetML package (Office Open XML, ECMA-376) with inline strings, fixed document dates and
 * fixed zip entry times, so that the same rows give the same bytes.
 */
final class XlsxFile {
  /** Zip entry time: 1980-01-01 12:00 in the DOS time the zip format stores. */
  private static final long ENTRY_TIME = 315_576_000_000L;

  private static final String CREATED = "2020-01-01T00:00:00Z";

  private XlsxFile() {}

  static void write(Path path, String sheetName, String[] header, List<String[]> rows) {
    try {
      Files.createDirectories(path.getParent());
      try (OutputStream file = Files.newOutputStream(path);
          ZipOutputStream zip = new ZipOutputStream(file, StandardCharsets.UTF_8)) {
        zip.setLevel(6);
        entry(zip, "[Content_Types].xml", CONTENT_TYPES);
        entry(zip, "_rels/.rels", ROOT_RELS);
        entry(zip, "docProps/core.xml", core());
        entry(zip, "xl/workbook.xml", workbook(sheetName));
        entry(zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
        entry(zip, "xl/worksheets/sheet1.xml", sheet(header, rows));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(ENTRY_TIME);
    zip.putNextEntry(entry);
    zip.write(content.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static final String XML =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

  private static final String CONTENT_TYPES =
      XML
          + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\""
          + " ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/"
          + "vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
          + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/"
          + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
          + "<Override PartName=\"/docProps/core.xml\""
          + " ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
          + "</Types>";

  private static final String ROOT_RELS =
      XML
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
          + "2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
          + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
          + "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
          + "</Relationships>";

  private static final String WORKBOOK_RELS =
      XML
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
          + "2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
          + "</Relationships>";

  private static String core() {
    return XML
        + "<cp:coreProperties"
        + " xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
        + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        + " xmlns:dcterms=\"http://purl.org/dc/terms/\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<dc:creator>saima generate</dc:creator>"
        + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">"
        + CREATED
        + "</dcterms:created>"
        + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">"
        + CREATED
        + "</dcterms:modified>"
        + "</cp:coreProperties>";
  }

  private static String workbook(String sheetName) {
    return XML
        + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
        + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        + "<sheets><sheet name=\""
        + escape(sheetName)
        + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  }

  private static String sheet(String[] header, List<String[]> rows) {
    StringBuilder out = new StringBuilder(XML);
    out.append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
    out.append("<sheetData>");
    row(out, 1, header);
    for (int i = 0; i < rows.size(); i++) {
      row(out, i + 2, rows.get(i));
    }
    return out.append("</sheetData></worksheet>").toString();
  }

  private static void row(StringBuilder out, int number, String[] cells) {
    out.append("<row r=\"").append(number).append("\">");
    for (int c = 0; c < cells.length; c++) {
      if (cells[c].isEmpty()) {
        continue;
      }
      out.append("<c r=\"").append(column(c)).append(number).append("\" t=\"inlineStr\"><is><t>");
      out.append(escape(cells[c])).append("</t></is></c>");
    }
    out.append("</row>");
  }

  /** 0 -> A, 25 -> Z, 26 -> AA. */
  static String column(int index) {
    StringBuilder name = new StringBuilder();
    for (int i = index; i >= 0; i = i / 26 - 1) {
      name.insert(0, (char) ('A' + i % 26));
    }
    return name.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
