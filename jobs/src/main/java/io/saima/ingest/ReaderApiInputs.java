package io.saima.ingest;

import io.saima.catalog.Source;
import io.saima.config.SaimaConfig;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;

/** The ingest stage's inputs, read by this package's scanner, readers and validator. */
public final class ReaderApiInputs implements IngestInputs {
  private final SaimaConfig config;

  public ReaderApiInputs(SaimaConfig config) {
    this.config = config;
  }

  @Override
  public LandingScanner.Listing scan(
      String landing, Configuration hadoop, Instant now, LandingScanner.KnownHashes known)
      throws IOException {
    return new LandingScanner(hadoop, LandingRules.of(config)).list(landing, now, known);
  }

  @Override
  public ReferenceSnapshot reference(String referenceDir, Configuration hadoop)
      throws ReferenceFilesException {
    try {
      ReferenceData data = ReferenceData.load(referenceDir, hadoop);
      return new ReferenceSnapshot(
          data.regions(), data.units(), data.fxRates(), data.targets(), data.lookup());
    } catch (ReferenceDataException e) {
      throw new ReferenceFilesException(e.getMessage(), e);
    }
  }

  @Override
  public FileRecords records(Source source) {
    ReaderSettings settings = ReaderSettings.of(config, source);
    // Built from static methods only: the function is shipped to executors without this object.
    return (in, fileName) -> open(in, fileName, source, settings);
  }

  private static CloseableIterator<RawRecord> open(
      InputStream in, String fileName, Source source, ReaderSettings settings)
      throws FileRefusedException, IOException {
    try {
      return DeliveryFileReader.open(in, fileName, source, settings);
    } catch (UnreadableFileException e) {
      throw new FileRefusedException(e.getMessage(), e);
    }
  }
}
