package io.saima.config;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated, merged configuration. Paths are absolute (or URIs); typed getters cover the keys
 * every stage uses, and {@link #get} reaches any key of {@link ConfigSchema} by its dotted name.
 */
public final class SaimaConfig {
  private final Map<String, Object> tree;
  private final Map<String, String> origins;

  SaimaConfig(Map<String, Object> tree, Map<String, String> origins) {
    this.tree = tree;
    this.origins = origins;
  }

  public String landing() {
    return required("landing");
  }

  public String warehouse() {
    return required("warehouse");
  }

  public String reference() {
    return required("reference");
  }

  public String reports() {
    return required("reports");
  }

  public String homeRegion() {
    return required("home_region");
  }

  /** The Spark master, or empty when spark-submit decides it. */
  public Optional<String> sparkMaster() {
    return Optional.ofNullable(string("spark.master")).filter(s -> !s.isBlank());
  }

  public String sparkAppName() {
    return Optional.ofNullable(string("spark.app_name")).orElse("saima");
  }

  public Map<String, String> sparkConf() {
    return stringMap("spark.conf");
  }

  /** The CSV encoding set for a source ({@code auto} when none is). */
  public String encoding(String source) {
    return stringMap("ingest.encodings").getOrDefault(source, "auto");
  }

  /** Other header names per column, as configured. */
  public Map<String, List<String>> headerAliases() {
    Object value = get("ingest.header_aliases");
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        List<String> names = new java.util.ArrayList<>();
        for (Object item : (List<?>) entry.getValue()) {
          names.add(String.valueOf(item));
        }
        out.put(String.valueOf(entry.getKey()), List.copyOf(names));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** Any key by dotted name; null when not set. */
  public Object get(String dottedKey) {
    Object node = tree;
    for (String part : dottedKey.split("\\.")) {
      if (!(node instanceof Map<?, ?> map)) {
        return null;
      }
      node = map.get(part);
    }
    return node;
  }

  public String string(String dottedKey) {
    Object value = get(dottedKey);
    return value == null ? null : String.valueOf(value);
  }

  public Optional<Long> integer(String dottedKey) {
    Object value = get(dottedKey);
    return value instanceof Long l ? Optional.of(l) : Optional.empty();
  }

  public Optional<BigDecimal> number(String dottedKey) {
    Object value = get(dottedKey);
    return value instanceof BigDecimal d ? Optional.of(d) : Optional.empty();
  }

  public Optional<Boolean> bool(String dottedKey) {
    Object value = get(dottedKey);
    return value instanceof Boolean b ? Optional.of(b) : Optional.empty();
  }

  /** A mapping of names to scalars, as strings; empty when not set. */
  public Map<String, String> stringMap(String dottedKey) {
    Object value = get(dottedKey);
    Map<String, String> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        out.put(String.valueOf(entry.getKey()), String.valueOf(entry.getValue()));
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** The file (or "command line") a key's value came from. */
  public String origin(String dottedKey) {
    return origins.getOrDefault(dottedKey, "configuration");
  }

  private String required(String key) {
    String value = string(key);
    if (value == null || value.isBlank()) {
      throw new ConfigException("configuration", key, "is not set");
    }
    return value;
  }
}
