package io.saima.generate;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic randomness: every draw comes from a generator seeded by the run's seed and the
 * names of what is drawn (source, county, period, ...), so a part of the output never depends on
 * how much was generated before it, and the same seed gives the same bytes. Only {@link StrictMath}
 * is used, whose results are the same on every platform.
 */
final class Seeds {
  private Seeds() {}

  /** A generator for one named thing, e.g. {@code random(seed, "customs", "330521", 202003)}. */
  static SplittableRandom random(long seed, Object... keys) {
    return new SplittableRandom(mix(seed, keys));
  }

  static long mix(long seed, Object... keys) {
    long h = mix64(seed ^ 0x5A1A_2020_0630_0521L);
    for (Object key : keys) {
      long k;
      if (key instanceof Number number) {
        k = number.longValue();
      } else {
        k = 0;
        for (byte b : String.valueOf(key).getBytes(StandardCharsets.UTF_8)) {
          k = k * 1_000_003L + (b & 0xff);
        }
      }
      h = mix64(h * 31 + k);
    }
    return h;
  }

  /** A uniform value in [0, 1) that depends only on the keys (no run seed). */
  static double stableUniform(Object... keys) {
    return (mix(0, keys) >>> 11) * 0x1.0p-53;
  }

  /** SplitMix64's finaliser. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }

  /** A standard normal draw (Box–Muller). */
  static double gaussian(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
  }

  /** A log-normal factor with median 1. */
  static double logNormal(SplittableRandom random, double sigma) {
    return StrictMath.exp(sigma * gaussian(random));
  }

  /** An index drawn with the given cumulative weights (last element = total). */
  static int pick(SplittableRandom random, double[] cumulative) {
    double u = random.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > u) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  static double[] cumulative(double... weights) {
    double[] out = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      out[i] = sum;
    }
    return out;
  }
}
