package io.saima.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CreditCodeTest {

  @Test
  void checkCharacterFollowsTheWeightsOfTheStandard() {
    // 91350100M000100Y4: sum of value × weight = 1640; 1640 mod 31 = 28; 31 - 28 = 3 -> '3'.
    assertEquals('3', CreditCode.checkCharacter("91350100M000100Y4"));
    // Hand computation for an all-zero body with a leading 9: 9 × 1 = 9; 31 - 9 = 22 -> 'N'.
    assertEquals('N', CreditCode.checkCharacter("90000000000000000"));
    // A body whose weighted sum is a multiple of 31 gets '0'.
    assertEquals('0', CreditCode.checkCharacter("00000000000000000"));
  }

  @Test
  void aPublishedCodeIsValidAndAChangedCharacterIsNot() {
    assertTrue(CreditCode.isValid("91350100M000100Y43"));
    assertFalse(CreditCode.isValid("91350100M000100Y44"));
    assertFalse(CreditCode.isValid("91350100M000100Y4"));
    assertFalse(CreditCode.isValid("91350100I000100Y43"));
    assertFalse(CreditCode.isValid(null));
  }

  @Test
  void aBodyWithALetterOutsideTheAlphabetIsRefused() {
    assertThrows(
        IllegalArgumentException.class, () -> CreditCode.checkCharacter("9135010OM000100Y4"));
  }
}
