package io.saima.ingest;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-letter alphabet
 * (digits and capitals without I, O, S, V, Z); the last is a check character computed from the
 * first 17 with the weights 3^i mod 31.
 */
public final class CreditCode {
  /** The alphabet; a character's value is its position. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private CreditCode() {}

  /** True when the code has 18 characters of the alphabet and a correct check character. */
  public static boolean isValid(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    for (int i = 0; i < 18; i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return false;
      }
    }
    return checkCharacter(code.substring(0, 17)) == code.charAt(17);
  }

  /**
   * The check character for the first 17 characters of a code.
   *
   * @throws IllegalArgumentException if the body is not 17 characters of the alphabet
   */
  public static char checkCharacter(String body) {
    if (body == null || body.length() != 17) {
      throw new IllegalArgumentException("a credit code body has 17 characters: " + body);
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(body.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException(
            "'" + body.charAt(i) + "' is not a credit code character: " + body);
      }
      sum += value * WEIGHTS[i];
    }
    int check = 31 - sum % 31;
    return ALPHABET.charAt(check == 31 ? 0 : check);
  }
}
