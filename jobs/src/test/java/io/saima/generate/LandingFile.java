package io.saima.generate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A delivered CSV file as a reader sees it: how it was encoded, its header and its rows. */
record LandingFile(
    Path path, String encoding, boolean crlf, List<String> header, List<List<String>> rows) {

  static LandingFile read(Path path) throws IOException {
    if (path.getFileName().toString().endsWith(".xlsx")) {
      return readWorkbook(path);
    }
    byte[] bytes = Files.readAllBytes(path);
    String text;
    String encoding;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xEF
        && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF) {
      text = strict(StandardCharsets.UTF_8, bytes, 3);
      encoding = "UTF-8 BOM";
    } else {
      String utf8 = tryStrict(StandardCharsets.UTF_8, bytes);
      if (utf8 != null) {
        text = utf8;
        encoding = "UTF-8";
      } else {
        text = strict(Charset.forName("GB18030"), bytes, 0);
        encoding = "GBK";
      }
    }
    boolean crlf = text.contains("\r\n");
    String[] lines = text.split(crlf ? "\r\n" : "\n", -1);
    List<List<String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isEmpty()) {
        rows.add(fields(lines[i]));
      }
    }
    return new LandingFile(path, encoding, crlf, fields(lines[0]), rows);
  }

  /** The first sheet of a workbook, every cell as text (empty when absent). */
  private static LandingFile readWorkbook(Path path) throws IOException {
    org.apache.poi.ss.usermodel.DataFormatter format =
        new org.apache.poi.ss.usermodel.DataFormatter();
    try (org.apache.poi.ss.usermodel.Workbook workbook =
        org.apache.poi.ss.usermodel.WorkbookFactory.create(path.toFile(), null, true)) {
      org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
      List<List<String>> all = new ArrayList<>();
      int width = sheet.getRow(0).getLastCellNum();
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < width; c++) {
          org.apache.poi.ss.usermodel.Cell cell = row == null ? null : row.getCell(c);
          cells.add(cell == null ? "" : format.formatCellValue(cell));
        }
        all.add(cells);
      }
      return new LandingFile(path, "XLSX", false, all.get(0), all.subList(1, all.size()));
    }
  }

  /** RFC 4180 fields of one line. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }

  private static String strict(Charset charset, byte[] bytes, int offset)
      throws CharacterCodingException {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
        .toString();
  }

  private static String tryStrict(Charset charset, byte[] bytes) {
    try {
      return strict(charset, bytes, 0);
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
