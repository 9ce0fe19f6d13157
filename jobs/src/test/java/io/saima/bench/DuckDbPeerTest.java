package io.saima.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.config.ConfigLoader;
import io.saima.config.SaimaConfig;
import io.saima.ingest.CreditCode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark's peer must compute Saima's figures, or the benchmark compares different work.
 * Three counties, two years, four deliveries: one UTF-8 file with English headers in another column
 * order, one GBK file with Chinese headers and CRLF, a revision of January 2020 with a BOM, and a
 * delivery whose header lacks county_code (rejected whole). Every figure below is worked out by
 * hand in the comments.
 */
class DuckDbPeerTest {
  private static final Path HOME = Path.of(System.getProperty("saima.home", ".."));
  private static final Path SCRIPT = HOME.resolve("bench/peer/county_export_gold.sql");

  private static final String DEQING = "330521";
  private static final String CHANGXING = "330522";
  private static final String ANJI = "330523";

  private static final String ALPHA = creditCode("91330521MA2B0000A");
  private static final String BETA = creditCode("91330522MA2B0000B");
  private static final String GAMMA = creditCode("91330523MA2B0000C");

  private static String wrongCheck(String code) {
    return code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
  }

  @TempDir Path dir;
  Path landing;
  Path peer;
  Path reference;

  private static String creditCode(String body) {
    return body + CreditCode.checkCharacter(body);
  }

  @BeforeEach
  void writeLandingAndReference() throws IOException {
    landing = dir.resolve("landing");
    peer = dir.resolve("peer");
    reference = dir.resolve("reference");
    write(
        reference.resolve("regions.csv"),
        StandardCharsets.UTF_8,
        "county_code,county_name,city_code,city_name,province_code,province_name,competition_group",
        "330521,德清县,330500,湖州市,330000,浙江省,other",
        "330522,长兴县,330500,湖州市,330000,浙江省,other",
        "330523,安吉县,330500,湖州市,330000,浙江省,mountain26");
    write(
        reference.resolve("fx_rates.csv"),
        StandardCharsets.UTF_8,
        "period,usd_cny",
        "201901,7.0000",
        "201902,7.0000",
        "202001,7.1000",
        "202002,6.9000");

    Path customs = landing.resolve("customs_exports");
    // 2019: English headers, value_cny before value_usd, town and name last.
    write(
        customs.resolve("20190305-01/exports.csv"),
        StandardCharsets.UTF_8,
        "period,county_code,enterprise_id,hs_code,trade_mode,destination,value_cny,value_usd,"
            + "town_code,enterprise_name",
        "201901," + DEQING + "," + ALPHA + ",85044090,0110,US,1000.00,150.00,330521001,Alpha",
        "201901," + CHANGXING + "," + BETA + ",94036000,9610,DE,500.00,,,\"Beta, Ltd\"",
        // no value_cny: 100.00 USD x 7.0000 = 700.00 CNY
        "201902," + DEQING + "," + ALPHA + ",85044090,0110,US,,100.00,,Alpha",
        "201902," + ANJI + "," + GAMMA + ",94017900,0110,JP,300.00,,,Gamma",
        // an exact copy of the first line: counted once
        "201901," + DEQING + "," + ALPHA + ",85044090,0110,US,1000.00,150.00,330521001,Alpha",
        // wrong check character: left out
        "201902," + ANJI + "," + wrongCheck(GAMMA) + ",94017900,0110,JP,999.00,,,Gamma");
    // 2020: GBK, the usual Chinese headers, CRLF.
    writeCrlf(
        customs.resolve("20200310-01/出口.csv"),
        Charset.forName("GBK"),
        "统计月份,县市区代码,乡镇街道代码,统一社会信用代码,企业名称,商品编码,贸易方式,目的国,美元金额,人民币金额",
        "202001," + DEQING + ",," + ALPHA + ",德清甲公司,85044090,0110,US,,1500.00",
        "202001," + CHANGXING + ",," + BETA + ",长兴乙公司,94036000,9610,DE,70.45,",
        "202002," + DEQING + ",," + ALPHA + ",\"德清甲公司, 分公司\",85044090,0110,US,,800.00",
        // 10.65 USD x 6.9000 = 73.485, half-up 73.49 (a double gives 73.48499…, and half-even
        // 73.48)
        "202002," + CHANGXING + ",," + BETA + ",长兴乙公司,94036000,9610,DE,10.65,",
        "202002," + ANJI + ",," + GAMMA + ",安吉丙公司,94017900,0110,JP,,-5.00",
        "202002," + ANJI + ",," + GAMMA + ",安吉丙公司,94017900,0110,JP,,",
        "202002,339999,," + GAMMA + ",某公司,94017900,0110,JP,,100.00",
        "202013," + DEQING + ",," + ALPHA + ",德清甲公司,85044090,0110,US,,100.00",
        "202002," + DEQING + ",," + ALPHA + ",德清甲公司,85044090,0110,,,100.00");
    // A revision of January 2020 (UTF-8 with BOM): replaces all of that month's lines above.
    write(
        customs.resolve("20200320-01/revision.csv"),
        StandardCharsets.UTF_8,
        "\uFEFFperiod,county_code,enterprise_id,hs_code,trade_mode,destination,value_usd,value_cny",
        "202001," + DEQING + "," + ALPHA + ",85044090,0110,US,,1600.00",
        "202001," + ANJI + "," + GAMMA + ",94017900,0110,JP,,1600.00");
    // A header without county_code rejects its delivery, so February 2020 is not revised.
    write(
        customs.resolve("20200325-01/broken.csv"),
        StandardCharsets.UTF_8,
        "period,enterprise_id,hs_code,trade_mode,destination,value_cny",
        "202002," + ALPHA + ",85044090,0110,US,99999.00");
  }

