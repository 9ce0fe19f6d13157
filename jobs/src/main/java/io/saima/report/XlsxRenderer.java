package io.saima.report;

import io.saima.report.Bulletin.Headline;
import io.saima.report.Bulletin.League;
import io.saima.report.Bulletin.LeagueRow;
import io.saima.report.Bulletin.Phrase;
import io.saima.report.Bulletin.TargetLight;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The bulletin's tables as a workbook: one sheet each, Chinese sheet names, the figures as numbers
 * rounded as the bulletin shows them with matching number formats, frozen header rows, columns
 * sized to their contents, and a 数据来源 sheet naming the gold cell behind every figure.
 *
 * <p>One class, though long: every sheet shares the workbook's styles and number formats, which
 * must be created once per workbook and match the bulletin's rounding in every sheet.
 */
final class XlsxRenderer {
  static final String SOURCES_SHEET = "数据来源";

  private final Bulletin b;
  private final XSSFWorkbook workbook = new XSSFWorkbook();
  private final Map<Unit, CellStyle> numberStyles = new EnumMap<>(Unit.class);
  private final Map<Unit, CellStyle> homeNumberStyles = new EnumMap<>(Unit.class);
  private final CellStyle header;
  private final CellStyle text;
  private final CellStyle homeText;
  private final CellStyle note;
  private final List<Placed> placed = new ArrayList<>();
  private final Map<Sheet, Map<Integer, Integer>> widths = new HashMap<>();
  private final Set<String> sheetNames = new LinkedHashSet<>();

  private record Placed(Figure figure, String sheet, String cell) {}

  private XlsxRenderer(Bulletin b) {
    this.b = b;
    Font bold = workbook.createFont();
    bold.setBold(true);
    bold.setFontName("宋体");
    header = workbook.createCellStyle();
    header.setFont(bold);
    header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    header.setAlignment(HorizontalAlignment.CENTER);
    bordered(header);
    text = workbook.createCellStyle();
    bordered(text);
    homeText = workbook.createCellStyle();
    homeText.cloneStyleFrom(text);
    homeText.setFont(bold);
    homeText.setFillForegroundColor(IndexedColors.ROSE.getIndex());
    homeText.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    note = workbook.createCellStyle();
    note.setWrapText(false);
    for (Unit unit : Unit.values()) {
      CellStyle s = workbook.createCellStyle();
      s.cloneStyleFrom(text);
      s.setDataFormat(workbook.createDataFormat().getFormat(format(unit)));
      s.setAlignment(HorizontalAlignment.RIGHT);
      numberStyles.put(unit, s);
      CellStyle h = workbook.createCellStyle();
      h.cloneStyleFrom(homeText);
      h.setDataFormat(s.getDataFormat());
      h.setAlignment(HorizontalAlignment.RIGHT);
      homeNumberStyles.put(unit, h);
    }
  }

  private static void bordered(CellStyle style) {
    style.setBorderBottom(BorderStyle.THIN);
    style.setBorderTop(BorderStyle.THIN);
    style.setBorderLeft(BorderStyle.THIN);
    style.setBorderRight(BorderStyle.THIN);
  }

  /** The Excel number format that shows a unit's rounding. */
  static String format(Unit unit) {
    return switch (unit) {
      case YI_YUAN -> "#,##0.00";
      case WAN_USD -> "#,##0";
      case PERCENT, PROBABILITY -> "0.0";
      case GROWTH, POINTS -> "+0.0;-0.0;0.0";
      case SCORE -> "0.00";
      case SCORE_CHANGE -> "+0.00;-0.00;0.00";
      case RANK -> "0";
      case RANK_MOVE -> "\"↑\"0;\"↓\"0;\"持平\"";
    };
  }

  static void write(Bulletin b, OutputStream out) throws IOException {
    XlsxRenderer r = new XlsxRenderer(b);
    r.render();
    r.workbook.write(out);
    r.workbook.close();
  }

  private void render() {
    headline();
    targets();
    for (League l : b.leagues()) {
      league(l);
    }
    simulations();
    units();
    enterprises();
    notes();
    sources();
  }

