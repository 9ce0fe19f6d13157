package io.saima.generate;

import java.time.YearMonth;

/**
 * The names the generated files get. Bureaus name files in Chinese, with spaces and full-width
 * brackets, so the retail and FDI files and the customs files of one city (Huzhou, Deqing's) are
 * named as a statistics bureau or a customs office would name them; the other customs and the
 * above-quota files keep plain ASCII names, as a script exporting them would write. Both kinds must
 * be read alike (DESIGN.md, "Landing zone").
 */
final class FileNames {
  /** The city whose customs office names its files in Chinese. */
  static final String CHINESE_CUSTOMS_CITY = "330500";

  private FileNames() {}

  /** {@code 海关出口 湖州市（2020年5月）.csv}, or {@code customs_exports_202005_330100.csv}. */
  static String customs(YearMonth period, String cityCode, String cityName) {
    if (cityCode.equals(CHINESE_CUSTOMS_CITY)) {
      return "海关出口 " + cityName + "（" + chineseMonth(period) + "）.csv";
    }
    return "customs_exports_" + LandingGenerator.yyyymm(period) + "_" + cityCode + ".csv";
  }

  /** {@code 实到外资_2020年5月.csv} (or {@code .xlsx}). */
  static String fdi(YearMonth period, String extension) {
    return "实到外资_" + chineseMonth(period) + "." + extension;
  }

  /** {@code 社会消费品零售总额（湖州市）2020年5月.csv}. */
  static String retail(YearMonth period, String cityName) {
    return "社会消费品零售总额（" + cityName + "）" + chineseMonth(period) + ".csv";
  }

  /** {@code above_quota_sales_202005.csv}. */
  static String aboveQuota(YearMonth period) {
    return "above_quota_sales_" + LandingGenerator.yyyymm(period) + ".csv";
  }

  /** {@code 2020年5月}. */
  static String chineseMonth(YearMonth period) {
    return period.getYear() + "年" + period.getMonthValue() + "月";
  }
}
