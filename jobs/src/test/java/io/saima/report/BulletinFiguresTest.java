package io.saima.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.catalog.TableId;
import io.saima.catalog.Warehouse;
import io.saima.testing.SampleNight;
import io.saima.testing.SparkTestBase;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Figures equal tables: the bulletin the samples' night wrote is read back — the page, the workbook
 * and the Word 简报 — and every figure in it is checked against the gold cell it names (table, Delta
 * version, row, column), rounded here independently of the report's own code.
 */
class BulletinFiguresTest extends SparkTestBase {
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final Pattern HTML_FIGURE =
      Pattern.compile("data-fig=\"(f\\d+)\" title=\"[^\"]*\">([^<]*)</span>");

  /** One row of the workbook's 数据来源 sheet. */
  record Source(
      String id,
      String sheet,
      String cell,
      String table,
      long version,
      String key,
      String column,
      String unit) {}

  private static Path folder;
  private static Map<String, Source> sources;
  private static Map<String, Expected> expected;

  /** A figure as the gold cell says it must read. */
  record Expected(BigDecimal number, String text) {}

  @BeforeAll
  static void readTheBulletinAndItsGoldCells() throws IOException {
    Path night = SampleNight.dir();
    Path period = only(SampleNight.reportsDir(night));
    folder = period.resolve("330521");
    sources = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(folder.resolve("bulletin.xlsx"));
        Workbook book = new XSSFWorkbook(in)) {
      Sheet sheet = book.getSheet("数据来源");
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
        Source s =
            new Source(
                string(row.getCell(0)),
                string(row.getCell(1)),
                string(row.getCell(2)),
                string(row.getCell(3)),
                (long) row.getCell(4).getNumericCellValue(),
                string(row.getCell(5)),
                string(row.getCell(6)),
                string(row.getCell(8)));
        sources.put(s.id(), s);
      }
    }
    expected = expectedFromGold(SampleNight.warehouse(), sources.values());
  }

  @Test
  void everyFigureOfThePageIsItsGoldCellAtTheBulletinsRounding() throws IOException {
    String html = Files.readString(folder.resolve("bulletin.html"), StandardCharsets.UTF_8);
    Matcher m = HTML_FIGURE.matcher(html);
    int checked = 0;
    Set<String> tables = new TreeSet<>();
    while (m.find()) {
      String id = m.group(1);
      assertTrue(sources.containsKey(id), id + " is on the page but not in 数据来源");
      assertEquals(expected.get(id).text(), m.group(2), describe(id));
      tables.add(sources.get(id).table());
      checked++;
    }
    assertTrue(checked > 300, "only " + checked + " figures on the page");
    assertEquals(
        Set.of(
            "gold.indicator_monthly",
            "gold.indicator_rank",
            "gold.competition_ranking",
            "gold.score_gaps",
            "gold.rank_gaps",
            "gold.target_attainment",
            "gold.target_probability",
            "gold.rank_simulation",
            "gold.scenario_results",
            "gold.unit_ranking",
            "gold.enterprise_watchlist",
            "gold.alerts"),
        tables,
        "the page shows figures of every gold table it reads");
  }

  @Test
  void everyFigureOfTheWorkbookIsItsGoldCellAsARoundedNumber() throws IOException {
    int checked = 0;
    try (InputStream in = Files.newInputStream(folder.resolve("bulletin.xlsx"));
        Workbook book = new XSSFWorkbook(in)) {
      for (Source s : sources.values()) {
        if (s.sheet().isEmpty()) {
          continue;
        }
        Sheet sheet = book.getSheet(s.sheet());
        CellReference ref = new CellReference(s.cell());
        Cell cell = sheet.getRow(ref.getRow()).getCell(ref.getCol());
        Expected e = expected.get(s.id());
        if (e.number() == null) {
          assertEquals("—", cell.getStringCellValue(), describe(s.id()));
        } else {
          assertEquals(CellType.NUMERIC, cell.getCellType(), describe(s.id()));
          assertEquals(e.number().doubleValue(), cell.getNumericCellValue(), 0.0, describe(s.id()));
        }
        checked++;
      }
      assertTrue(checked > 300, "only " + checked + " figures in the workbook");
      for (String name : List.of("主要指标", "目标进度", "模拟-目标概率", "镇街排名", "企业监测", "预警")) {
        Sheet sheet = book.getSheet(name);
        assertTrue(sheet != null, "no sheet " + name);
        assertTrue(sheet.getPaneInformation().isFreezePane(), name + " has no frozen header");
        assertTrue(sheet.getLastRowNum() >= 1, name + " is empty");
      }
    }
  }

  @Test
  void everyFigureOfTheWordBulletinIsItsGoldCellAtTheBulletinsRounding() throws IOException {
    Map<String, String> bookmarked = new LinkedHashMap<>();
    List<String> headings = new ArrayList<>();
    try (InputStream in = Files.newInputStream(folder.resolve("简报.docx"));
        XWPFDocument doc = new XWPFDocument(in)) {
      for (IBodyElement element : doc.getBodyElements()) {
        if (element instanceof XWPFParagraph p) {
          headings.add(p.getText());
          bookmarks(p, bookmarked);
        } else if (element instanceof XWPFTable t) {
          for (XWPFTableRow row : t.getRows()) {
            for (XWPFTableCell cell : row.getTableCells()) {
              for (XWPFParagraph p : cell.getParagraphs()) {
                bookmarks(p, bookmarked);
              }
            }
          }
        }
      }
      assertEquals(4, doc.getAllPictures().size(), "the four charts as images");
    }
    for (String section : List.of("一、主要指标", "二、全省排名", "三、目标进度", "四、镇（街道）", "五、企业监测")) {
      assertTrue(headings.contains(section), "no heading " + section);
    }
    assertTrue(bookmarked.size() > 150, "only " + bookmarked.size() + " figures in the 简报");
    for (Map.Entry<String, String> e : bookmarked.entrySet()) {
      assertTrue(sources.containsKey(e.getKey()), e.getKey() + " is not in 数据来源");
      assertEquals(expected.get(e.getKey()).text(), e.getValue(), describe(e.getKey()));
    }
  }

  @Test
  void theFootnotesNameTheVersionsStillCurrentInTheWarehouse() {
    Warehouse warehouse = SampleNight.warehouse();
    Map<String, Long> versions = new HashMap<>();
    sources.values().forEach(s -> versions.put(s.table(), s.version()));
    for (Map.Entry<String, Long> e : versions.entrySet()) {
      String[] name = e.getKey().split("\\.");
      assertEquals(
          warehouse.version(TableId.of(name[0], name[1])).orElse(-1L),
          e.getValue(),
          e.getKey() + " was read at another version than the warehouse holds");
    }
  }

  // ---- reading the gold cells, and rounding them independently

  private static Map<String, Expected> expectedFromGold(
      Warehouse warehouse, java.util.Collection<Source> all) {
    Map<String, Map<String, Row>> indexes = new HashMap<>();
    Map<String, List<Row>> tables = new HashMap<>();
    Map<String, Expected> out = new HashMap<>();
    for (Source s : all) {
      String tableKey = s.table() + "@" + s.version();
      List<Row> rows =
          tables.computeIfAbsent(
              tableKey,
              k -> {
                String[] name = s.table().split("\\.");
                return spark()
                    .read()
                    .format("delta")
                    .option("versionAsOf", s.version())
                    .load(warehouse.path(TableId.of(name[0], name[1])))
                    .collectAsList();
              });
      List<String> keyColumns = new ArrayList<>();
      for (String part : s.key().split(", ")) {
        keyColumns.add(part.substring(0, part.indexOf('=')));
      }
      Map<String, Row> index =
          indexes.computeIfAbsent(
              tableKey + "|" + keyColumns,
              k -> {
                Map<String, Row> byKey = new HashMap<>();
                for (Row r : rows) {
                  StringBuilder key = new StringBuilder();
                  for (String c : keyColumns) {
                    key.append(key.length() == 0 ? "" : ", ")
                        .append(c)
                        .append('=')
                        .append(r.<Object>getAs(c));
                  }
                  assertFalse(
                      byKey.containsKey(key.toString()),
                      s.table() + ": " + key + " names more than one row");
                  byKey.put(key.toString(), r);
                }
                return byKey;
              });
      Row row = index.get(s.key());
      assertTrue(row != null, s.table() + " has no row " + s.key() + " (" + s.id() + ")");
      out.put(s.id(), expected(s.unit(), row.getAs(s.column())));
    }
    return out;
  }

  /** The bulletin's rounding, restated: 亿元 2 decimals, 万美元 none, % and points one. */
  static Expected expected(String unit, Object raw) {
    if (raw == null || (raw instanceof Double d && d.isNaN())) {
      return new Expected(null, "—");
    }
    BigDecimal v =
        raw instanceof BigDecimal d
            ? d
            : raw instanceof Double d
                ? new BigDecimal(Double.toString(d))
                : new BigDecimal(raw.toString());
    BigDecimal n =
        switch (unit) {
          case "YI_YUAN" -> v.divide(new BigDecimal("100000000")).setScale(2, RoundingMode.HALF_UP);
          case "WAN_USD" -> v.divide(new BigDecimal("10000")).setScale(0, RoundingMode.HALF_UP);
          case "PERCENT", "GROWTH", "POINTS" -> v.setScale(1, RoundingMode.HALF_UP);
          case "PROBABILITY" -> v.multiply(new BigDecimal(100)).setScale(1, RoundingMode.HALF_UP);
          case "SCORE", "SCORE_CHANGE" -> v.setScale(2, RoundingMode.HALF_UP);
          case "RANK", "RANK_MOVE" -> v.setScale(0, RoundingMode.HALF_UP);
          default -> throw new AssertionError("unknown unit " + unit);
        };
    if (n.signum() == 0) {
      n = n.abs();
    }
    String text = n.toPlainString();
    if (unit.equals("RANK_MOVE")) {
      text = n.signum() > 0 ? "↑" + n : n.signum() < 0 ? "↓" + n.negate() : "持平";
    } else if (Set.of("GROWTH", "POINTS", "SCORE_CHANGE").contains(unit) && n.signum() > 0) {
      text = "+" + text;
    }
    return new Expected(n, text);
  }

  /** Bookmarked runs of a paragraph: the bookmark's name and the text between its start and end. */
  private static void bookmarks(XWPFParagraph p, Map<String, String> out) {
    Map<String, String> open = new LinkedHashMap<>();
    Map<String, StringBuilder> text = new LinkedHashMap<>();
    for (Node n = p.getCTP().getDomNode().getFirstChild(); n != null; n = n.getNextSibling()) {
      if (!(n instanceof Element e) || !W.equals(e.getNamespaceURI())) {
        continue;
      }
      switch (e.getLocalName()) {
        case "bookmarkStart" -> {
          open.put(e.getAttributeNS(W, "id"), e.getAttributeNS(W, "name"));
          text.put(e.getAttributeNS(W, "id"), new StringBuilder());
        }
        case "bookmarkEnd" -> {
          String id = e.getAttributeNS(W, "id");
          String name = open.remove(id);
          if (name != null) {
            out.put(name, text.remove(id).toString());
          }
        }
        case "r" -> {
          String t = runText(e);
          for (StringBuilder b : text.values()) {
            b.append(t);
          }
        }
        default -> {}
      }
    }
  }

  /** The text of a run's w:t elements (XMLBeans' DOM has no getTextContent). */
  private static String runText(Node node) {
    StringBuilder out = new StringBuilder();
    for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && W.equals(e.getNamespaceURI()) && e.getLocalName().equals("t")) {
        for (Node t = e.getFirstChild(); t != null; t = t.getNextSibling()) {
          out.append(t.getNodeValue());
        }
      }
    }
    return out.toString();
  }

  private static String describe(String id) {
    Source s = sources.get(id);
    return id + " from " + s.table() + "@v" + s.version() + " [" + s.key() + "]." + s.column();
  }

  private static String string(Cell cell) {
    return cell == null ? "" : cell.getStringCellValue();
  }

  private static Path only(Path dir) throws IOException {
    try (var entries = Files.list(dir)) {
      List<Path> found = entries.filter(Files::isDirectory).toList();
      assertEquals(1, found.size(), "one period's bulletin under " + dir + ": " + found);
      return found.get(0);
    }
  }
}
