package io.saima.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the deliveries in the landing zone, {@code <landing>/<source>/<delivery>/<file>}, through
 * Hadoop's FileSystem, so the same code reads a local folder, HDFS or S3. Nothing in the landing
 * zone is modified.
 *
 * <p>Only names made of {@code [A-Za-z0-9._-]} and not starting with '.' are read: anything else (a
 * hidden file, a partial upload such as {@code .file.csv.part}, a name with spaces or Chinese
 * characters that a shell script or a URI would mangle) is reported and left alone. So are folders
 * that are not a source, folders inside a delivery, and delivery folders with no file yet.
 */
public final class LandingScanner {
  private static final Logger LOG = LoggerFactory.getLogger(LandingScanner.class);
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  private final Configuration hadoop;

  public LandingScanner(Configuration hadoop) {
    this.hadoop = hadoop;
  }

  /** What a scan found, and what it left alone and why. */
  public record Listing(List<Delivery> deliveries, List<String> skipped) {
    public Listing {
      deliveries = List.copyOf(deliveries);
      skipped = List.copyOf(skipped);
    }
  }

  /**
   * Every delivery folder of every source, sorted by source then delivery name, with its files
   * sorted by name, each with its size and SHA-256 (streamed). What is skipped is logged as a
   * warning.
   */
  public List<Delivery> scan(String landing) throws IOException {
    Listing listing = list(landing);
    for (String skipped : listing.skipped()) {
      LOG.warn("landing: {}", skipped);
    }
    return listing.deliveries();
  }

  /** Like {@link #scan} and also returns what was skipped. */
  public Listing list(String landing) throws IOException {
    Path root = new Path(landing);
    FileSystem fs = root.getFileSystem(hadoop);
    if (!fs.exists(root)) {
      throw new FileNotFoundException("the landing folder " + landing + " does not exist");
    }
    List<Delivery> deliveries = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (FileStatus sourceDir : sortedByName(fs.listStatus(root))) {
      String sourceName = sourceDir.getPath().getName();
      Source source = sourceOf(sourceName);
      if (source == null || !sourceDir.isDirectory()) {
        skipped.add(
            sourceDir.getPath()
                + ": not a source folder (expected one of "
                + String.join(", ", Arrays.stream(Source.values()).map(Source::id).toList())
                + ")");
        continue;
      }
      for (FileStatus deliveryDir : sortedByName(fs.listStatus(sourceDir.getPath()))) {
        String delivery = deliveryDir.getPath().getName();
        if (!deliveryDir.isDirectory()) {
          skipped.add(deliveryDir.getPath() + ": a file where a delivery folder was expected");
          continue;
        }
        if (!isSafe(delivery)) {
          skipped.add(deliveryDir.getPath() + ": " + unsafe("delivery folder"));
          continue;
        }
        List<DeliveryFile> files = new ArrayList<>();
        for (FileStatus file : sortedByName(fs.listStatus(deliveryDir.getPath()))) {
          String fileName = file.getPath().getName();
          if (file.isDirectory()) {
            skipped.add(file.getPath() + ": a folder inside a delivery folder is not read");
          } else if (!isSafe(fileName)) {
            skipped.add(file.getPath() + ": " + unsafe("file"));
          } else {
            files.add(
                new DeliveryFile(
                    source,
                    delivery,
                    file.getPath().toString(),
                    fileName,
                    file.getLen(),
                    sha256(fs, file.getPath())));
          }
        }
        if (files.isEmpty()) {
          skipped.add(deliveryDir.getPath() + ": the delivery folder has no file to read yet");
        } else {
          deliveries.add(new Delivery(source, delivery, files));
        }
      }
    }
    deliveries.sort(
        Comparator.comparing((Delivery d) -> d.source().id()).thenComparing(Delivery::delivery));
    return new Listing(deliveries, skipped);
  }

  /** The SHA-256 of a file's content, lower-case hex, read in a stream. */
  public static String sha256(FileSystem fs, Path path) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = fs.open(path)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  static boolean isSafe(String name) {
    return !name.startsWith(".") && SAFE_NAME.matcher(name).matches();
  }

  private static String unsafe(String what) {
    return "the "
        + what
        + " name is not read: names must be made of A-Z a-z 0-9 . _ - and not start with '.'";
  }

  private static Source sourceOf(String name) {
    for (Source source : Source.values()) {
      if (source.id().equals(name)) {
        return source;
      }
    }
    return null;
  }

  private static List<FileStatus> sortedByName(FileStatus[] statuses) {
    List<FileStatus> sorted = new ArrayList<>(Arrays.asList(statuses));
    sorted.sort(Comparator.comparing(status -> status.getPath().getName()));
    return sorted;
  }
}
