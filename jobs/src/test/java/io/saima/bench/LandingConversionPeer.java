package io.saima.bench;

import io.saima.catalog.Source;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peer's preparation: DuckDB reads UTF-8 CSV with one header, so every landing file is
 * rewritten as UTF-8 with the canonical English column names of its source, in contract order,
 * under {@code <peer>/<source>/<delivery>/}. The encodings and header aliases come from the same
 * configuration Saima reads ({@code ingest.encodings}, {@code ingest.header_aliases}); values are
 * copied as delivered, so every rule about them stays in the peer's SQL.
 *
 * <p>As in DESIGN.md, a delivery with a file that cannot be read (not CSV or XLSX, or a header
 * without the required columns) is left out whole.
 */
final class LandingConversionPeer {
  private static final Logger LOG = LoggerFactory.getLogger(LandingConversionPeer.class);
  private static final Charset GB18030 = Charset.forName("GB18030");

  private final Map<String, List<String>> headerAliases;
  private final Map<String, String> encodings;

  /**
   * @param headerAliases canonical column name to its other names, as {@code ingest.header_aliases}
   * @param encodings source id to {@code auto} or a charset name, as {@code ingest.encodings}
   */
  LandingConversionPeer(Map<String, List<String>> headerAliases, Map<String, String> encodings) {
    this.headerAliases = headerAliases;
    this.encodings = encodings;
  }

  /** What the preparation did. */
  record Summary(
      long files,
      long deliveries,
      long rejectedDeliveries,
      long bytesRead,
      long bytesWritten,
      Map<String, Long> records) {
    long totalRecords() {
      return records.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /** A file or delivery the contract says to reject. */
  static final class UnreadableFileException extends IOException {
    private static final long serialVersionUID = 1L;

    UnreadableFileException(String message) {
      super(message);
    }
  }

  Summary convert(Path landing, Path peer) throws IOException {
    long files = 0;
    long deliveries = 0;
    long rejected = 0;
    long bytesRead = 0;
    long bytesWritten = 0;
    Map<String, Long> records = new LinkedHashMap<>();
    for (Source source : Source.values()) {
      records.put(source.id(), 0L);
      Path sourceDir = landing.resolve(source.id());
      if (!Files.isDirectory(sourceDir)) {
        continue;
      }
      for (Path delivery : sortedChildren(sourceDir, Files::isDirectory)) {
        Path target = peer.resolve(source.id()).resolve(delivery.getFileName().toString());
        Files.createDirectories(target);
        long deliveryRecords = 0;
        long deliveryFiles = 0;
        long deliveryRead = 0;
        long deliveryWritten = 0;
        try {
          for (Path file : sortedChildren(delivery, Files::isRegularFile)) {
            if (file.getFileName().toString().startsWith(".")) {
              continue;
            }
            Path out = target.resolve(outputName(file));
            deliveryRecords += convertFile(source, file, out);
            deliveryFiles++;
            deliveryRead += Files.size(file);
            deliveryWritten += Files.size(out);
          }
        } catch (UnreadableFileException e) {
          LOG.warn(
              "{} delivery {} left out, as Saima rejects it: {}",
              source.id(),
              delivery.getFileName(),
              e.getMessage());
          deleteTree(target);
          rejected++;
          continue;
        }
        deliveries++;
        files += deliveryFiles;
        bytesRead += deliveryRead;
        bytesWritten += deliveryWritten;
        records.merge(source.id(), deliveryRecords, Long::sum);
      }
    }
    return new Summary(files, deliveries, rejected, bytesRead, bytesWritten, records);
  }

  private static String outputName(Path file) {
    String name = file.getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name : name + ".csv";
  }

  /** Rewrites one file; returns its number of data records. */
  long convertFile(Source source, Path file, Path out) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return convertCsv(source, file, out);
    }
    if (name.endsWith(".xlsx")) {
      return convertXlsx(source, file, out);
    }
    throw new UnreadableFileException(file + " is neither CSV nor XLSX");
  }

  private long convertCsv(Source source, Path file, Path out) throws IOException {
    String configured = encodings.getOrDefault(source.id(), "auto");
    if (!"auto".equalsIgnoreCase(configured)) {
      return convertCsv(source, file, out, Charset.forName(configured));
    }
    // auto, as Saima reads it: a BOM, else UTF-8 if the whole file decodes, else GB18030 (a
    // superset of GBK).
    try {
      return convertCsv(source, file, out, StandardCharsets.UTF_8);
    } catch (CharacterCodingException notUtf8) {
      return convertCsv(source, file, out, GB18030);
    }
  }

