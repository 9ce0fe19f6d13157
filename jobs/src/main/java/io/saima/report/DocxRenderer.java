package io.saima.report;

import io.saima.report.Bulletin.Headline;
import io.saima.report.Bulletin.League;
import io.saima.report.Bulletin.LeagueRow;
import io.saima.report.Bulletin.Phrase;
import io.saima.report.Bulletin.TargetLight;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowAlign;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPBdr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The editable Word 简报 in the layout bureau staff know: the red title block, then 一、主要指标 (本月, ±%,
 * 1–本月累计, 累计±%), 二、全省排名, 三、目标进度, 四、镇（街道）, 五、企业监测, with the charts as images. Every figure sits in a
 * bookmark named by its id, invisible in Word, so the figures can be traced back to their gold
 * cells.
 *
 * <p>One class, though long: the document is written in reading order, and every section uses the
 * same paragraph and table helpers and the one bookmark counter that keeps figure ids unique.
 */
final class DocxRenderer {
  private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  private static final String BODY_FONT = "仿宋_GB2312";
  private static final String HEAD_FONT = "黑体";
  private static final String TITLE_FONT = "方正小标宋简体";
  private static final String TABLE_FONT = "宋体";

  private final Bulletin b;
  private final Map<String, Charts.Drawn> charts;
  private final XWPFDocument doc = new XWPFDocument();
  private int bookmarks;

  private DocxRenderer(Bulletin b, Map<String, Charts.Drawn> charts) {
    this.b = b;
    this.charts = charts;
  }

  static void write(Bulletin b, Map<String, Charts.Drawn> charts, OutputStream out)
      throws IOException {
    DocxRenderer r = new DocxRenderer(b, charts);
    r.render();
    r.doc.write(out);
    r.doc.close();
  }