  private LandingConversionPeer.Summary prepare() throws IOException {
    SaimaConfig config = ConfigLoader.forThisProcess().load(null, Map.of(), List.of());
    return new LandingConversionPeer(config.headerAliases(), config.stringMap("ingest.encodings"))
        .convert(landing, peer);
  }

  @Test
  void preparationRewritesGbkChineseHeadersAsUtf8CanonicalColumns() throws IOException {
    LandingConversionPeer.Summary summary = prepare();

    assertEquals(3, summary.files());
    assertEquals(3, summary.deliveries());
    assertEquals(1, summary.rejectedDeliveries());
    assertEquals(6 + 9 + 2, summary.records().get("customs_exports"));
    assertFalse(Files.exists(peer.resolve("customs_exports/20200325-01")));
    List<String> lines =
        Files.readAllLines(
            peer.resolve("customs_exports/20200310-01/出口.csv"), StandardCharsets.UTF_8);
    assertEquals(
        "period,county_code,enterprise_id,hs_code,trade_mode,destination,town_code,"
            + "enterprise_name,value_usd,value_cny",
        lines.get(0));
    assertEquals(
        "202002," + DEQING + "," + ALPHA + ",85044090,0110,US,,\"德清甲公司, 分公司\",,800.00",
        lines.get(3));
    assertEquals(10, lines.size());
  }

  @Test
  void peerComputesYtdGrowthShareAndRankOfEachCountyAndMonth() throws IOException, SQLException {
    prepare();
    Map<String, Row> rows = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      long count = DuckDbPeer.run(connection, peer, reference, DuckDbPeer.readAll(SCRIPT), 1);
      assertEquals(3 * 4, count);
      try (Statement statement = connection.createStatement();
          ResultSet rs =
              statement.executeQuery(
                  "SELECT region_code, period, value_month, value_ytd, value_ytd_ly,"
                      + " yoy_ytd_pct, share_ytd_pct, rank_ytd FROM county_export")) {
        while (rs.next()) {
          rows.put(
              rs.getString(1) + "@" + rs.getInt(2),
              new Row(
                  rs.getBigDecimal(3).toPlainString(),
                  rs.getBigDecimal(4).toPlainString(),
                  rs.getBigDecimal(5) == null ? null : rs.getBigDecimal(5).toPlainString(),
                  (Double) rs.getObject(6),
                  (Double) rs.getObject(7),
                  rs.getInt(8)));
        }
      }
    }

