package io.saima.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.OpsTables;
import io.saima.catalog.TableId;
import io.saima.catalog.Warehouse;
import io.saima.testing.DataFrameAssertions;
import io.saima.testing.SparkTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command line on a copy of the samples' first deliveries as a bureau sends them — Chinese
 * names with spaces and full-width brackets, a name in NFD, an Excel workbook with a Chinese name,
 * an Office lock file, a hidden file and a copy still in progress — against the same lines under
 * plain ASCII names. Every line of every file is accounted for, and gold is the same.
 */
class MessyLandingNightTest extends SparkTestBase {
  private static final Path SAMPLES =
      Path.of(System.getProperty("saima.home")).resolve("data-samples/landing");

  /** The deliveries that had arrived by this day: January 2019 of every source. */
  private static final String AS_OF = "2019-02-28";

  private static final List<String> GOLD =
      List.of(
          "indicator_monthly",
          "indicator_rank",
          "target_attainment",
          "unit_ranking",
          "enterprise_watchlist",
          "alerts");

  @Test
  void everyLineOfAMessyDeliveryIsAccountedForAndGoldIsAsUnderAsciiNames(@TempDir Path dir)
      throws IOException {
    Path messy = copyFirstDeliveries(dir.resolve("messy"));
    Path ascii = copyFirstDeliveries(dir.resolve("ascii"));
    asciiNames(ascii);

    // As a bureau sends them: spaces and full-width brackets, a name in NFD (as macOS writes it),
    // a workbook with a Chinese name, an Office lock file, a hidden file, a copy in progress.
    Path customs = messy.resolve("customs_exports/20190215-01");
    Files.move(
        customs.resolve("customs_exports_201901_330100.csv"), customs.resolve("出口数据（1月） 杭州 .csv"));
    String nfd = Normalizer.normalize("Café 出口 宁波（一月）.csv", Normalizer.Form.NFD);
    Files.move(customs.resolve("customs_exports_201901_330200.csv"), customs.resolve(nfd));
    Path fdi = messy.resolve("fdi_inflows/20190210-01");
    Path fdiCsv = fdi.resolve("实到外资_2019年1月.csv");
    toWorkbook(fdiCsv, fdi.resolve("实到外资（2019年1月）.xlsx"), Charset.forName("GB18030"));
    Files.delete(fdiCsv);
    Files.write(fdi.resolve("~$实到外资（2019年1月）.xlsx"), new byte[] {0, 1, 2, 3});
    Files.writeString(customs.resolve(".DS_Store"), "finder", StandardCharsets.UTF_8);
    Path arriving = Files.createDirectories(messy.resolve("retail_sales/20190226-01"));
    Files.writeString(
        arriving.resolve("社零_2月 (补报).csv.part"), "period,county_code", StandardCharsets.UTF_8);

    Path messyWarehouse = dir.resolve("warehouse-messy");
    Path asciiWarehouse = dir.resolve("warehouse-ascii");

    // The night's first two stages, as commands: scores and simulations are functions of gold.
    CommandOutput night = ingest(messy, messyWarehouse);
    CommandOutput build = CommandOutput.run("build", "--warehouse", messyWarehouse.toString());
    CommandOutput referenceIngest = ingest(ascii, asciiWarehouse);
    CommandOutput referenceBuild =
        CommandOutput.run("build", "--warehouse", asciiWarehouse.toString());

    assertEquals(ExitCode.OK, night.exitCode, night.stdout);
    assertEquals(ExitCode.OK, build.exitCode, build.stdout);
    assertEquals(ExitCode.OK, referenceIngest.exitCode, referenceIngest.stdout);
    assertEquals(ExitCode.OK, referenceBuild.exitCode, referenceBuild.stdout);
    assertTrue(
        night.stdout.contains("waiting: retail_sales/20190226-01: a copy is still in progress"),
        night.stdout);

    // Every file of every ingested delivery has its row, and its lines add up.
    Warehouse tables = new Warehouse(spark(), messyWarehouse.toString());
    Map<String, Row> deliveries = new TreeMap<>();
    for (Row row :
        tables
            .read(OpsTables.DELIVERIES.id())
            .selectExpr(
                "source",
                "delivery",
                "file",
                "lines",
                "rows_accepted",
                "rows_quarantined",
                "status")
            .collectAsList()) {
      deliveries.put(
          row.<String>getAs("source")
              + "/"
              + row.<String>getAs("delivery")
              + "/"
              + row.<String>getAs("file"),
          row);
    }
    Map<String, Long> expectedLines = new TreeMap<>();
    try (Stream<Path> files = Files.walk(messy)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || name.startsWith("~$") || name.endsWith(".part")) {
          continue;
        }
        String key = Normalizer.normalize(messy.relativize(file).toString(), Normalizer.Form.NFC);
        expectedLines.put(key, dataLines(file));
      }
    }
    assertEquals(expectedLines.keySet(), deliveries.keySet());
    for (Map.Entry<String, Long> file : expectedLines.entrySet()) {
      Row row = deliveries.get(file.getKey());
      assertEquals("ingested", row.getAs("status"), file.getKey());
      assertEquals(file.getValue(), row.<Long>getAs("lines"), file.getKey() + ": lines");
      assertEquals(
          row.<Long>getAs("lines"),
          row.<Long>getAs("rows_accepted") + row.<Long>getAs("rows_quarantined"),
          file.getKey());
    }
    assertTrue(deliveries.containsKey("customs_exports/20190215-01/Café 出口 宁波（一月）.csv"));
    assertTrue(deliveries.containsKey("fdi_inflows/20190210-01/实到外资（2019年1月）.xlsx"));

    // The same lines under other names make the same gold.
    Warehouse asciiTables = new Warehouse(spark(), asciiWarehouse.toString());
    for (String name : GOLD) {
      TableId id = TableId.of("gold", name);
      Dataset<Row> fromMessy = comparable(tables.read(id));
      Dataset<Row> fromAscii = comparable(asciiTables.read(id));
      if (name.startsWith("indicator")) {
        assertTrue(fromMessy.count() > 0, name + " is empty");
      }
      DataFrameAssertions.assertSameTable(fromMessy, fromAscii, name + " (messy, ASCII names)");
    }
  }

  private static CommandOutput ingest(Path landing, Path warehouse) {
    return CommandOutput.run(
        "ingest",
        "--as-of",
        AS_OF,
        "--landing",
        landing.toString(),
        "--warehouse",
        warehouse.toString());
  }

  /** Gold without the columns that say when it was built. */
  private static Dataset<Row> comparable(Dataset<Row> table) {
    for (String column : table.columns()) {
      if (column.endsWith("_at") || column.equals("run_id")) {
        table = table.drop(column);
      }
    }
    return table;
  }

  /** The samples' deliveries that had arrived by {@link #AS_OF}. */
  private static Path copyFirstDeliveries(Path to) throws IOException {
    try (Stream<Path> sources = Files.list(SAMPLES)) {
      for (Path source : sources.toList()) {
        try (Stream<Path> deliveries = Files.list(source)) {
          for (Path delivery : deliveries.toList()) {
            if (delivery.getFileName().toString().compareTo("20190228") > 0) {
              continue;
            }
            Path target =
                to.resolve(source.getFileName().toString())
                    .resolve(delivery.getFileName().toString());
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(delivery)) {
              for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
              }
            }
          }
        }
      }
    }
    return to;
  }

  /** Renames every file to an ASCII name, keeping its extension and its order in the folder. */
  private static void asciiNames(Path landing) throws IOException {
    try (Stream<Path> files = Files.walk(landing)) {
      for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
        String name = file.getFileName().toString();
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
          String extension = name.substring(name.lastIndexOf('.'));
          Files.move(
              file,
              file.resolveSibling("file-" + Integer.toHexString(name.hashCode()) + extension));
        }
      }
    }
  }

  /**
   * The data lines of a landed file: CSV lines less the header, or workbook rows less the header.
   */
  private static long dataLines(Path file) throws IOException {
    if (file.getFileName().toString().endsWith(".xlsx")) {
      try (InputStream in = Files.newInputStream(file);
          Workbook workbook = WorkbookFactory.create(in)) {
        Sheet sheet = workbook.getSheetAt(0);
        return sheet.getPhysicalNumberOfRows() - 1;
      }
    }
    long newlines = 0;
    for (byte b : Files.readAllBytes(file)) {
      if (b == '\n') {
        newlines++;
      }
    }
    return newlines - 1;
  }

  /** The same rows as a workbook: one sheet, every cell text, as a bureau's export writes them. */
  private static void toWorkbook(Path csv, Path xlsx, Charset charset) throws IOException {
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(csv, charset)) {
      if (!line.isEmpty()) {
        rows.add(line.replace("\uFEFF", "").split(",", -1));
      }
    }
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(xlsx)) {
      Sheet sheet = workbook.createSheet("实到外资");
      for (int r = 0; r < rows.size(); r++) {
        var row = sheet.createRow(r);
        for (int c = 0; c < rows.get(r).length; c++) {
          row.createCell(c).setCellValue(rows.get(r)[c]);
        }
      }
      workbook.write(out);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
