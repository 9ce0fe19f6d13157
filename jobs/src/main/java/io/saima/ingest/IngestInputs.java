package io.saima.ingest;

import io.saima.catalog.QuarantineReason;
import io.saima.catalog.Source;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;

/**
 * What the ingest stage needs from the landing folder, the reference files and the file readers.
 * The stage itself only moves rows between Spark and Delta; listing the landing folder, reading a
 * CSV or XLSX file into its records and loading the reference files happen behind this interface
 * ({@code ReaderApiInputs} binds it to {@code LandingScanner}, {@code DeliveryFileReader} and
 * {@code ReferenceData}). Judging the records is not the readers' work: it happens on bronze rows
 * ({@link IngestStage#check}). Tests use that same binding, so they exercise the readers users run.
 */
public interface IngestInputs {

  /**
   * The landing folder as of {@code now}: the deliveries ready to read (sorted by source and then
   * by delivery name), those still arriving, those refused as they are, and strays.
   */
  LandingScanner.Listing scan(
      String landing, Configuration hadoop, Instant now, LandingScanner.KnownHashes known)
      throws IOException;

  /**
   * Loads and validates the reference files.
   *
   * @throws ReferenceFilesException naming the file and the problem
   */
  ReferenceSnapshot reference(String referenceDir, Configuration hadoop)
      throws ReferenceFilesException;

  /** The reader of one source's files; it is shipped to the executors. */
  FileRecords records(Source source);

  /** One delivery folder: {@code <landing>/<source>/<delivery>/}. */
  record LandedDelivery(Source source, String delivery, List<LandedFile> files)
      implements Serializable {}

  /**
   * One delivered file, with what identifies its content.
   *
   * @param path the file's fully qualified path as listed (a URI such as {@code file:/…}, {@code
   *     hdfs://…} or {@code s3a://…}), which an executor opens through Hadoop's FileSystem
   * @param fileName the file's name within its delivery folder, in Unicode NFC
   * @param bytes its size
   * @param modified its modification time as listed, in epoch milliseconds (0 when unknown)
   * @param sha256 the SHA-256 of its content, lower-case hex; null for a file of a refused delivery
   */
  record LandedFile(String path, String fileName, long bytes, long modified, String sha256)
      implements Serializable {}

  /**
   * The reference tables as rows aligned to their silver contracts, and the lookup the validator
   * needs on the executors.
   */
  record ReferenceSnapshot(
      List<Object[]> regions,
      List<Object[]> units,
      List<Object[]> fxRates,
      List<Object[]> targets,
      Serializable lookup) {}

  /**
   * Reads the records of one file, on an executor: decoded, split and aligned to the source's
   * columns, with nothing said about their values (that is conform's work, on bronze).
   */
  @FunctionalInterface
  interface FileRecords extends Serializable {
    /**
     * @throws FileRefusedException when the file cannot be read at all (its delivery is refused)
     */
    CloseableIterator<RawRecord> open(InputStream in, String fileName)
        throws FileRefusedException, IOException;
  }

  /**
   * One data line of a file after validation.
   *
   * @param line the line number in the file (the header is line 1 of a CSV)
   * @param values the delivered fields as text, aligned to {@link Source#columns()}
   * @param accepted the typed business columns of the silver table, or null when rejected
   * @param unknownTown the town code was not in units.csv and was left empty
   * @param reason the reason code when rejected, else null
   */
  record CheckedRecord(
      long line,
      String rawLine,
      String[] values,
      Object[] accepted,
      boolean unknownTown,
      String reason,
      String detail)
      implements Serializable {

    public static CheckedRecord accepted(
        long line, String rawLine, String[] values, Object[] typed, boolean unknownTown) {
      return new CheckedRecord(line, rawLine, values, typed, unknownTown, null, null);
    }

    public static CheckedRecord rejected(
        long line, String rawLine, String[] values, QuarantineReason reason, String detail) {
      return new CheckedRecord(line, rawLine, values, null, false, reason.code(), detail);
    }
  }

  /** A file that cannot be read at all: not CSV/XLSX, undecodable, required columns missing. */
  final class FileRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public FileRefusedException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A reference file is missing or wrong; the run stops before writing anything. */
  final class ReferenceFilesException extends Exception {
    private static final long serialVersionUID = 1L;

    public ReferenceFilesException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
