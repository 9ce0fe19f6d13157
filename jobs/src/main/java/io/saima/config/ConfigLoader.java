package io.saima.config;

import io.saima.config.ConfigSchema.Node;
import io.saima.config.ConfigSchema.Type;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the configuration: the installation's {@code conf/application.yaml}, then a {@code --conf}
 * file, then options given on the command line, each overriding the one before. Every file is
 * checked on its own against {@link ConfigSchema}, so an error names the file it is in.
 *
 * <p>Values may refer to {@code ${SAIMA_HOME}} (the installation folder) and to environment
 * variables as {@code ${NAME}}. Relative paths resolve against the working directory.
 *
 * <p>One class, though long: every value carries the file it came from through checking,
 * substitution and path validation, so that any error names that file; the steps share that origin.
 */
public final class ConfigLoader {

  /** Where the command line's own values come from, for messages. */
  public static final String COMMAND_LINE = "command line";

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

  /** The file systems a path may be on: local, HDFS (and its federated view) and S3. */
  public static final List<String> URI_SCHEMES = List.of("file", "hdfs", "viewfs", "s3a");

  /**
   * Folders the driver reads or writes with plain file I/O: the bulletin (rendered and moved into
   * place as a whole) and the scoring schemes. On a cluster they are folders of the driver's host.
   */
  private static final List<String> LOCAL_ONLY = List.of("reports", "scoring.schemes");

  private final ConfigSchema schema;
  private final Path workingDirectory;
  private final Path home;
  private final Function<String, String> environment;

  public ConfigLoader(
      ConfigSchema schema, Path workingDirectory, Path home, Function<String, String> environment) {
    this.schema = schema;
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
    this.home = home.toAbsolutePath().normalize();
    this.environment = environment;
  }

  /** The loader a command uses: this process's working directory, home and environment. */
  public static ConfigLoader forThisProcess() {
    return new ConfigLoader(
        ConfigSchema.saima(), Path.of("").toAbsolutePath(), SaimaHome.locate(), System::getenv);
  }

  /**
   * Loads, merges and validates.
   *
   * @param confFile the {@code --conf} file, or null
   * @param overrides dotted keys set on the command line (e.g. {@code landing}, {@code
   *     spark.master}), applied last
   * @param requiredInputs input path keys (see {@link ConfigSchema#INPUT_PATHS}) this command
   *     reads; each must exist
   */
  public SaimaConfig load(
      Path confFile, Map<String, String> overrides, Collection<String> requiredInputs) {
    return loadFrom(confFile == null ? null : confFile.toString(), overrides, requiredInputs);
  }

  /**
   * As {@link #load(Path, Map, Collection)}, with the {@code --conf} file as given on the command
   * line: a local path, or a URI ({@code hdfs://…}, {@code s3a://…}) read through Hadoop's file
   * systems, as the landing folder is.
   */
  public SaimaConfig loadFrom(
      String confLocation, Map<String, String> overrides, Collection<String> requiredInputs) {
    Map<String, Object> merged = new LinkedHashMap<>();
    Path defaults = home.resolve("conf").resolve("application.yaml");
    if (Files.isRegularFile(defaults)) {
      merge(merged, readFile(defaults), schema.root());
    } else {
      try (InputStream in = ConfigLoader.class.getResourceAsStream("/application.yaml")) {
        if (in != null) {
          merge(merged, parse(in, "application.yaml (built in)"), schema.root());
        }
      } catch (IOException e) {
        throw new ConfigException("application.yaml (built in)", "(file)", e.getMessage());
      }
    }
    if (confLocation != null) {
      merge(merged, readConfFile(confLocation), schema.root());
    }
    for (Map.Entry<String, String> override : overrides.entrySet()) {
      setOverride(merged, override.getKey(), override.getValue());
    }
    Map<String, String> origins = new LinkedHashMap<>();
    SaimaConfig config = new SaimaConfig(resolve(merged, "", origins), origins);
    for (String key : requiredInputs) {
      requireExisting(config, key);
    }
    return config;
  }

