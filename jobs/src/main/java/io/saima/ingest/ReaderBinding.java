package io.saima.ingest;

import io.saima.config.SaimaConfig;
import java.lang.reflect.InvocationTargetException;

/**
 * The {@link IngestInputs} of a run: {@link ReaderApiInputs} (the file readers and validator of
 * this package), unless the system property {@code saima.ingest.inputs} names another class with a
 * public constructor taking the {@link SaimaConfig} — how the command tests feed hand-made records
 * through the real commands.
 */
public final class ReaderBinding {
  public static final String PROPERTY = "saima.ingest.inputs";
  public static final String DEFAULT = "io.saima.ingest.ReaderApiInputs";

  private ReaderBinding() {}

  public static IngestInputs forConfig(SaimaConfig config) {
    String name = System.getProperty(PROPERTY);
    if (name == null || DEFAULT.equals(name)) {
      return new ReaderApiInputs(config);
    }
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
