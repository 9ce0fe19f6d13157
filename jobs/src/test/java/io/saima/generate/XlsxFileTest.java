package io.saima.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxFileTest {

  @Test
  void columnsAreNamedAsSpreadsheetsNameThem() {
    assertEquals("A", XlsxFile.column(0));
    assertEquals("Z", XlsxFile.column(25));
    assertEquals("AA", XlsxFile.column(26));
    assertEquals("AB", XlsxFile.column(27));
    assertEquals("BA", XlsxFile.column(52));
  }

  @Test
  void aWorkbookReadsBackThroughPoiWithItsTextAndEmptyCells(@TempDir Path dir) throws IOException {
    Path first = dir.resolve("a.xlsx");
    Path second = dir.resolve("b.xlsx");
    List<String[]> rows = List.<String[]>of(new String[] {"202004", "330521", "", "R&D <1>"});
    XlsxFile.write(first, "实到外资", new String[] {"统计月份", "县市区代码", "乡镇街道代码", "行业"}, rows);
    XlsxFile.write(second, "实到外资", new String[] {"统计月份", "县市区代码", "乡镇街道代码", "行业"}, rows);
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    LandingFile read = LandingFile.read(first);
    assertEquals(List.of("统计月份", "县市区代码", "乡镇街道代码", "行业"), read.header());
    assertEquals(List.of(List.of("202004", "330521", "", "R&D <1>")), read.rows());
  }
}