  private void render() throws IOException {
    a4();
    titleBlock();
    heading("一、主要指标");
    for (Phrase p : b.summary()) {
      body(p);
    }
    XWPFTable main = table("指标", "单位", "本月", "±%", b.ytdLabel() + "累计", "累计±%");
    for (Headline h : b.headlines()) {
      XWPFTableRow row = main.createRow();
      cell(row, 0, h.label());
      cell(row, 1, h.unitLabel());
      cell(row, 2, h.valueMonth());
      cell(row, 3, h.yoyMonth());
      cell(row, 4, h.valueYtd());
      cell(row, 5, h.yoyYtd());
    }
    chart("chart-monthly", "图1");

    heading("二、全省排名");
    XWPFTable ranks = table("指标", "占全省%", "份额变化（百分点）", "全省位次", "位次变化");
    for (Headline h : b.headlines()) {
      XWPFTableRow row = ranks.createRow();
      cell(row, 0, h.label());
      cell(row, 1, h.share());
      cell(row, 2, h.shareChange());
      cell(row, 3, h.rank());
      cell(row, 4, h.rankChange());
    }
    for (League l : b.leagues()) {
      if (!l.id().startsWith("score-")) {
        continue;
      }
      subheading(l.title() + "（共 " + l.nRanked() + " 个参评）");
      XWPFTable t = table("位次", "县（市、区）", "得分", "变化");
      for (LeagueRow r : l.rows()) {
        XWPFTableRow row = t.createRow();
        cell(row, 0, r.rank());
        cell(row, 1, r.name() + (r.home() ? "（本县）" : ""));
        cell(row, 2, r.value());
        cell(row, 3, r.rankChange());
        if (r.home()) {
          for (XWPFTableCell c : row.getTableCells()) {
            c.setColor("FDECEA");
          }
        }
      }
      for (Phrase g : l.gaps()) {
        body(g);
      }
    }
    for (League l : b.leagues()) {
      if (l.id().startsWith("rank-")) {
        for (Phrase g : l.gaps()) {
          body(g);
        }
      }
    }
    for (Bulletin.RankSimulationRow r : b.simulations().ranks()) {
      body(
          Phrase.of(
              "年末位次预测（" + r.schemeLabel() + "）：最可能第 ",
              r.mostLikely(),
              " 位，10%–90% 区间为第 ",
              r.p10(),
              "–",
              r.p90(),
              " 位（当前第 ",
              r.currentRank(),
              " 位）。"));
    }
    if (!b.simulations().scenarios().isEmpty()) {
      subheading("情景模拟");
      XWPFTable t = table("情景", "方案", "得分变化", "基准位次", "情景位次", "位次变化");
      for (Bulletin.ScenarioRow s : b.simulations().scenarios()) {
        XWPFTableRow row = t.createRow();
        cell(row, 0, s.scenario());
        cell(row, 1, s.schemeLabel());
        cell(row, 2, s.scoreChange());
        cell(row, 3, s.rankBaseline());
        cell(row, 4, s.rankScenario());
        cell(row, 5, s.rankChange());
      }
    }
    chart("chart-rank", "图2");
    chart("chart-share", "图3");

    heading("三、目标进度");
    XWPFTable targets = table("指标", "目标", "完成率%", "序时进度%", "较序时（百分点）", "状态");
    for (Headline h : b.headlines()) {
      for (TargetLight t : h.targets()) {
        XWPFTableRow row = targets.createRow();
        cell(row, 0, t.indicatorLabel());
        cellPhrase(row, 1, prefixed(t.name() + "：", t.goal()));
        cell(row, 2, t.completion());
        cell(row, 3, t.timeProgress());
        cell(row, 4, t.ahead());
        cell(row, 5, t.statusLabel());
      }
    }
    if (!b.simulations().probabilities().isEmpty()) {
      body(Phrase.of("目标实现概率（蒙特卡洛模拟，基于" + b.simulations().asOfLabel() + "数据）："));
      XWPFTable p = table("指标", "目标", "实现概率%", "P10", "P50", "P90", "单位");
      for (Bulletin.ProbabilityRow r : b.simulations().probabilities()) {
        XWPFTableRow row = p.createRow();
        cell(row, 0, r.indicatorLabel());
        cellPhrase(row, 1, prefixed(r.targetName() + "：", r.goal()));
        cell(row, 2, r.probability());
        cell(row, 3, r.p10());
        cell(row, 4, r.p50());
        cell(row, 5, r.p90());
        cell(row, 6, r.unitLabel());
      }
    }
    chart("chart-targets", "图4");

    heading("四、镇（街道）");
    for (Bulletin.UnitBoard u : b.unitBoards()) {
      subheading(u.title() + "（截至" + u.asOfLabel() + "）");
      XWPFTable t = table("位次", "镇（街道）", "完成率%", "较序时（百分点）", "称号");
      for (Bulletin.UnitRow r : u.rows()) {
        XWPFTableRow row = t.createRow();
        cell(row, 0, r.rank());
        cell(row, 1, r.name());
        cell(row, 2, r.completion());
        cell(row, 3, r.ahead());
        cell(row, 4, r.badgeLabel());
      }
    }

    heading("五、企业监测");
    body(
        Phrase.of(
            "本月经营异常企业 "
                + b.watchTotal()
                + " 家，按规模列前 "
                + b.watchlist().size()
                + " 家（金额单位："
                + (b.watchlist().isEmpty()
                    ? "亿元"
                    : b.watchlist().get(0).valueMonth().unit().label())
                + "）："));
    XWPFTable w = table("企业", "情况", "本月", "上年同月", "同比%");
    for (Bulletin.WatchItem x : b.watchlist()) {
      XWPFTableRow row = w.createRow();
      cell(row, 0, x.enterpriseName());
      cell(row, 1, x.reasonLabel());
      cell(row, 2, x.valueMonth());
      cell(row, 3, x.valueMonthLy());
      cell(row, 4, x.yoyMonth());
    }
    body(Phrase.of("预警 " + b.alerts().size() + " 条："));
    XWPFTable a = table("预警", "地区", "指标", "数值");
    for (Bulletin.AlertItem x : b.alerts()) {
      XWPFTableRow row = a.createRow();
      cell(row, 0, x.ruleLabel());
      cell(row, 1, x.regionName());
      cell(row, 2, x.indicatorLabel());
      cell(row, 3, x.value());
    }

    subheading("注释");
    for (String d : b.footnotes().definitions()) {
      small(d);
    }
    for (Bulletin.DeliveryNote d : b.footnotes().deliveries()) {
      small(d.sourceLabel() + "：数据至 " + d.latestPeriod() + "（最近一批交付 " + d.delivery() + "）");
    }
    for (Bulletin.TableNote t : b.footnotes().tables()) {
      small(t.table() + (t.present() ? "：版本 " + t.version() + "（" + t.query() + "）" : "：尚未生成"));
    }
  }

