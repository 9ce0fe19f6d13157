package io.saima.testing;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension of every Spark test class: the class starts with an empty catalog in the shared
 * {@link SparkSession} (no database but {@code default}, no temporary view), so no name another
 * class registered leaks into it; and a test that asks for a {@link SparkSession} gets the shared
 * one. Tables are external (registered by path), so forgetting them deletes no file: a warehouse
 * another class built, such as the samples' night, is registered again by whoever reads it next.
 */
public final class SparkExtension implements BeforeAllCallback, ParameterResolver {

  @Override
  public void beforeAll(ExtensionContext context) {
    forgetTheCatalog(SharedSpark.session());
  }

  /** Drops every database but {@code default} and every temporary view of the session. */
  static void forgetTheCatalog(SparkSession spark) {
    for (Row database : spark.sql("SHOW DATABASES").collectAsList()) {
      String name = database.getAs("namespace");
      if (!name.equals("default")) {
        spark.sessionState().catalog().dropDatabase(name, true, true);
      }
    }
    for (Row table : spark.sql("SHOW TABLES IN default").collectAsList()) {
      if (table.<Boolean>getAs("isTemporary")) {
        spark.catalog().dropTempView(table.getAs("tableName"));
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return SharedSpark.session();
  }
}
