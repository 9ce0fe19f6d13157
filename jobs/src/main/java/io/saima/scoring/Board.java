package io.saima.scoring;

import java.io.Serializable;

/**
 * One period's figures for the counties a scheme scores, laid out for the scoring arithmetic:
 * {@code measures[indicator][measure][county]} in the scheme's order, NaN for null, and the
 * counties' targets for the same slots (NaN where a county has none).
 */
public record Board(
    int period, String[] codes, String[] groups, double[][][] measures, double[][][] targets)
    implements Serializable {

  public int size() {
    return codes.length;
  }

  /** A copy whose measures may be changed without touching this one. */
  public Board copy() {
    double[][][] m = new double[measures.length][][];
    for (int i = 0; i < measures.length; i++) {
      m[i] = new double[measures[i].length][];
      for (int j = 0; j < measures[i].length; j++) {
        m[i][j] = measures[i][j].clone();
      }
    }
    return new Board(period, codes, groups, m, targets);
  }
}