  /** The {@code --conf} file: a URI through Hadoop's file systems, else a local file. */
  private Map<String, Object> readConfFile(String location) {
    if (location.isBlank()) {
      throw new ConfigException(COMMAND_LINE, "--conf", "is empty; expected a file");
    }
    if (!URI_SCHEME.matcher(location).matches()) {
      Path file;
      try {
        file = workingDirectory.resolve(location);
      } catch (InvalidPathException e) {
        throw new ConfigException(COMMAND_LINE, "--conf", "is not a valid path: " + e.getMessage());
      }
      if (!Files.isRegularFile(file)) {
        throw new ConfigException(COMMAND_LINE, "--conf", "no such file: " + file);
      }
      return readFile(file);
    }
    URI uri = checkedUri(location, "--conf", COMMAND_LINE);
    org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(uri);
    String shown = Redaction.redactUri(uri.toString());
    try {
      FileSystem fs = file.getFileSystem(hadoopConfiguration());
      if (!fs.isFile(file)) {
        throw new ConfigException(COMMAND_LINE, "--conf", "no such file: " + shown);
      }
      try (InputStream in = fs.open(file)) {
        return parse(in, shown);
      }
    } catch (IOException e) {
      throw new ConfigException(shown, "(file)", "cannot be read: " + e.getMessage());
    } catch (RuntimeException e) {
      if (!(e.getCause() instanceof ClassNotFoundException)) {
        throw e;
      }
      // Hadoop knows the scheme but its file system is not on the classpath: hadoop-aws for s3a.
      throw new ConfigException(
          shown,
          "(file)",
          "cannot be read: no "
              + uri.getScheme()
              + ":// file system on the classpath ("
              + e.getCause().getMessage()
              + "); for S3 add hadoop-aws and the AWS SDK bundle (README, \"S3\")");
    }
  }