  private static Phrase prefixed(String prefix, Phrase phrase) {
    List<Object> parts = new java.util.ArrayList<>();
    parts.add(prefix);
    parts.addAll(phrase.parts());
    return new Phrase(parts);
  }

  // ---- layout

  private void a4() {
    CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = sect.addNewPgSz();
    size.setW(BigInteger.valueOf(11906));
    size.setH(BigInteger.valueOf(16838));
    CTPageMar margins = sect.addNewPgMar();
    margins.setTop(BigInteger.valueOf(1440));
    margins.setBottom(BigInteger.valueOf(1440));
    margins.setLeft(BigInteger.valueOf(1588));
    margins.setRight(BigInteger.valueOf(1474));
  }

  private void titleBlock() {
    XWPFParagraph title = doc.createParagraph();
    title.setAlignment(ParagraphAlignment.CENTER);
    XWPFRun r = title.createRun();
    font(r, TITLE_FONT, 26);
    r.setBold(true);
    r.setColor("B71C1C");
    r.setText(b.regionName() + "商务运行简报");
    XWPFParagraph meta = doc.createParagraph();
    meta.setAlignment(ParagraphAlignment.CENTER);
    XWPFRun m = meta.createRun();
    font(m, BODY_FONT, 14);
    m.setText(b.periodLabel() + "　赛马（争先创优）专刊");
    XWPFParagraph line = doc.createParagraph();
    CTPBdr border = line.getCTP().addNewPPr().addNewPBdr();
    CTBorder bottom = border.addNewBottom();
    bottom.setVal(STBorder.THICK_THIN_SMALL_GAP);
    bottom.setSz(BigInteger.valueOf(24));
    bottom.setColor("B71C1C");
    bottom.setSpace(BigInteger.ONE);
    XWPFRun unit = line.createRun();
    font(unit, BODY_FONT, 12);
    unit.setText(b.regionName() + "商务局　　　　　　　　　　　　　　数据截至" + b.periodLabel());
  }

  private void heading(String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setSpacingBefore(240);
    XWPFRun r = p.createRun();
    font(r, HEAD_FONT, 16);
    r.setText(text);
  }

  private void subheading(String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setSpacingBefore(120);
    XWPFRun r = p.createRun();
    font(r, "楷体_GB2312", 14);
    r.setBold(true);
    r.setText(text);
  }

  private void body(Phrase phrase) {
    XWPFParagraph p = doc.createParagraph();
    p.setIndentationFirstLine(560);
    writePhrase(p, phrase, BODY_FONT, 14);
  }

  private void small(String text) {
    XWPFParagraph p = doc.createParagraph();
    XWPFRun r = p.createRun();
    font(r, TABLE_FONT, 9);
    r.setText(text);
  }

