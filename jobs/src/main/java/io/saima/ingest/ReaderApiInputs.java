package io.saima.ingest;

import io.saima.config.SaimaConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
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
    return (in, fileName, lookup) -> open(in, fileName, source, settings, lookup);
  }

  private static RecordStream open(
      InputStream in, String fileName, Source source, ReaderSettings settings, Serializable lookup)
      throws FileRefusedException, IOException {
    RecordValidator validator = new RecordValidator(source, (ReferenceLookup) lookup);
    try {
      return new Checked(DeliveryFileReader.open(in, fileName, source, settings), validator);
    } catch (UnreadableFileException e) {
      throw new FileRefusedException(e.getMessage(), e);
    }
  }

  /** Each raw line through the validator. */
  private static final class Checked implements RecordStream {
    private final CloseableIterator<RawRecord> raw;
    private final RecordValidator validator;

    Checked(CloseableIterator<RawRecord> raw, RecordValidator validator) {
      this.raw = raw;
      this.validator = validator;
    }

    @Override
    public boolean hasNext() {
      return raw.hasNext();
    }

    @Override
    public CheckedRecord next() {
      RawRecord record = raw.next();
      Validated verdict = validator.validate(record);
      if (verdict instanceof Validated.Accepted accepted) {
        return CheckedRecord.accepted(
            record.line(),
            record.rawLine(),
            record.values(),
            accepted.values(),
            accepted.unknownTown());
      }
      Validated.Rejected rejected = (Validated.Rejected) verdict;
      return CheckedRecord.rejected(
          record.line(), record.rawLine(), record.values(), rejected.reason(), rejected.detail());
    }

    @Override
    public void close() throws IOException {
      raw.close();
    }
  }
}
