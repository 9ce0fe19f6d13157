package io.saima.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of logs and out of {@code ops.job_runs}: a setting whose name looks like a
 * secret ({@code fs.s3a.access.key}, {@code fs.s3a.secret.key}, {@code fs.s3a.session.token},
 * anything with secret, password, token or credential in its name) is shown as {@link #REDACTED},
 * and so is the user information of a URI ({@code s3a://KEY:SECRET@bucket/}). The pattern is
 * Spark's own default {@code spark.redaction.regex} widened by credential, so that what Spark's UI
 * hides our logs hide too.
 */
public final class Redaction {
  public static final String REDACTED = "*********(redacted)";

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i)secret|password|token|access[._-]?key|credential");

  private Redaction() {}

  /** Whether a setting of this name holds a credential. */
  public static boolean isSecret(String name) {
    return SECRET_NAME.matcher(name).find();
  }

  /** The settings with secret values replaced, in the same order. */
  public static Map<String, String> redact(Map<String, String> settings) {
    Map<String, String> out = new LinkedHashMap<>();
    settings.forEach((name, value) -> out.put(name, isSecret(name) ? REDACTED : redactUri(value)));
    return out;
  }

  /** A URI without its user information; any other text as it is. */
  public static String redactUri(String text) {
    if (text == null || !text.contains("@") || !text.contains("://")) {
      return text;
    }
    try {
      URI uri = new URI(text);
      if (uri.getRawUserInfo() == null) {
        return text;
      }
      return new URI(
              uri.getScheme(),
              REDACTED,
              uri.getHost(),
              uri.getPort(),
              uri.getPath(),
              uri.getQuery(),
              uri.getFragment())
          .toString();
    } catch (URISyntaxException e) {
      // Not a URI after all: hide whatever stands between the scheme and the last '@'.
      return text.replaceAll("://[^/]*@", "://" + REDACTED + "@");
    }
  }
}
