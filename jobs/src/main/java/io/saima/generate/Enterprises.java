package io.saima.generate;

import io.saima.ingest.CreditCode;

/**
 * Synthetic enterprises of a county: a unified social credit code laid out as the real ones are
 * (登记管理部门 9 = market regulator, 机构类别 1 = company, the 6-digit county code, the 9-character
 * organisation code with its GB 11714 check, and the GB 32100-2015 check character) and a Chinese
 * name. Both depend only on the county and the enterprise's number, not on the run's seed, so the
 * same firm keeps its identity across months and runs.
 */
final class Enterprises {
  private Enterprises() {}

  private static final String BRAND = "华新盛恒永达鑫源宏泰兴隆丰瑞嘉天金宝利富康佳美昌荣和通远安德信诚正明光海星辉凯";

  private static final String[] TRADE = {
    "纺织", "服饰", "机械", "电子", "五金", "家具", "工艺品", "塑业", "化工", "光电", "电器", "玩具", "日用品", "包装", "汽配",
    "进出口", "贸易", "新材料", "科技", "实业"
  };

  private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

  /** The 18-character credit code of enterprise {@code index} of a county. */
  static String creditCode(String countyCode, long index) {
    long h = Seeds.mix(0, "org", countyCode, index);
    StringBuilder org = new StringBuilder(9);
    if ((h & 0xF) < 3) {
      // codes issued since 2015 start with MA followed by letters and digits
      org.append("MA");
      for (int i = 0; i < 6; i++) {
        h = Seeds.mix64(h + i);
        org.append(CreditCode.ALPHABET.charAt((int) Long.remainderUnsigned(h, 31)));
      }
    } else {
      for (int i = 0; i < 8; i++) {
        h = Seeds.mix64(h + i);
        org.append((char) ('0' + Long.remainderUnsigned(h, 10)));
      }
    }
    org.append(orgCheck(org));
    String body = "91" + countyCode + org;
    return body + CreditCode.checkCharacter(body);
  }

  /** GB 11714's check character of an 8-character organisation code body. */
  static char orgCheck(CharSequence body) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      char c = body.charAt(i);
      int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
      sum += value * ORG_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
  }

  /** A name such as 德清华盛纺织有限公司. */
  static String name(String countyShortName, long index) {
    long h = Seeds.mix(0, "name", countyShortName, index);
    char first = BRAND.charAt((int) Long.remainderUnsigned(h, BRAND.length()));
    char second = BRAND.charAt((int) Long.remainderUnsigned(h >>> 16, BRAND.length()));
    String trade = TRADE[(int) Long.remainderUnsigned(h >>> 32, TRADE.length)];
    String form = Long.remainderUnsigned(h >>> 48, 20) == 0 ? "股份有限公司" : "有限公司";
    String brand = first == second ? String.valueOf(first) + BRAND.charAt(0) : "" + first + second;
    return countyShortName + brand + trade + form;
  }

  /** 德清县 -> 德清, 景宁畲族自治县 -> 景宁, 上城区 -> 上城. */
  static String shortName(String countyName) {
    if (countyName.contains("自治")) {
      return countyName.substring(0, 2);
    }
    if (countyName.length() > 2
        && (countyName.endsWith("县") || countyName.endsWith("市") || countyName.endsWith("区"))) {
      return countyName.substring(0, countyName.length() - 1);
    }
    return countyName;
  }
}
