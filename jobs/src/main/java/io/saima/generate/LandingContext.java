package io.saima.generate;

import io.saima.catalog.Source;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the writers of the four sources share during one run: the spec, the reference and the county
 * profiles they draw from, the ways senders write their files, and the run's tallies (files, lines
 * per source, planted bad rows).
 *
 * <p>It is a class of its own so that each source's writer depends on this and nothing of the
 * others: a source can be read, and changed, without the other three in mind.
 */
final class LandingContext {

  static final Charset GBK = Charset.forName("GBK");

  static final CsvFile.Style GBK_CHINESE =
      new CsvFile.Style("GBK, Chinese headers, CRLF", GBK, false, true, true);
  static final CsvFile.Style UTF8_BOM_CHINESE =
      new CsvFile.Style(
          "UTF-8 with BOM, Chinese headers, CRLF", StandardCharsets.UTF_8, true, true, true);
  static final CsvFile.Style UTF8_BOM_CHINESE_LF =
      new CsvFile.Style(
          "UTF-8 with BOM, Chinese headers, LF", StandardCharsets.UTF_8, true, false, true);
  static final CsvFile.Style UTF8_ENGLISH =
      new CsvFile.Style("UTF-8, English headers, LF", StandardCharsets.UTF_8, false, false, false);

  /** The usual Chinese column names of the deliveries (also aliases in application.yaml). */
  static final Map<String, String> CHINESE = new LinkedHashMap<>();

  static {
    CHINESE.put("period", "统计月份");
    CHINESE.put("county_code", "县市区代码");
    CHINESE.put("town_code", "乡镇街道代码");
    CHINESE.put("enterprise_id", "统一社会信用代码");
    CHINESE.put("enterprise_name", "企业名称");
    CHINESE.put("hs_code", "商品编码");
    CHINESE.put("trade_mode", "贸易方式");
    CHINESE.put("destination", "目的国");
    CHINESE.put("value_usd", "美元金额");
    CHINESE.put("value_cny", "人民币金额");
    CHINESE.put("project_id", "项目编号");
    CHINESE.put("investor_country", "投资方国别");
    CHINESE.put("industry", "行业");
    CHINESE.put("contract_usd", "合同外资美元");
    CHINESE.put("actual_usd", "实到外资美元");
    CHINESE.put("retail_sales_cny", "社会消费品零售总额");
    CHINESE.put("online_retail_cny", "网络零售额");
    CHINESE.put("basis", "口径");
    CHINESE.put("sales_cny", "销售额");
  }

  final GeneratorSpec spec;
  final Reference reference;

  /** Every county of the reference, in its order, with its calibration. */
  final Map<String, CountyProfile> profiles = new LinkedHashMap<>();

  /** Filled by {@link CsvFile} as it writes, in the order the rows are written. */
  final List<LandingGenerator.PlantedRow> planted = new ArrayList<>();

  private final Map<String, Long> linesBySource = new LinkedHashMap<>();
  private long files;

  LandingContext(GeneratorSpec spec) {
    this.spec = spec;
    this.reference = Reference.load(spec.reference());
    Map<String, CountyProfile> bundled = CountyProfile.bundled();
    for (Reference.County county : reference.counties()) {
      profiles.put(
          county.code(), bundled.getOrDefault(county.code(), CountyProfile.derived(county.code())));
    }
    for (Source source : Source.values()) {
      linesBySource.put(source.id(), 0L);
    }
  }

  long files() {
    return files;
  }

  /** Data lines written so far per source id, in the order of {@link Source}. */
  Map<String, Long> linesBySource() {
    return linesBySource;
  }

  /** Counts a file written without {@link #open}, such as a workbook. */
  void fileWritten() {
    files++;
  }

  CsvFile open(
      Source source,
      String folder,
      String name,
      CsvFile.Style style,
      List<String> columns,
      List<CsvFile.Plant> plants) {
    Path path = spec.out().resolve(source.id()).resolve(folder).resolve(name);
    files++;
    return new CsvFile(
        path, source.id() + "/" + folder + "/" + name, style, columns, CHINESE, plants, planted);
  }

  void count(Source source, CsvFile file) {
    linesBySource.merge(source.id(), file.lines() - 1, Long::sum);
  }

  /**
   * The town of an enterprise (or project) of a county that has units in units.csv; empty for
   * counties without. (One Deqing customs line of February 2020 gets a town code that is not in
   * units.csv instead: see {@link CustomsLines}.)
   */
  String town(Reference.County county, long index) {
    List<Reference.Unit> units = reference.unitsOf(county.code());
    if (units.isEmpty()) {
      return "";
    }
    double u = Seeds.stableUniform("town", county.code(), index);
    double total = 0;
    for (Reference.Unit unit : units) {
      total += unit.weight();
    }
    double acc = 0;
    for (Reference.Unit unit : units) {
      acc += unit.weight() / total;
      if (u < acc) {
        return unit.code();
      }
    }
    return units.get(units.size() - 1).code();
  }

  static String money(long cents) {
    StringBuilder out = new StringBuilder(16);
    long abs = Math.abs(cents);
    if (cents < 0) {
      out.append('-');
    }
    out.append(abs / 100).append('.');
    long fraction = abs % 100;
    if (fraction < 10) {
      out.append('0');
    }
    return out.append(fraction).toString();
  }

  static String[] set(String[] row, int index, String value) {
    row[index] = value;
    return row;
  }

  /** A bad row made from one good row, planted after the good row {@code afterRow}. */
  static CsvFile.Plant plant(
      int afterRow, String reason, java.util.function.UnaryOperator<String[]> make) {
    return new CsvFile.Plant(afterRow, reason, row -> List.<String[]>of(make.apply(row)));
  }
}