  private long convertCsv(Source source, Path file, Path out, Charset charset) throws IOException {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (InputStream raw = Files.newInputStream(file);
        BufferedReader in = new BufferedReader(new InputStreamReader(raw, decoder), 1 << 16);
        Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      CsvRecords.RecordReader reader = new CsvRecords.RecordReader(in);
      List<String> header = reader.next();
      if (header == null) {
        throw new UnreadableFileException(file + " is empty (no header)");
      }
      int[] positions = positions(source, file, header);
      CsvRecords.write(writer, columns(source));
      long count = 0;
      List<String> record;
      while ((record = reader.next()) != null) {
        if (CsvRecords.isBlank(record)) {
          continue;
        }
        CsvRecords.write(writer, project(record, positions, header.size()));
        count++;
      }
      return count;
    }
  }

  private long convertXlsx(Source source, Path file, Path out) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        Workbook workbook = new XSSFWorkbook(in);
        BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      Sheet sheet = workbook.getSheetAt(0);
      int first = sheet.getFirstRowNum();
      Row headerRow = sheet.getRow(first);
      if (headerRow == null) {
        throw new UnreadableFileException(file + " has no header row");
      }
      List<String> header = cells(headerRow);
      int[] positions = positions(source, file, header);
      CsvRecords.write(writer, columns(source));
      long count = 0;
      for (int r = first + 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        List<String> record = cells(row);
        if (record.stream().allMatch(String::isBlank)) {
          continue;
        }
        CsvRecords.write(writer, project(record, positions, header.size()));
        count++;
      }
      return count;
    } catch (org.apache.poi.UnsupportedFileFormatException e) {
      throw new UnreadableFileException(file + " is not a readable XLSX workbook: " + e);
    }
  }

  /** A row's cells as text; whole numbers without a trailing ".0", as they were typed. */
  private static List<String> cells(Row row) {
    List<String> out = new ArrayList<>();
    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
      Cell cell = row.getCell(c);
      out.add(cell == null ? "" : text(cell, cell.getCellType()));
    }
    return out;
  }

  private static String text(Cell cell, CellType type) {
    return switch (type) {
      case STRING -> cell.getStringCellValue();
      case NUMERIC ->
          BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
      case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
      case FORMULA -> text(cell, cell.getCachedFormulaResultType());
      default -> "";
    };
  }

  /** For each canonical column of the source, its position in the file's header, or -1. */
  private int[] positions(Source source, Path file, List<String> header) throws IOException {
    Map<String, Integer> byCanonical = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String canonical = canonicalName(header.get(i));
      if (canonical != null) {
        byCanonical.putIfAbsent(canonical, i);
      }
    }
    List<String> missing =
        source.requiredColumns().stream().filter(c -> !byCanonical.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new UnreadableFileException(
          file + ": the header " + header + " lacks the required columns " + missing);
    }
    List<String> columns = source.columns();
    int[] positions = new int[columns.size()];
    for (int i = 0; i < columns.size(); i++) {
      positions[i] = byCanonical.getOrDefault(columns.get(i), -1);
    }
    return positions;
  }

  /** The canonical name of a header cell, or null for a column the contract does not know. */
  String canonicalName(String headerCell) {
    String name = headerCell.replace("\uFEFF", "").trim();
    String lower = name.toLowerCase(Locale.ROOT);
    for (Source source : Source.values()) {
      if (source.columns().contains(lower)) {
        return lower;
      }
    }
    for (Map.Entry<String, List<String>> entry : headerAliases.entrySet()) {
      if (entry.getValue().contains(name)) {
        return entry.getKey();
      }
    }
    return null;
  }

  /**
   * The columns of a prepared file: the source's canonical columns in contract order, then {@value
   * #SURPLUS_FIELDS}.
   */
  static List<String> columns(Source source) {
    List<String> out = new ArrayList<>(source.columns());
    out.add(SURPLUS_FIELDS);
    return out;
  }

  /**
   * The last column of a prepared file: how many non-empty fields a record has beyond its header's
   * columns. Such a record cannot be matched to its header (most often an unquoted comma), and
   * Saima quarantines it as {@code missing_field}; the peer's SQL leaves it out likewise.
   */
  static final String SURPLUS_FIELDS = "surplus_fields";

  private static List<String> project(List<String> record, int[] positions, int headerWidth) {
    List<String> out = new ArrayList<>(positions.length + 1);
    for (int position : positions) {
      out.add(position >= 0 && position < record.size() ? record.get(position) : "");
    }
    int surplus = 0;
    for (int i = headerWidth; i < record.size(); i++) {
      if (!record.get(i).isBlank()) {
        surplus++;
      }
    }
    out.add(Integer.toString(surplus));
    return out;
  }

  private static List<Path> sortedChildren(Path dir, java.util.function.Predicate<Path> keep)
      throws IOException {
    try (Stream<Path> children = Files.list(dir)) {
      return children
          .filter(keep)
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
