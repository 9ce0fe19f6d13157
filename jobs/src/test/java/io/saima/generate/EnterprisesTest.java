package io.saima.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.saima.ingest.CreditCode;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnterprisesTest {

  @Test
  void everyGeneratedCreditCodeIsValidAndLaidOutAsACompanyOfItsCounty() {
    Set<String> codes = new HashSet<>();
    int generated = 0;
    for (String county : new String[] {"330521", "330782", "331127"}) {
      for (long index = 0; index < 20_000; index += 7) {
        String code = Enterprises.creditCode(county, index);
        assertTrue(CreditCode.isValid(code), code);
        assertEquals("91" + county, code.substring(0, 8), code);
        assertEquals(Enterprises.orgCheck(code.substring(8, 16)), code.charAt(16), code);
        codes.add(code);
        generated++;
      }
    }
    // distinct firms get distinct codes
    assertEquals(generated, codes.size());
  }

  @Test
  void organisationCodeCheckFollowsGb11714() {
    // 1×3 + 2×7 + 3×9 + 4×10 + 5×5 + 6×8 + 7×4 + 8×2 = 201; 201 mod 11 = 3; 11 − 3 = 8
    assertEquals('8', Enterprises.orgCheck("12345678"));
    // 0…0 sums to 0: 11 − 0 = 11 -> '0'
    assertEquals('0', Enterprises.orgCheck("00000000"));
    // 1×3 + 0 … + 0 + 2 × 2 = 7 -> 11 − 7 = 4; 'A' counts 10: 10×3 = 30 mod 11 = 8 -> 3
    assertEquals('4', Enterprises.orgCheck("10000002"));
    assertEquals('3', Enterprises.orgCheck("A0000000"));
  }

  @Test
  void countyNamesLoseTheirAdministrativeSuffix() {
    assertEquals("德清", Enterprises.shortName("德清县"));
    assertEquals("景宁", Enterprises.shortName("景宁畲族自治县"));
    assertEquals("义乌", Enterprises.shortName("义乌市"));
  }
}
