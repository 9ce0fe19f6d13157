package io.saima.cli;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code --period YYYYMM}: parsed and checked the same way by every command that takes it. */
final class Periods {
  private Periods() {}

  /**
   * The period, or null when the option was not given. Anything but six digits with a month from 01
   * to 12 is bad usage with the same hint, whether it is 202013 or 2020-06.
   */
  static Integer parse(CommandSpec spec, String text) {
    if (text == null) {
      return null;
    }
    String given = text.strip();
    if (given.matches("\\d{6}")) {
      int period = Integer.parseInt(given);
      int month = period % 100;
      if (period / 100 >= 1900 && month >= 1 && month <= 12) {
        return period;
      }
    }
    String hint = "--period expects YYYYMM (e.g. 202006), got '" + text + "'";
    if (given.matches("\\d{4}-\\d{1,2}")) {
      String[] parts = given.split("-");
      int month = Integer.parseInt(parts[1]);
      if (month >= 1 && month <= 12) {
        hint += "; did you mean " + parts[0] + String.format(java.util.Locale.ROOT, "%02d", month);
        hint += "?";
      }
    }
    throw new ParameterException(spec.commandLine(), hint);
  }

  /**
   * A period that is well formed but has none of what is asked for: bad usage naming the periods
   * that have it, the nearest months first.
   */
  static void requireKnown(CommandSpec spec, int period, Collection<Integer> known, String what) {
    if (known.contains(period)) {
      return;
    }
    List<Integer> nearest =
        known.stream()
            .distinct()
            .sorted(
                Comparator.<Integer>comparingInt(p -> Math.abs(months(p) - months(period)))
                    .thenComparing(Comparator.reverseOrder()))
            .toList();
    String listed;
    if (nearest.isEmpty()) {
      listed = "no period has any yet";
    } else {
      String shown =
          nearest.subList(0, Math.min(6, nearest.size())).stream()
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
      listed =
          "the nearest periods that do are "
              + shown
              + (nearest.size() > 6
                  ? ", … ("
                      + nearest.size()
                      + " in all, "
                      + nearest.stream().min(Integer::compare).get()
                      + ".."
                      + nearest.stream().max(Integer::compare).get()
                      + ")"
                  : "");
    }
    throw new ParameterException(
        spec.commandLine(), "--period " + period + " has no " + what + "; " + listed);
  }

  private static int months(int period) {
    return (period / 100) * 12 + period % 100;
  }
}