    // January 2019: 1000 (the copy counts once), 500, nothing; province 1500.
    expect(rows, DEQING, 201901, "1000.00", "1000.00", null, null, 1000.0 / 1500 * 100, 1);
    expect(rows, CHANGXING, 201901, "500.00", "500.00", null, null, 500.0 / 1500 * 100, 2);
    expect(rows, ANJI, 201901, "0.00", "0.00", null, null, 0.0, 3);
    // February 2019: 100 USD at 7 = 700; the bad credit code's 999 is left out; YTD 1700, 500,
    // 300 of a province 2500.
    expect(rows, DEQING, 201902, "700.00", "1700.00", null, null, 68.0, 1);
    expect(rows, CHANGXING, 201902, "0.00", "500.00", null, null, 20.0, 2);
    expect(rows, ANJI, 201902, "300.00", "300.00", null, null, 12.0, 3);
    // January 2020 as revised: 1600, 0 (its 500.20 was replaced), 1600; a tie shares rank 1.
    // Growth on 1000 is +60 %, on 500 -100 %; on last year's 0 it is undefined.
    expect(rows, DEQING, 202001, "1600.00", "1600.00", "1000.00", 60.0, 50.0, 1);
    expect(rows, CHANGXING, 202001, "0.00", "0.00", "500.00", -100.0, 0.0, 3);
    expect(rows, ANJI, 202001, "1600.00", "1600.00", "0.00", null, 50.0, 1);
    // February 2020: 800, 73.49 (converted), nothing (negative, no amount, unknown county, bad
    // period and missing destination are all left out; the rejected delivery's 99999 too).
    // YTD 2400, 73.49, 1600 of a province 4073.49; last year 1700, 500, 300.
    double province = 4073.49;
    expect(
        rows,
        DEQING,
        202002,
        "800.00",
        "2400.00",
        "1700.00",
        700.0 / 1700 * 100,
        2400 / province * 100,
        1);
    expect(
        rows,
        CHANGXING,
        202002,
        "73.49",
        "73.49",
        "500.00",
        (73.49 - 500) / 500 * 100,
        73.49 / province * 100,
        3);
    expect(
        rows,
        ANJI,
        202002,
        "0.00",
        "1600.00",
        "300.00",
        1300.0 / 300 * 100,
        1600 / province * 100,
        2);
  }

  @Test
  void crossCheckReportsEveryFigureThatDiffersAndEveryMissingCounty()
      throws IOException, SQLException {
    Path peerResult = dir.resolve("peer.csv");
    write(
        peerResult,
        StandardCharsets.UTF_8,
        "region_code,period,value_ytd,yoy_ytd_pct,rank_ytd",
        "330521,202001,1600.00,60.0,1",
        "330522,202001,0.00,-100.0,3",
        "330523,202001,1600.00,,1",
        "330521,201901,1000.00,,1");
    Path saima = dir.resolve("saima.csv");
    write(
        saima,
        StandardCharsets.UTF_8,
        "region_code,period,value_ytd,yoy_ytd_pct",
        "330521,202001,1600.00,60.00000000001",
        "330522,202001,0.01,-100.0");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      List<String> lines =
          DuckDbPeer.crossCheck(statement, peerResult, saima, null, List.of(202001));
      // 330522 differs by a cent; 330523 is missing from Saima (its growth is null on both sides,
      // so the missing row shows as value_ytd); 201901 was
      // not asked for; 60.00000000001 is the same growth.
      assertEquals(
          List.of(
              "periods=202001",
              "rows_compared=3",
              "figures=value_ytd,yoy_ytd_pct",
              "mismatches.value_ytd=2",
              "mismatches.yoy_ytd_pct=0",
              "mismatches=2"),
          lines);
      List<String> differing = new ArrayList<>();
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT region_code || ' ' || figure FROM mismatches ORDER BY 1")) {
        while (rs.next()) {
          differing.add(rs.getString(1));
        }
      }
      assertEquals(List.of("330522 value_ytd", "330523 value_ytd"), differing);
    }
  }

  private record Row(
      String valueMonth,
      String valueYtd,
      String valueYtdLy,
      Double yoyYtdPct,
      Double shareYtdPct,
      int rank) {}

  private static void expect(
      Map<String, Row> rows,
      String county,
      int period,
      String valueMonth,
      String valueYtd,
      String valueYtdLy,
      Double yoyYtdPct,
      double shareYtdPct,
      int rank) {
    Row row = rows.get(county + "@" + period);
    String where = county + " " + period;
    assertTrue(row != null, "no row for " + where);
    assertEquals(valueMonth, row.valueMonth(), "value_month " + where);
    assertEquals(valueYtd, row.valueYtd(), "value_ytd " + where);
    assertEquals(valueYtdLy, row.valueYtdLy(), "value_ytd_ly " + where);
    if (yoyYtdPct == null) {
      assertNull(row.yoyYtdPct(), "yoy_ytd_pct " + where);
    } else {
      assertEquals(yoyYtdPct, row.yoyYtdPct(), 1e-9, "yoy_ytd_pct " + where);
    }
    assertEquals(shareYtdPct, row.shareYtdPct(), 1e-9, "share_ytd_pct " + where);
    assertEquals(rank, row.rank(), "rank " + where);
  }

  private static void write(Path file, Charset charset, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n", charset);
  }

  private static void writeCrlf(Path file, Charset charset, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\r\n", lines) + "\r\n", charset);
  }
}