  private void headline() {
    Sheet s =
        sheet(
            "主要指标",
            "指标",
            "单位",
            "本月",
            "本月±%",
            b.ytdLabel() + "累计",
            "累计±%",
            "占全省%",
            "份额变化（百分点）",
            "全省位次",
            "位次变化",
            "参评县数");
    int i = 1;
    for (Headline h : b.headlines()) {
      Row row = s.createRow(i++);
      text(s, row, 0, h.label(), false);
      text(s, row, 1, h.unitLabel(), false);
      fig(s, row, 2, h.valueMonth(), false);
      fig(s, row, 3, h.yoyMonth(), false);
      fig(s, row, 4, h.valueYtd(), false);
      fig(s, row, 5, h.yoyYtd(), false);
      fig(s, row, 6, h.share(), false);
      fig(s, row, 7, h.shareChange(), false);
      fig(s, row, 8, h.rank(), false);
      fig(s, row, 9, h.rankChange(), false);
      if (h.nRanked() != null) {
        Cell c = row.createCell(10);
        c.setCellValue(h.nRanked());
        c.setCellStyle(numberStyles.get(Unit.RANK));
      }
    }
    i++;
    for (Phrase p : b.summary()) {
      noteRow(s, i++, p.plain());
    }
    finish(s, 1);
  }

  private void targets() {
    Sheet s = sheet("目标进度", "指标", "目标", "内容", "状态", "完成率%", "序时进度%", "较序时（百分点）", "尚差", "截至", "说明");
    int i = 1;
    for (Headline h : b.headlines()) {
      for (TargetLight t : h.targets()) {
        Row row = s.createRow(i++);
        text(s, row, 0, t.indicatorLabel(), false);
        text(s, row, 1, t.name(), false);
        text(s, row, 2, t.goal().plain(), false);
        text(s, row, 3, t.statusLabel(), false);
        fig(s, row, 4, t.completion(), false);
        fig(s, row, 5, t.timeProgress(), false);
        fig(s, row, 6, t.ahead(), false);
        fig(s, row, 7, t.gap(), false);
        text(s, row, 8, t.asOfLabel(), false);
        text(s, row, 9, t.verdict().plain(), false);
      }
    }
    finish(s, 1);
  }

  private void league(League l) {
    String name =
        l.id().startsWith("score-")
            ? "得分-" + l.title().replace(" 总得分", "")
            : "排名-" + l.title().replaceAll("（.*", "");
    Sheet s = sheet(name, "位次", "县（市、区）", l.valueLabel(), "位次变化", "区划代码");
    int i = 1;
    for (LeagueRow r : l.rows()) {
      Row row = s.createRow(i++);
      fig(s, row, 0, r.rank(), r.home());
      text(s, row, 1, r.name(), r.home());
      fig(s, row, 2, r.value(), r.home());
      fig(s, row, 3, r.rankChange(), r.home());
      text(s, row, 4, r.code(), r.home());
    }
    i++;
    noteRow(s, i++, l.title() + "，共 " + l.nRanked() + " 个县（市、区）参评；列前 10 位及本县上下各 2 位。");
    for (Phrase g : l.gaps()) {
      noteRow(s, i++, g.plain());
    }
    finish(s, 1);
  }

