package io.saima.config;

/**
 * A configuration problem the user must fix: names the file (or "command line"), the key and what
 * was expected. The command line turns it into exit code 2.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String key;

  public ConfigException(String source, String key, String problem) {
    super(source + ": " + key + ": " + problem);
    this.source = source;
    this.key = key;
  }

  public String source() {
    return source;
  }

  public String key() {
    return key;
  }
}
