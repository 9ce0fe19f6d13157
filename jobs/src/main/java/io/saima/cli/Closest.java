package io.saima.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Names that exist, closest to a mistyped one first: by edit distance, then by the length of the
 * prefix they share (so 330522 comes before 110522 for 330529), then by name.
 */
final class Closest {
  private Closest() {}

  static List<String> to(String given, Collection<String> known) {
    String wanted = given.toLowerCase(Locale.ROOT);
    return known.stream()
        .distinct()
        .sorted(
            Comparator.<String>comparingInt(k -> distance(wanted, k.toLowerCase(Locale.ROOT)))
                .thenComparingInt(k -> -commonPrefix(wanted, k.toLowerCase(Locale.ROOT)))
                .thenComparing(Comparator.naturalOrder()))
        .toList();
  }

  /**
   * "330522, 330523, … (90 in all)": at most {@code limit} names, closest first, and how many
   * exist.
   */
  static String list(String given, Collection<String> known, int limit) {
    List<String> sorted = to(given, known);
    if (sorted.isEmpty()) {
      return "none";
    }
    String shown = String.join(", ", sorted.subList(0, Math.min(limit, sorted.size())));
    return sorted.size() > limit ? shown + ", … (" + sorted.size() + " in all)" : shown;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static int commonPrefix(String a, String b) {
    int n = 0;
    while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
      n++;
    }
    return n;
  }
}
