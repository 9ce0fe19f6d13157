package io.saima.ingest;

import io.saima.config.SaimaConfig;
import java.lang.reflect.InvocationTargetException;

/**
 * Finds the {@link IngestInputs} of this build: {@code io.saima.ingest.ReaderApiInputs} (the file
 * readers and validator of this package), or another class named by the system property {@code
 * saima.ingest.inputs}, with a public constructor taking the {@link SaimaConfig}.
 */
public final class ReaderBinding {
  public static final String PROPERTY = "saima.ingest.inputs";
  public static final String DEFAULT = "io.saima.ingest.ReaderApiInputs";

  private ReaderBinding() {}

  public static IngestInputs forConfig(SaimaConfig config) {
    String name = System.getProperty(PROPERTY, DEFAULT);
    try {
      Class<?> type = Class.forName(name);
      return (IngestInputs) type.getConstructor(SaimaConfig.class).newInstance(config);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "this build has no file readers: class " + name + " is not on the classpath", e);
    } catch (NoSuchMethodException
        | InstantiationException
        | IllegalAccessException
        | ClassCastException e) {
      throw new IllegalStateException(
          name + " is not an IngestInputs with a public (SaimaConfig) constructor", e);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(name + ": " + cause.getMessage(), cause);
    }
  }
}
