package io.saima.ingest;

import io.saima.config.SaimaConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which files of a delivery folder are not read as data (DESIGN.md, "Landing zone"). Every other
 * file is read, whatever its name: bureaus name files in Chinese, with spaces and full-width
 * brackets, as a matter of course.
 *
 * <ul>
 *   <li>{@code skip}: files that are plainly not data (hidden files, Office lock files {@code
 *       ~$…}); skipped and logged at INFO with the pattern that matched.
 *   <li>{@code inProgress}: copies still arriving ({@code *.part}, {@code *.tmp}, {@code
 *       *.crdownload}); their whole delivery waits for a later night.
 *   <li>{@code waitingDays}: a delivery still empty or still in progress this many days after its
 *       folder last changed is refused, so that nothing waits forever as "not arrived".
 * </ul>
 *
 * Patterns are globs on the file name ({@code *} any run of characters, {@code ?} one character),
 * matched case-insensitively; the defaults are in {@code conf/application.yaml}.
 */
public record LandingRules(List<String> skip, List<String> inProgress, long waitingDays) {

  public static final List<String> DEFAULT_SKIP = List.of(".*", "~$*");
  public static final List<String> DEFAULT_IN_PROGRESS = List.of("*.part", "*.tmp", "*.crdownload");
  public static final long DEFAULT_WAITING_DAYS = 3;

  public LandingRules {
    skip = List.copyOf(skip);
    inProgress = List.copyOf(inProgress);
    if (waitingDays < 0) {
      throw new IllegalArgumentException("waiting_days must not be negative: " + waitingDays);
    }
  }

  public static LandingRules defaults() {
    return new LandingRules(DEFAULT_SKIP, DEFAULT_IN_PROGRESS, DEFAULT_WAITING_DAYS);
  }

  /** The rules of a configuration ({@code ingest.landing_files}), defaults where it is silent. */
  public static LandingRules of(SaimaConfig config) {
    return new LandingRules(
        list(config.get("ingest.landing_files.skip"), DEFAULT_SKIP),
        list(config.get("ingest.landing_files.in_progress"), DEFAULT_IN_PROGRESS),
        config.integer("ingest.landing_files.waiting_days").orElse(DEFAULT_WAITING_DAYS));
  }

  private static List<String> list(Object value, List<String> fallback) {
    if (!(value instanceof List<?> items)) {
      return fallback;
    }
    List<String> out = new ArrayList<>();
    for (Object item : items) {
      out.add(String.valueOf(item));
    }
    return out;
  }

  /** The skip pattern a name matches, if any. */
  public Optional<String> skipPattern(String name) {
    return first(skip, name);
  }

  /** The in-progress pattern a name matches, if any. */
  public Optional<String> inProgressPattern(String name) {
    return first(inProgress, name);
  }

  private static Optional<String> first(List<String> globs, String name) {
    for (String glob : globs) {
      if (glob(glob).matcher(name.toLowerCase(Locale.ROOT)).matches()) {
        return Optional.of(glob);
      }
    }
    return Optional.empty();
  }

  /** A glob as a regular expression: {@code *} and {@code ?} are wild, the rest literal. */
  static Pattern glob(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
