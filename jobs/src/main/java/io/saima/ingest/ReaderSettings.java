package io.saima.ingest;

import io.saima.catalog.Source;
import io.saima.config.ConfigException;
import io.saima.config.SaimaConfig;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to read one source's files; travels to the executors.
 *
 * @param encoding {@code auto}, {@code UTF-8}, {@code GBK} or {@code GB18030} ({@code
 *     ingest.encodings.<source>})
 * @param headerAliases other header names of each canonical column ({@code ingest.header_aliases})
 */
public record ReaderSettings(String encoding, Map<String, List<String>> headerAliases)
    implements Serializable {

  /** The encodings a source may be set to. */
  public static final List<String> ENCODINGS = List.of("auto", "UTF-8", "GBK", "GB18030");

  public ReaderSettings {
    String canonical = canonicalEncoding(encoding);
    if (canonical == null) {
      throw new IllegalArgumentException(
          "encoding '" + encoding + "' is not one of " + String.join(", ", ENCODINGS));
    }
    encoding = canonical;
    Map<String, List<String>> copy = new LinkedHashMap<>();
    (headerAliases == null ? Map.<String, List<String>>of() : headerAliases)
        .forEach((column, names) -> copy.put(column, List.copyOf(names)));
    headerAliases = Map.copyOf(copy);
  }

  /** English header names only, encoding detected. */
  public static ReaderSettings defaults() {
    return new ReaderSettings("auto", Map.of());
  }

  public static ReaderSettings of(SaimaConfig config, Source source) {
    String encoding = config.encoding(source.id());
    if (canonicalEncoding(encoding) == null) {
      String key = "ingest.encodings." + source.id();
      throw new ConfigException(
          config.origin(key),
          key,
          "'" + encoding + "' is not one of " + String.join(", ", ENCODINGS));
    }
    return new ReaderSettings(encoding, config.headerAliases());
  }

  private static String canonicalEncoding(String encoding) {
    if (encoding == null) {
      return null;
    }
    String upper = encoding.strip().toUpperCase(Locale.ROOT);
    return switch (upper) {
      case "AUTO" -> "auto";
      case "UTF-8", "UTF8" -> "UTF-8";
      case "GBK" -> "GBK";
      case "GB18030" -> "GB18030";
      default -> null;
    };
  }
}
