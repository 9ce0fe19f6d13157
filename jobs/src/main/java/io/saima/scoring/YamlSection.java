package io.saima.scoring;

import io.saima.config.ConfigException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A mapping read from a scheme or scenario file, with strict typed getters: an unknown key, a
 * missing one or a wrong type is a {@link ConfigException} naming the file and the dotted key.
 */
public final class YamlSection {
  private final String file;
  private final String path;
  private final Map<String, Object> values;

  private YamlSection(String file, String path, Map<String, Object> values) {
    this.file = file;
    this.path = path;
    this.values = values;
  }

  public static YamlSection root(String file, Object document) {
    if (!(document instanceof Map<?, ?> map)) {
      throw new ConfigException(file, "(top level)", "expected a mapping");
    }
    return new YamlSection(file, "", copy(map));
  }

  private static Map<String, Object> copy(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }

  public String file() {
    return file;
  }

  public String key(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  public ConfigException error(String name, String problem) {
    return new ConfigException(file, key(name), problem);
  }

  /** Refuses keys other than these. */
  public YamlSection allow(String... names) {
    Set<String> allowed = Set.of(names);
    for (String name : values.keySet()) {
      if (!allowed.contains(name)) {
        throw new ConfigException(
            file, key(name), "unknown key; expected one of " + List.of(names));
      }
    }
    return this;
  }

  public boolean has(String name) {
    return values.containsKey(name) && values.get(name) != null;
  }

  public Set<String> keys() {
    return values.keySet();
  }

  public String string(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw error(name, "is missing; expected a string");
    }
    if (value instanceof Map || value instanceof List) {
      throw error(name, "expected a string");
    }
    return String.valueOf(value);
  }

  public String string(String name, String otherwise) {
    return has(name) ? string(name) : otherwise;
  }

  public double number(String name) {
    Object value = values.get(name);
    if (value == null) {
      throw error(name, "is missing; expected a number");
    }
    if (!(value instanceof Number number)) {
      throw error(name, "expected a number, got '" + value + "'");
    }
    double d = number.doubleValue();
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw error(name, "expected a finite number, got '" + value + "'");
    }
    return d;
  }

  public double number(String name, double otherwise) {
    return has(name) ? number(name) : otherwise;
  }

  public long integer(String name, long otherwise) {
    if (!has(name)) {
      return otherwise;
    }
    Object value = values.get(name);
    if (!(value instanceof Integer || value instanceof Long)) {
      throw error(name, "expected a whole number, got '" + value + "'");
    }
    return ((Number) value).longValue();
  }

  public boolean bool(String name, boolean otherwise) {
    if (!has(name)) {
      return otherwise;
    }
    Object value = values.get(name);
    if (!(value instanceof Boolean b)) {
      throw error(name, "expected true or false, got '" + value + "'");
    }
    return b;
  }

  public List<String> strings(String name) {
    if (!has(name)) {
      return List.of();
    }
    Object value = values.get(name);
    List<Object> items = new ArrayList<>();
    if (value instanceof List<?> list) {
      items.addAll(list);
    } else if (!(value instanceof Map)) {
      items.add(value);
    } else {
      throw error(name, "expected a list of strings");
    }
    List<String> out = new ArrayList<>();
    for (Object item : items) {
      if (item == null || item instanceof Map || item instanceof List) {
        throw error(name, "expected a list of strings");
      }
      out.add(String.valueOf(item));
    }
    return out;
  }

  public YamlSection section(String name) {
    Object value = values.get(name);
    if (!(value instanceof Map<?, ?> map)) {
      throw error(name, value == null ? "is missing; expected a mapping" : "expected a mapping");
    }
    return new YamlSection(file, key(name), copy(map));
  }

  /** A list of mappings. */
  public List<YamlSection> sections(String name) {
    Object value = values.get(name);
    if (!(value instanceof List<?> list)) {
      throw error(name, value == null ? "is missing; expected a list" : "expected a list");
    }
    List<YamlSection> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> map)) {
        throw error(name + "[" + i + "]", "expected a mapping");
      }
      out.add(new YamlSection(file, key(name) + "[" + i + "]", copy(map)));
    }
    return out;
  }
}