  /**
   * Hadoop's settings as the Spark session will have them: the cluster's own (core-site.xml) and,
   * under spark-submit, its {@code spark.hadoop.*} settings (an S3 endpoint, say), which it hands
   * the driver as system properties.
   */
  private static Configuration hadoopConfiguration() {
    Configuration hadoop = new Configuration();
    String prefix = "spark.hadoop.";
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith(prefix)) {
        hadoop.set(name.substring(prefix.length()), System.getProperty(name));
      }
    }
    return hadoop;
  }

  private Map<String, Object> readFile(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, file.toString());
    } catch (IOException e) {
      throw new ConfigException(file.toString(), "(file)", "cannot be read: " + e.getMessage());
    }
  }

  /** Parses one file and checks it against the schema; values keep the file's name as origin. */
  private Map<String, Object> parse(InputStream in, String source) {
    Object document;
    try (Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
      document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    } catch (YAMLException | IOException e) {
      throw new ConfigException(source, "(syntax)", "not valid YAML: " + e.getMessage());
    }
    if (document == null) {
      return new LinkedHashMap<>();
    }
    return checkSection(document, schema.root(), "", source);
  }

  private Map<String, Object> checkSection(Object value, Node node, String path, String source) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new ConfigException(source, display(path), "expected " + node.type().description());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      String key = String.valueOf(entry.getKey());
      String full = path.isEmpty() ? key : path + "." + key;
      Node child = node.children().get(key);
      if (child == null) {
        throw new ConfigException(
            source, full, "unknown key; expected one of " + node.children().keySet());
      }
      out.put(key, checkValue(entry.getValue(), child, full, source));
    }
    return out;
  }

  private Object checkValue(Object value, Node node, String key, String source) {
    if (value == null) {
      throw new ConfigException(source, key, "has no value; expected " + node.type().description());
    }
    switch (node.type()) {
      case SECTION:
        return checkSection(value, node, key, source);
      case MAP_OF_SECTIONS:
        {
          if (!(value instanceof Map<?, ?> map)) {
            throw new ConfigException(source, key, "expected " + node.type().description());
          }
          Map<String, Object> out = new LinkedHashMap<>();
          for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            out.put(name, checkSection(entry.getValue(), node.element(), key + "." + name, source));
          }
          return out;
        }
      case SCALAR_MAP:
        {
          if (!(value instanceof Map<?, ?> map)) {
            throw new ConfigException(source, key, "expected " + node.type().description());
          }
          Map<String, Object> out = new LinkedHashMap<>();
          for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object v = entry.getValue();
            if (v == null || v instanceof Map || v instanceof List) {
              throw new ConfigException(
                  source, key + "." + entry.getKey(), "expected a scalar value");
            }
            if (Redaction.isSecret(String.valueOf(entry.getKey()))) {
              // The file is read by anyone who reads the configuration, and may be committed.
              throw new ConfigException(
                  source,
                  key + "." + entry.getKey(),
                  "is a credential; it comes from the environment (e.g. AWS_ACCESS_KEY_ID and"
                      + " AWS_SECRET_ACCESS_KEY) or the cluster (an instance profile), never from a"
                      + " configuration file");
            }
            out.put(String.valueOf(entry.getKey()), String.valueOf(v));
          }
          return out;
        }
      case LIST_MAP:
        {
          if (!(value instanceof Map<?, ?> map)) {
            throw new ConfigException(source, key, "expected " + node.type().description());
          }
          Map<String, Object> out = new LinkedHashMap<>();
          for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = key + "." + entry.getKey();
            out.put(String.valueOf(entry.getKey()), stringList(entry.getValue(), name, source));
          }
          return out;
        }
      case STRING_LIST:
        return stringList(value, key, source);
      case STRING:
      case PATH:
        if (value instanceof Map || value instanceof List) {
          throw new ConfigException(source, key, "expected " + node.type().description());
        }
        return new Origin(String.valueOf(value), source);
      case INTEGER:
        if (value instanceof Integer || value instanceof Long) {
          return ((Number) value).longValue();
        }
        throw new ConfigException(
            source, key, "expected " + node.type().description() + ", got '" + value + "'");
      case NUMBER:
        if (value instanceof Number number) {
          return new BigDecimal(number.toString());
        }
        throw new ConfigException(
            source, key, "expected " + node.type().description() + ", got '" + value + "'");
      case BOOLEAN:
        if (value instanceof Boolean) {
          return value;
        }
        throw new ConfigException(
            source, key, "expected " + node.type().description() + ", got '" + value + "'");
      default:
        throw new IllegalStateException("unhandled type " + node.type());
    }
  }

  private static List<String> stringList(Object value, String key, String source) {
    if (!(value instanceof List<?> list)) {
      throw new ConfigException(source, key, "expected a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object item : list) {
      if (item == null || item instanceof Map || item instanceof List) {
        throw new ConfigException(source, key, "expected a list of strings");
      }
      out.add(String.valueOf(item));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> target, Map<String, Object> source, Node node) {
    for (Map.Entry<String, Object> entry : source.entrySet()) {
      Node child =
          node.type() == Type.MAP_OF_SECTIONS
              ? node.element()
              : node.children().get(entry.getKey());
      Object existing = target.get(entry.getKey());
      boolean nested =
          child != null
              && (child.type() == Type.SECTION
                  || child.type() == Type.MAP_OF_SECTIONS
                  || child.type() == Type.SCALAR_MAP
                  || child.type() == Type.LIST_MAP);
      if (nested && existing instanceof Map && entry.getValue() instanceof Map) {
        Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) existing);
        if (child.type() == Type.SECTION || child.type() == Type.MAP_OF_SECTIONS) {
          merge(copy, (Map<String, Object>) entry.getValue(), child);
        } else {
          copy.putAll((Map<String, Object>) entry.getValue());
        }
        target.put(entry.getKey(), copy);
      } else {
        target.put(entry.getKey(), entry.getValue());
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void setOverride(Map<String, Object> merged, String dottedKey, String value) {
    String[] parts = dottedKey.split("\\.");
    Node node = schema.root();
    Map<String, Object> map = merged;
    for (int i = 0; i < parts.length - 1; i++) {
      node = node.children().get(parts[i]);
      if (node == null || node.type() != Type.SECTION) {
        throw new ConfigException(COMMAND_LINE, dottedKey, "unknown key");
      }
      map = (Map<String, Object>) map.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
    }
    Node leaf = node.children().get(parts[parts.length - 1]);
    if (leaf == null || (leaf.type() != Type.STRING && leaf.type() != Type.PATH)) {
      throw new ConfigException(COMMAND_LINE, dottedKey, "unknown key");
    }
    map.put(parts[parts.length - 1], new Origin(value, COMMAND_LINE));
  }

  /** Interpolates variables and resolves paths, recording where each scalar came from. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> resolve(
      Map<String, Object> tree, String prefix, Map<String, String> origins) {
    Map<String, Object> out = new LinkedHashMap<>();
    Node base = schema.root();
    for (Map.Entry<String, Object> entry : tree.entrySet()) {
      String key = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
      Object value = entry.getValue();
      if (value instanceof Origin origin) {
        origins.put(key, origin.source());
        String text = interpolate(origin.text(), key, origin.source());
        Node node = lookup(base, key);
        out.put(
            entry.getKey(),
            node != null && node.type() == Type.PATH
                ? resolvePath(text, key, origin.source())
                : text);
      } else if (value instanceof Map) {
        out.put(entry.getKey(), resolve((Map<String, Object>) value, key, origins));
      } else {
        out.put(entry.getKey(), value);
      }
    }
    return out;
  }

  private static Node lookup(Node root, String dottedKey) {
    Node node = root;
    for (String part : dottedKey.split("\\.")) {
      if (node == null) {
        return null;
      }
      node = node.type() == Type.MAP_OF_SECTIONS ? node.element() : node.children().get(part);
    }
    return node;
  }

  private String interpolate(String text, String key, String source) {
    Matcher matcher = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = "SAIMA_HOME".equals(name) ? home.toString() : environment.apply(name);
      if (value == null) {
        throw new ConfigException(
            source, key, "refers to ${" + name + "}, which is not set in the environment");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /**
   * A path is either a URI with a scheme (hdfs://, s3a://, file://) kept as written, or a local
   * path made absolute against the working directory. Control characters are refused.
   */
  private String resolvePath(String text, String key, String source) {
    if (text.isBlank()) {
      throw new ConfigException(source, key, "is empty; expected a path");
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        throw new ConfigException(source, key, "contains a control character; expected a path");
      }
    }
    if (URI_SCHEME.matcher(text).matches()) {
      URI uri = checkedUri(text, key, source);
      if (LOCAL_ONLY.contains(key) && !"file".equals(uri.getScheme())) {
        throw new ConfigException(
            source,
            key,
            "is read or written on the driver's own disk; expected a local path (URIs are for "
                + "landing, warehouse and reference)");
      }
      if ("file".equals(uri.getScheme())) {
        try {
          return Path.of(uri).normalize().toString();
        } catch (IllegalArgumentException e) {
          throw new ConfigException(source, key, "is not a valid file URI: " + e.getMessage());
        }
      }
      return uri.toString();
    }
    try {
      return workingDirectory.resolve(text).normalize().toString();
    } catch (InvalidPathException e) {
      throw new ConfigException(source, key, "is not a valid path: " + e.getMessage());
    }
  }

  /**
   * A path given as a URI, checked: a scheme Saima reads and writes ({@link #URI_SCHEMES}), a
   * bucket for S3, no credentials (they come from the environment or the cluster), no query or
   * fragment, and no {@code .} or {@code ..} segment, so that a path never climbs out of the folder
   * it names.
   */
  static URI checkedUri(String text, String key, String source) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new ConfigException(source, key, "is not a valid URI: " + e.getMessage());
    }
    String scheme = uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!URI_SCHEMES.contains(scheme)) {
      String hint = scheme.equals("s3") || scheme.equals("s3n") ? " (for S3 write s3a://)" : "";
      throw new ConfigException(
          source,
          key,
          "has the scheme "
              + uri.getScheme()
              + "://"
              + hint
              + "; expected a local path or one of "
              + URI_SCHEMES.stream().map(s -> s + "://").toList());
    }
    if (uri.getRawUserInfo() != null) {
      throw new ConfigException(
          source,
          key,
          "holds credentials ("
              + Redaction.redactUri(text)
              + "); they come from the environment or the cluster, never from a path");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new ConfigException(source, key, "has a query or fragment; expected a plain path");
    }
    if (scheme.equals("s3a") && (uri.getAuthority() == null || uri.getAuthority().isBlank())) {
      throw new ConfigException(source, key, "names no bucket; expected s3a://BUCKET/path");
    }
    for (String segment : uri.getPath().split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        throw new ConfigException(
            source, key, "has a '" + segment + "' segment; expected a path without . or ..");
      }
    }
    return uri;
  }

  private static void requireExisting(SaimaConfig config, String key) {
    String path = config.string(key);
    if (path == null) {
      throw new ConfigException("configuration", key, "is not set; expected an existing folder");
    }
    if (!URI_SCHEME.matcher(path).matches() && !Files.isDirectory(Path.of(path))) {
      throw new ConfigException(
          config.origin(key), key, "no such folder: " + path + "; expected an existing folder");
    }
  }

  private static String display(String path) {
    return path.isEmpty() ? "(top level)" : path;
  }

  /** A scalar together with the file it came from. */
  private record Origin(String text, String source) {}
}
