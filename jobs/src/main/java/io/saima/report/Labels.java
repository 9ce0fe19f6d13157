package io.saima.report;

import io.saima.catalog.Indicators;
import java.util.List;

/** The bulletin's Chinese words for the tables' codes: indicators, measures, statuses, rules. */
public final class Labels {
  private Labels() {}

  /**
   * The key indicators of the headline, in the order bulletins list them (those marked {@code
   * headline} in {@link Indicators}).
   */
  public static final List<String> KEY_INDICATORS = Indicators.headline();

  /** An indicator's name; the code itself for one the list does not define. */
  public static String indicator(String code) {
    return Indicators.find(code).map(Indicators.Indicator::name).orElse(code);
  }

  /** An indicator's short name, for charts and tight tables. */
  public static String indicatorShort(String code) {
    return Indicators.find(code).map(Indicators.Indicator::shortName).orElse(code);
  }

  /** The sub-score measures of gold.score_gaps. */
  public static String measure(String code) {
    return switch (code) {
      case "value_ytd" -> "总量";
      case "value_month" -> "当月量";
      case "yoy_ytd_pct" -> "累计增速";
      case "yoy_month_pct" -> "当月增速";
      case "share_ytd_pct" -> "占全省份额";
      case "share_change_pp" -> "份额变化";
      case "target" -> "目标完成";
      default -> code;
    };
  }

  /** What gold.rank_gaps ranks on. */
  public static String rankedOn(String code) {
    return switch (code) {
      case "total_score" -> "综合得分";
      case "indicator_score" -> "单项得分";
      case "value_ytd" -> "累计总量";
      case "yoy_ytd_pct" -> "累计增速";
      default -> code;
    };
  }

  /** A scheme's name in the bulletin; the YAML's own name for those not listed. */
  public static String scheme(String code) {
    return switch (code) {
      case "reference" -> "赛马综合（基准方案）";
      case "mountain" -> "山区26县组";
      case "opening" -> "开放型经济（非山区组）";
      default -> code;
    };
  }

  /** 半年红 for a first-half target, 全年红 for the year, otherwise "1–M月目标". */
  public static String targetName(int targetPeriod) {
    int month = targetPeriod % 100;
    return month == 6 ? "半年红" : month == 12 ? "全年红" : "1–" + month + "月目标";
  }

  public static String status(String status) {
    return switch (status) {
      case "met" -> "已实现";
      case "on_track" -> "快于序时";
      case "behind" -> "落后序时";
      case "no_data" -> "暂无数据";
      default -> status;
    };
  }

  /**
   * The colour of a target light: green met or on track, amber behind time progress while the
   * window is open (a missed target is red, decided by the caller), grey without data.
   */
  public static String light(String status) {
    return switch (status) {
      case "met", "on_track" -> "green";
      case "behind" -> "amber";
      default -> "grey";
    };
  }

  public static String badge(String badge) {
    if (badge == null) {
      return "";
    }
    return switch (badge) {
      case "gold" -> "金牌";
      case "snail" -> "蜗牛";
      default -> badge;
    };
  }

  public static String watchReason(String reason) {
    return switch (reason) {
      case "stopped" -> "出口停止";
      case "sharp_drop" -> "同比大幅下降";
      default -> reason;
    };
  }

  public static String alertRule(String rule) {
    return switch (rule) {
      case "negative_growth" -> "累计负增长";
      case "rank_fall" -> "位次下滑";
      case "behind_time_progress" -> "落后序时进度";
      case "share_falling" -> "份额下降";
      default -> rule;
    };
  }

  /** The unit an alert's value is in. */
  public static Unit alertUnit(String rule) {
    return switch (rule) {
      case "negative_growth" -> Unit.GROWTH;
      case "rank_fall" -> Unit.RANK_MOVE;
      default -> Unit.POINTS;
    };
  }

  public static String source(String source) {
    return switch (source) {
      case "customs_exports" -> "海关出口";
      case "fdi_inflows" -> "实到外资";
      case "retail_sales" -> "社会消费品零售总额";
      case "above_quota_sales" -> "限上批零住餐";
      default -> source;
    };
  }

  /** "2020年12月". */
  public static String period(int period) {
    return (period / 100) + "年" + (period % 100) + "月";
  }

  /** "1–12月". */
  public static String ytd(int period) {
    return "1–" + (period % 100) + "月";
  }

  /**
   * Definitions for the footnotes, in DOMAIN.md's wording: what each figure is and how it is
   * derived.
   */
  public static final List<String> DEFINITIONS =
      List.of(
          "出口总额：海关统计，按出口企业注册地所在县（市、区）统计；海关按每票报关单当日汇率折算人民币与美元后加总，两种币种的增速可能不同，均按原值保留，不再折算。",
          "跨境电商出口：海关监管方式 9610（B2C 直购）、1210（保税）、9710（B2B 直接出口）、9810（B2B 海外仓）之和。",
          "实到外资（实际使用外资）：外国投资者实际缴付的资金，按商务部口径以美元计，归属外资企业注册地；合同外资为另一指标，不计入。",
          "社会消费品零售总额：统计局对各县（市、区）的估算，含商品零售与餐饮收入，按当月与 1–N 月累计发布。",
          "限上批零住餐：年主营业务收入批发业 2000 万元、零售业 500 万元、住宿餐饮业 200 万元及以上企业的销售额。",
          "网络零售额：平台监测数据，不属于社会消费品零售总额。",
          "累计：当年 1 月至本月；同比：（本期 − 上年同期）÷ 上年同期 × 100%，上年同期为 0 或缺失时不计算；上年数据以最新修订为准（可比口径）。",
          "占全省份额：本县累计 ÷ 全省同期同币种累计 × 100%，其变化以百分点计。",
          "序时进度：全年目标为已过月份 ÷ 12，半年目标为已过月份 ÷ 6；“较序时进度 x 个百分点”即完成率减序时进度，正数为快于序时进度。半年红、全年红指实现半年、全年目标。",
          "位次：全省各县（市、区）按累计值由高到低排序（并列同位次），位次变化为上月位次减本月位次，正数为前进。",
          "赛马得分：按各计分方案（conf/scoring）计算，基准方案为功效系数法 60 + 40 ×（x − 最小值）÷（最大值 − 最小值），按权重加权；年末预测为蒙特卡洛模拟，剩余月份按各县自身季节性与波动抽样，给出位次的 10%–90% 区间。",
          "金额单位：人民币为亿元（保留两位小数），美元为万美元（取整）；百分比保留一位小数；均四舍五入。");
}