  private XWPFTable table(String... headers) {
    XWPFTable t = doc.createTable(1, headers.length);
    t.setWidth("100%");
    t.setTableAlignment(TableRowAlign.CENTER);
    XWPFTableRow head = t.getRow(0);
    head.setRepeatHeader(true);
    for (int i = 0; i < headers.length; i++) {
      XWPFTableCell c = head.getCell(i);
      c.setColor("F3F3F3");
      XWPFParagraph p = c.getParagraphs().get(0);
      p.setAlignment(ParagraphAlignment.CENTER);
      XWPFRun r = p.createRun();
      font(r, TABLE_FONT, 10.5);
      r.setBold(true);
      r.setText(headers[i]);
    }
    return t;
  }

  private static XWPFTableCell cellAt(XWPFTableRow row, int index) {
    XWPFTableCell c = row.getCell(index);
    return c == null ? row.addNewTableCell() : c;
  }

  private void cell(XWPFTableRow row, int index, String text) {
    XWPFParagraph p = cellAt(row, index).getParagraphs().get(0);
    XWPFRun r = p.createRun();
    font(r, TABLE_FONT, 10.5);
    r.setText(text == null ? "" : text);
  }

  private void cell(XWPFTableRow row, int index, Figure f) {
    XWPFParagraph p = cellAt(row, index).getParagraphs().get(0);
    p.setAlignment(ParagraphAlignment.RIGHT);
    if (f == null) {
      XWPFRun r = p.createRun();
      font(r, TABLE_FONT, 10.5);
      r.setText(Unit.MISSING);
      return;
    }
    figure(p, f, TABLE_FONT, 10.5);
  }

  private void cellPhrase(XWPFTableRow row, int index, Phrase phrase) {
    writePhrase(cellAt(row, index).getParagraphs().get(0), phrase, TABLE_FONT, 10.5);
  }

  private void writePhrase(XWPFParagraph p, Phrase phrase, String family, double size) {
    for (Object part : phrase.parts()) {
      if (part instanceof Figure f) {
        figure(p, f, family, size);
      } else {
        XWPFRun r = p.createRun();
        font(r, family, size);
        r.setText(String.valueOf(part));
      }
    }
  }

  /** A figure's run inside a bookmark named by the figure's id. */
  private void figure(XWPFParagraph p, Figure f, String family, double size) {
    XWPFRun r = p.createRun();
    font(r, family, size);
    r.setText(f.text());
    Node run = r.getCTR().getDomNode();
    Node paragraph = run.getParentNode();
    String id = String.valueOf(++bookmarks);
    Element start = paragraph.getOwnerDocument().createElementNS(W, "w:bookmarkStart");
    start.setAttributeNS(W, "w:id", id);
    start.setAttributeNS(W, "w:name", f.id());
    Element end = paragraph.getOwnerDocument().createElementNS(W, "w:bookmarkEnd");
    end.setAttributeNS(W, "w:id", id);
    paragraph.insertBefore(start, run);
    paragraph.insertBefore(end, run.getNextSibling());
  }

  private void chart(String id, String label) throws IOException {
    Charts.Drawn drawn = charts.get(id);
    Bulletin.ChartSpec spec =
        b.charts().stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    if (drawn == null || spec == null) {
      return;
    }
    XWPFParagraph caption = doc.createParagraph();
    caption.setAlignment(ParagraphAlignment.CENTER);
    XWPFRun c = caption.createRun();
    font(c, HEAD_FONT, 11);
    c.setText(label + "　" + spec.title());
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    XWPFRun r = p.createRun();
    // 15 cm wide on the page
    double widthPt = 15 / 2.54 * 72;
    double heightPt = widthPt * drawn.height() / drawn.width();
    try {
      r.addPicture(
          new ByteArrayInputStream(drawn.png()),
          XWPFDocument.PICTURE_TYPE_PNG,
          id + ".png",
          Units.toEMU(widthPt),
          Units.toEMU(heightPt));
    } catch (InvalidFormatException e) {
      throw new IOException("cannot embed chart " + id + ": " + e.getMessage(), e);
    }
  }

  private static void font(XWPFRun r, String family, double size) {
    r.setFontFamily(family, XWPFRun.FontCharRange.eastAsia);
    r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
    r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
    r.setFontSize(size);
  }
}
