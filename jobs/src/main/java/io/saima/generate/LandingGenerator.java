package io.saima.generate;

/** Writes synthetic landing data. (Being written: see issue "Foundation", item 7.) */
public final class LandingGenerator {
  private final GeneratorSpec spec;

  public LandingGenerator(GeneratorSpec spec) {
    this.spec = spec;
  }

  public Summary run() {
    throw new UnsupportedOperationException("generator not written yet for " + spec.out());
  }

  /** What was written. */
  public record Summary(long files, long lines) {
    public String describe() {
      return files + " files, " + lines + " lines";
    }
  }
}