  private void simulations() {
    Sheet p = sheet("模拟-目标概率", "指标", "目标", "内容", "实现概率%", "P10", "P50", "P90", "单位");
    int i = 1;
    for (Bulletin.ProbabilityRow r : b.simulations().probabilities()) {
      Row row = p.createRow(i++);
      text(p, row, 0, r.indicatorLabel(), false);
      text(p, row, 1, r.targetName(), false);
      text(p, row, 2, r.goal().plain(), false);
      fig(p, row, 3, r.probability(), false);
      fig(p, row, 4, r.p10(), false);
      fig(p, row, 5, r.p50(), false);
      fig(p, row, 6, r.p90(), false);
      text(p, row, 7, r.unitLabel(), false);
    }
    i++;
    noteRow(p, i, "模拟基于 " + b.simulations().asOfLabel() + " 为止的数据。");
    finish(p, 1);
    Sheet r = sheet("模拟-年末位次", "方案", "当前位次", "最可能位次", "P10位次", "P90位次", "期望位次");
    i = 1;
    for (Bulletin.RankSimulationRow x : b.simulations().ranks()) {
      Row row = r.createRow(i++);
      text(r, row, 0, x.schemeLabel(), false);
      fig(r, row, 1, x.currentRank(), false);
      fig(r, row, 2, x.mostLikely(), false);
      fig(r, row, 3, x.p10(), false);
      fig(r, row, 4, x.p90(), false);
      fig(r, row, 5, x.expected(), false);
    }
    finish(r, 1);
    Sheet c = sheet("模拟-情景", "情景", "方案", "基准得分", "情景得分", "得分变化", "基准位次", "情景位次", "位次变化");
    i = 1;
    for (Bulletin.ScenarioRow x : b.simulations().scenarios()) {
      Row row = c.createRow(i++);
      text(c, row, 0, x.scenario(), false);
      text(c, row, 1, x.schemeLabel(), false);
      fig(c, row, 2, x.scoreBaseline(), false);
      fig(c, row, 3, x.scoreScenario(), false);
      fig(c, row, 4, x.scoreChange(), false);
      fig(c, row, 5, x.rankBaseline(), false);
      fig(c, row, 6, x.rankScenario(), false);
      fig(c, row, 7, x.rankChange(), false);
    }
    finish(c, 1);
  }

  private void units() {
    Sheet s = sheet("镇街排名", "目标", "截至", "位次", "镇（街道）", "类型", "完成率%", "较序时（百分点）", "称号");
    int i = 1;
    for (Bulletin.UnitBoard u : b.unitBoards()) {
      for (Bulletin.UnitRow r : u.rows()) {
        Row row = s.createRow(i++);
        text(s, row, 0, u.title(), false);
        text(s, row, 1, u.asOfLabel(), false);
        fig(s, row, 2, r.rank(), false);
        text(s, row, 3, r.name(), false);
        text(s, row, 4, r.typeLabel(), false);
        fig(s, row, 5, r.completion(), false);
        fig(s, row, 6, r.ahead(), false);
        text(s, row, 7, r.badgeLabel(), false);
      }
    }
    finish(s, 1);
  }

  private void enterprises() {
    String unit =
        b.watchlist().isEmpty() ? "" : "（" + b.watchlist().get(0).valueMonth().unit().label() + "）";
    Sheet s = sheet("企业监测", "企业", "统一社会信用代码", "情况", "本月" + unit, "上月" + unit, "上年同月" + unit, "同比%");
    int i = 1;
    for (Bulletin.WatchItem w : b.watchlist()) {
      Row row = s.createRow(i++);
      text(s, row, 0, w.enterpriseName(), false);
      text(s, row, 1, w.enterpriseId(), false);
      text(s, row, 2, w.reasonLabel(), false);
      fig(s, row, 3, w.valueMonth(), false);
      fig(s, row, 4, w.valuePrevMonth(), false);
      fig(s, row, 5, w.valueMonthLy(), false);
      fig(s, row, 6, w.yoyMonth(), false);
    }
    i++;
    noteRow(s, i, "本月经营异常企业共 " + b.watchTotal() + " 家，按下降前的规模列前 " + b.watchlist().size() + " 家。");
    finish(s, 1);
    Sheet a = sheet("预警", "预警", "地区", "指标", "数值", "单位");
    i = 1;
    for (Bulletin.AlertItem x : b.alerts()) {
      Row row = a.createRow(i++);
      text(a, row, 0, x.ruleLabel(), false);
      text(a, row, 1, x.regionName(), false);
      text(a, row, 2, x.indicatorLabel(), false);
      fig(a, row, 3, x.value(), false);
      text(a, row, 4, x.value().unit() == Unit.RANK_MOVE ? "位" : x.value().unit().label(), false);
    }
    finish(a, 1);
  }

