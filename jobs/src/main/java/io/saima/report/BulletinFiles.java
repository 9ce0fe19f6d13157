package io.saima.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writes the four files of a bulletin into {@code <out>/<period>/<region>/}. They are rendered into
 * a hidden folder beside it and moved into place only once all four are written, so a reader never
 * finds a half-filled bulletin: either the previous one, or the new one whole.
 */
public final class BulletinFiles {
  public static final String HTML = "bulletin.html";
  public static final String XLSX = "bulletin.xlsx";
  public static final String DOCX = "简报.docx";
  public static final String MARKDOWN = "bulletin.md";

  /** The four files, in the order they are written. */
  public static final List<String> NAMES = List.of(HTML, XLSX, DOCX, MARKDOWN);

  private BulletinFiles() {}

  /** The folder a bulletin goes to. */
  public static Path folder(Path out, int period, String region) {
    return out.resolve(String.valueOf(period)).resolve(region);
  }

  /**
   * Draws the charts once, renders the four files and moves them into place.
   *
   * @return the bulletin's folder
   */
  public static Path write(Bulletin b, Path out) throws IOException {
    String family = Charts.cjkFamily();
    if (family == null) {
      throw new IOException(
          "no installed font can set Chinese text, so the charts would show boxes; install one"
              + " (e.g. Debian fonts-wqy-zenhei or fonts-noto-cjk)");
    }
    Map<String, Charts.Drawn> charts = new LinkedHashMap<>();
    for (Bulletin.ChartSpec spec : b.charts()) {
      charts.put(spec.id(), Charts.draw(spec, family));
    }
    Path target = folder(out, b.period(), b.regionCode());
    Path parent = target.getParent();
    Files.createDirectories(parent);
    Path staging = parent.resolve("." + b.regionCode() + ".partial-" + UUID.randomUUID());
    Files.createDirectory(staging);
    try {
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("b", b);
      model.put("charts", charts);
      try (Writer w = Files.newBufferedWriter(staging.resolve(HTML), StandardCharsets.UTF_8)) {
        Templates.render("bulletin.ftlh", model, w);
      }
      try (OutputStream o = Files.newOutputStream(staging.resolve(XLSX))) {
        XlsxRenderer.write(b, o);
      }
      try (OutputStream o = Files.newOutputStream(staging.resolve(DOCX))) {
        DocxRenderer.write(b, charts, o);
      }
      try (Writer w = Files.newBufferedWriter(staging.resolve(MARKDOWN), StandardCharsets.UTF_8)) {
        Templates.render("bulletin.md.ftl", model, w);
      }
      replace(staging, target);
    } finally {
      deleteQuietly(staging);
    }
    return target;
  }

  /** Puts the staged folder in the target's place; the old bulletin goes only after. */
  private static void replace(Path staging, Path target) throws IOException {
    Path old = null;
    if (Files.exists(target)) {
      old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
      move(target, old);
    }
    move(staging, target);
    if (old != null) {
      deleteQuietly(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(BulletinFiles::delete);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
