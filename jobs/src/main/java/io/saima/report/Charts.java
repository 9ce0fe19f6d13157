package io.saima.report;

import io.saima.report.Bulletin.ChartSpec;
import io.saima.report.Bulletin.Series;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.batik.svggen.SVGIDGenerator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Draws the bulletin's charts with JFreeChart: as SVG through Batik's SVGGraphics2D for the page
 * (text stays text, so the browser sets it in the page's CJK font stack) and as PNG for the Word
 * 简报. Both come from the same {@link JFreeChart}, so they cannot differ.
 */
public final class Charts {
  /** The drawing size in points; the page scales the SVG to its column. */
  static final int WIDTH = 760;

  static final int HEIGHT = 340;

  /** A chart drawn both ways. */
  public record Drawn(String id, String svg, byte[] png, int width, int height) {}

  private static final Color[] PALETTE = {
    new Color(0xB7, 0x1C, 0x1C), // 中国红 for the first series
    new Color(0x1F, 0x4E, 0x79),
    new Color(0xC9, 0x8B, 0x12),
    new Color(0x3A, 0x7D, 0x44),
    new Color(0x6B, 0x4C, 0x9A),
    new Color(0x5F, 0x6B, 0x73)
  };

  private Charts() {}

  /**
   * A font family that can set Chinese text, from those installed; null when there is none (the
   * text would come out as boxes, so the caller must refuse to draw).
   */
  static String cjkFamily() {
    List<String> preferred =
        List.of(
            "Microsoft YaHei",
            "PingFang SC",
            "Noto Sans CJK SC",
            "Source Han Sans SC",
            "WenQuanYi Zen Hei",
            "WenQuanYi Micro Hei");
    String[] installed =
        GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT);
    for (String name : preferred) {
      for (String family : installed) {
        if (family.equalsIgnoreCase(name)) {
          return family;
        }
      }
    }
    for (String family : installed) {
      if (new Font(family, Font.PLAIN, 12).canDisplayUpTo("出口总额占全省份额") == -1) {
        return family;
      }
    }
    return null;
  }

  public static Drawn draw(ChartSpec spec, String family) {
    JFreeChart chart = chart(spec, family);
    return new Drawn(spec.id(), svg(spec.id(), chart), png(chart), WIDTH, HEIGHT);
  }

  static JFreeChart chart(ChartSpec spec, String family) {
    StandardChartTheme theme = new StandardChartTheme("saima");
    theme.setExtraLargeFont(new Font(family, Font.BOLD, 16));
    theme.setLargeFont(new Font(family, Font.BOLD, 13));
    theme.setRegularFont(new Font(family, Font.PLAIN, 12));
    theme.setSmallFont(new Font(family, Font.PLAIN, 11));
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    theme.setDomainGridlinePaint(Color.WHITE);
    theme.setBarPainter(new StandardBarPainter());
    theme.setShadowVisible(false);

    CategoryAxis domain = new CategoryAxis();
    domain.setCategoryLabelPositions(
        spec.categories().size() > 12
            ? CategoryLabelPositions.UP_45
            : CategoryLabelPositions.STANDARD);
    domain.setMaximumCategoryLabelLines(2);
    domain.setCategoryMargin(0.15);
    CategoryPlot plot = new CategoryPlot();
    plot.setDomainAxis(domain);
    plot.setOrientation(PlotOrientation.VERTICAL);
    plot.setOutlineVisible(false);
    plot.setInsets(new RectangleInsets(8, 4, 4, 8));
    int index = 0;
    if (!spec.bars().isEmpty()) {
      NumberAxis axis = new NumberAxis(spec.barAxis());
      axis.setAutoRangeIncludesZero(true);
      BarRenderer bars = new BarRenderer();
      bars.setItemMargin(0.05);
      bars.setShadowVisible(false);
      plot.setDataset(index, dataset(spec.bars(), spec.categories()));
      plot.setRangeAxis(index, axis);
      plot.setRenderer(index, bars);
      plot.mapDatasetToRangeAxis(index, index);
      index++;
    }
    if (!spec.lines().isEmpty()) {
      NumberAxis axis = new NumberAxis(spec.lineAxis());
      axis.setAutoRangeIncludesZero(spec.kind() != ChartSpec.Kind.RANKS);
      if (spec.kind() == ChartSpec.Kind.RANKS) {
        axis.setInverted(true);
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
      }
      LineAndShapeRenderer lines = new LineAndShapeRenderer(true, true);
      plot.setDataset(index, dataset(spec.lines(), spec.categories()));
      plot.setRangeAxis(index, axis);
      plot.setRenderer(index, lines);
      plot.mapDatasetToRangeAxis(index, index);
      index++;
    }
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    JFreeChart chart = new JFreeChart(null, new Font(family, Font.BOLD, 15), plot, true);
    theme.apply(chart);
    // the theme resets series paints to its own supplier's: ours go on after it
    int colour = 0;
    for (int d = 0; d < plot.getRendererCount(); d++) {
      if (plot.getRenderer(d) instanceof LineAndShapeRenderer lines) {
        for (int s = 0; s < spec.lines().size(); s++) {
          lines.setSeriesPaint(s, PALETTE[(colour++) % PALETTE.length]);
          lines.setSeriesStroke(s, new BasicStroke(s == 0 ? 2.4f : 1.8f));
          lines.setSeriesShape(s, new Rectangle(-3, -3, 6, 6));
        }
      } else if (plot.getRenderer(d) instanceof BarRenderer bars) {
        for (int s = 0; s < spec.bars().size(); s++) {
          bars.setSeriesPaint(s, barColour(spec, colour++));
        }
      }
    }
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.TOP);
    legend.setFrame(BlockBorder.NONE);
    chart.setPadding(new RectangleInsets(4, 4, 4, 4));
    return chart;
  }

  private static Color barColour(ChartSpec spec, int i) {
    if (spec.kind() == ChartSpec.Kind.BARS && i == 1) {
      return new Color(0xBF, 0xBF, 0xBF); // time progress in grey behind the completion
    }
    return PALETTE[i % PALETTE.length];
  }

  /**
   * A category: its position keeps it apart from another of the same label (February of each year
   * is "2月"), its label is what the axis shows.
   */
  private record Category(int position, String label) implements Comparable<Category> {
    @Override
    public int compareTo(Category other) {
      return Integer.compare(position, other.position);
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private static DefaultCategoryDataset dataset(List<Series> series, List<String> categories) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (Series s : series) {
      for (int i = 0; i < categories.size(); i++) {
        BigDecimal v = i < s.values().size() ? s.values().get(i) : null;
        data.addValue(
            v == null ? null : v.doubleValue(), s.name(), new Category(i, categories.get(i)));
      }
    }
    return data;
  }

  private static String svg(String id, JFreeChart chart) {
    try {
      Document document =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .getDOMImplementation()
              .createDocument("http://www.w3.org/2000/svg", "svg", null);
      SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
      // Four charts share one page, and so one namespace of ids: clip paths must not collide.
      context.setIDGenerator(
          new SVGIDGenerator() {
            @Override
            public String generateID(String prefix) {
              return id + "-" + super.generateID(prefix);
            }
          });
      context.setEmbeddedFontsOn(false);
      context.setComment(null);
      SVGGraphics2D g = new SVGGraphics2D(context, false);
      g.setSVGCanvasSize(new java.awt.Dimension(WIDTH, HEIGHT));
      chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
      Element root = g.getRoot();
      root.setAttribute("viewBox", "0 0 " + WIDTH + " " + HEIGHT);
      root.setAttribute("width", "100%");
      root.removeAttribute("height");
      root.setAttribute("preserveAspectRatio", "xMidYMid meet");
      root.setAttribute("role", "img");
      StringWriter out = new StringWriter();
      g.stream(root, out, true, false);
      String text = out.toString();
      // the XML declaration and doctype do not belong inside an HTML page
      int start = text.indexOf("<svg");
      return (start < 0 ? text : text.substring(start))
          .replace("id=\"genericDefs\"", "id=\"" + id + "-genericDefs\"");
    } catch (ParserConfigurationException | IOException e) {
      throw new IllegalStateException("cannot draw the chart as SVG: " + e.getMessage(), e);
    }
  }

  private static byte[] png(JFreeChart chart) {
    // Twice the size for print: the Word 简报 shows it at WIDTH x HEIGHT points.
    BufferedImage image = chart.createBufferedImage(WIDTH * 2, HEIGHT * 2, WIDTH, HEIGHT, null);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
