package io.saima.catalog;

/**
 * A table's name: {@code <database>.<table>}, stored under {@code <warehouse>/<database>/<table>}.
 */
public record TableId(String database, String name) {

  public TableId {
    if (!database.matches("[a-z][a-z0-9_]*") || !name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException(
          "table names are lower-case identifiers: " + database + "." + name);
    }
  }

  public static TableId of(String database, String name) {
    return new TableId(database, name);
  }

  /** The name in the SQL catalog. */
  public String qualified() {
    return database + "." + name;
  }

  /** The table's folder under a warehouse root (a local path or a URI). */
  public String path(String warehouse) {
    String root =
        warehouse.endsWith("/") ? warehouse.substring(0, warehouse.length() - 1) : warehouse;
    return root + "/" + database + "/" + name;
  }

  @Override
  public String toString() {
    return qualified();
  }
}
