package io.saima.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One delivered CSV file written the way its sender writes it: charset, byte order mark, line
 * ending and header language are explicit, so the bytes never depend on the platform.
 */
final class CsvFile implements AutoCloseable {

  /** How a sender writes its files. */
  record Style(String name, Charset charset, boolean bom, boolean crlf, boolean chineseHeaders) {}

  /** A row planted after the good row with the given number, made from the last good row. */
  record Plant(
      int afterRow, String reason, java.util.function.Function<String[], List<String[]>> make) {}

  private final Path path;
  private final Writer out;
  private final List<String[]> sink;
  private final String newline;
  private final List<String> columns;
  private final List<Plant> plants;
  private final List<LandingGenerator.PlantedRow> planted;
  private final String relativeName;
  private String[] lastRow;
  private long goodRows;
  private long line;

  CsvFile(
      Path path,
      String relativeName,
      Style style,
      List<String> columns,
      Map<String, String> chineseNames,
      List<Plant> plants,
      List<LandingGenerator.PlantedRow> planted) {
    this(path, relativeName, style, columns, chineseNames, plants, planted, null);
  }

  /**
   * A file whose lines are collected in {@code sink} (header first) instead of written, for a
   * delivery sent in another format (see {@link XlsxFile}).
   */
  CsvFile(
      Path path,
      String relativeName,
      Style style,
      List<String> columns,
      Map<String, String> chineseNames,
      List<Plant> plants,
      List<LandingGenerator.PlantedRow> planted,
      List<String[]> sink) {
    this.path = path;
    this.sink = sink;
    this.relativeName = relativeName;
    this.columns = columns;
    this.plants = new ArrayList<>(plants);
    this.planted = planted;
    this.newline = style.crlf() ? "\r\n" : "\n";
    try {
      Files.createDirectories(path.getParent());
      this.out =
          sink != null
              ? null
              : new BufferedWriter(
                  new OutputStreamWriter(
                      Files.newOutputStream(path),
                      style
                          .charset()
                          .newEncoder()
                          .onMalformedInput(CodingErrorAction.REPORT)
                          .onUnmappableCharacter(CodingErrorAction.REPORT)),
                  1 << 16);
      if (style.bom() && out != null) {
        out.write('\uFEFF');
      }
      List<String> header = new ArrayList<>();
      for (String column : columns) {
        header.add(style.chineseHeaders() ? chineseNames.get(column) : column);
      }
      writeLine(header.toArray(new String[0]));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  int column(String name) {
    int index = columns.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no column " + name + " in " + columns);
    }
    return index;
  }

  int width() {
    return columns.size();
  }

  /** Writes a good row, then any rows planted after it. */
  void row(String[] fields) {
    rowWithNote(fields, null);
  }

  /** Writes a good row that ingestion should keep but warn about (when note is set). */
  void rowWithNote(String[] fields, String note) {
    writeLine(fields);
    if (note != null) {
      planted.add(new LandingGenerator.PlantedRow(relativeName, line, note));
    }
    lastRow = fields;
    goodRows++;
    for (var it = plants.iterator(); it.hasNext(); ) {
      Plant plant = it.next();
      if (plant.afterRow() <= goodRows) {
        it.remove();
        plant(plant);
      }
    }
  }

  /** Writes a bad row here, made by the caller, and records it. */
  void plantHere(String[] fields, String reason) {
    writeLine(fields);
    planted.add(new LandingGenerator.PlantedRow(relativeName, line, reason));
  }

  long goodRows() {
    return goodRows;
  }

  /** Lines written, header included. */
  long lines() {
    return line;
  }

  private void plant(Plant plant) {
    for (String[] row : plant.make().apply(lastRow.clone())) {
      writeLine(row);
      planted.add(new LandingGenerator.PlantedRow(relativeName, line, plant.reason()));
    }
  }

  private void writeLine(String[] fields) {
    if (sink != null) {
      sink.add(fields.clone());
      line++;
      return;
    }
    try {
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) {
          out.write(',');
        }
        String field = fields[i];
        if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0) {
          out.write('"');
          out.write(field.replace("\"", "\"\""));
          out.write('"');
        } else {
          out.write(field);
        }
      }
      out.write(newline);
      line++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  @Override
  public void close() {
    try {
      if (!plants.isEmpty() && lastRow != null) {
        for (Plant plant : List.copyOf(plants)) {
          plant(plant);
        }
        plants.clear();
      }
      if (out != null) {
        out.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }
}