  private void notes() {
    Sheet s = sheet("注释", "注释");
    int i = 1;
    for (String d : b.footnotes().definitions()) {
      noteRow(s, i++, d);
    }
    i++;
    for (Bulletin.DeliveryNote d : b.footnotes().deliveries()) {
      noteRow(
          s,
          i++,
          d.sourceLabel()
              + "：数据至 "
              + d.latestPeriod()
              + "（最近一批交付 "
              + d.delivery()
              + "，共 "
              + d.months()
              + " 个月）");
    }
    i++;
    for (Bulletin.TableNote t : b.footnotes().tables()) {
      noteRow(s, i++, t.table() + (t.present() ? "：版本 " + t.version() + "　" + t.query() : "：尚未生成"));
    }
    s.setColumnWidth(0, 120 * 256);
    s.createFreezePane(0, 1);
  }

  private void sources() {
    Sheet s = sheet(SOURCES_SHEET, "编号", "工作表", "单元格", "表", "版本", "行", "列", "数值", "单位", "显示");
    Map<String, Placed> where = new HashMap<>();
    for (Placed p : placed) {
      where.putIfAbsent(p.figure().id(), p);
    }
    int i = 1;
    for (Figure f : b.figures()) {
      Row row = s.createRow(i++);
      Placed p = where.get(f.id());
      text(s, row, 0, f.id(), false);
      text(s, row, 1, p == null ? "" : p.sheet(), false);
      text(s, row, 2, p == null ? "" : p.cell(), false);
      text(s, row, 3, f.source().table(), false);
      Cell v = row.createCell(4);
      v.setCellValue(f.source().version());
      text(s, row, 5, f.source().keyText(), false);
      text(s, row, 6, f.source().column(), false);
      if (f.value() != null) {
        Cell c = row.createCell(7);
        c.setCellValue(f.value().doubleValue());
      }
      text(s, row, 8, f.unit().name(), false);
      text(s, row, 9, f.text(), false);
    }
    finish(s, 1);
  }

  // ---- cells

  private Sheet sheet(String name, String... headers) {
    String safe = WorkbookUtil.createSafeSheetName(name);
    String unique = safe;
    for (int n = 2; sheetNames.contains(unique); n++) {
      unique = safe.substring(0, Math.min(safe.length(), 28)) + "-" + n;
    }
    sheetNames.add(unique);
    Sheet s = workbook.createSheet(unique);
    Row row = s.createRow(0);
    for (int c = 0; c < headers.length; c++) {
      Cell cell = row.createCell(c);
      cell.setCellValue(headers[c]);
      cell.setCellStyle(header);
      measure(s, c, headers[c]);
    }
    return s;
  }

  private void text(Sheet s, Row row, int column, String value, boolean home) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value == null ? "" : value);
    cell.setCellStyle(home ? homeText : text);
    measure(s, column, value);
  }

  private void fig(Sheet s, Row row, int column, Figure f, boolean home) {
    Cell cell = row.createCell(column);
    if (f == null) {
      cell.setCellValue(Unit.MISSING);
      cell.setCellStyle(home ? homeText : text);
      return;
    }
    if (f.value() == null) {
      cell.setCellValue(Unit.MISSING);
      cell.setCellStyle(home ? homeText : text);
    } else {
      cell.setCellValue(f.value().doubleValue());
      cell.setCellStyle((home ? homeNumberStyles : numberStyles).get(f.unit()));
    }
    measure(s, column, f.text() + "  ");
    placed.add(
        new Placed(
            f, s.getSheetName(), new CellReference(row.getRowNum(), column).formatAsString()));
  }

  private void noteRow(Sheet s, int index, String value) {
    Row row = s.createRow(index);
    Cell cell = row.createCell(0);
    cell.setCellValue(value);
    cell.setCellStyle(note);
  }

  /** Widths by hand: a CJK character takes two columns of a Latin digit. */
  private void measure(Sheet s, int column, String value) {
    if (value == null) {
      return;
    }
    int width = 0;
    for (int i = 0; i < value.length(); i++) {
      width += value.charAt(i) > 0x2E80 ? 2 : 1;
    }
    widths.computeIfAbsent(s, k -> new HashMap<>()).merge(column, width, Math::max);
  }

  private void finish(Sheet s, int headerRows) {
    for (Map.Entry<Integer, Integer> e : widths.getOrDefault(s, Map.of()).entrySet()) {
      s.setColumnWidth(e.getKey(), Math.min(60, e.getValue() + 3) * 256);
    }
    s.createFreezePane(0, headerRows);
  }
}
