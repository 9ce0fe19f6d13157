package io.saima.ingest;

import io.saima.catalog.Source;
import io.saima.ingest.IngestInputs.LandedDelivery;
import io.saima.ingest.IngestInputs.LandedFile;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the deliveries in the landing zone, {@code <landing>/<source>/<delivery>/<file>}, through
 * Hadoop's FileSystem, so the same code reads a local folder, HDFS or S3. Nothing in the landing
 * zone is modified.
 *
 * <p>Every file is read whatever it is called (DESIGN.md, "Landing zone"): Unicode letters, spaces,
 * full-width brackets, NFC or NFD. Names are compared and recorded in NFC, and each file is opened
 * by the path the listing returned, never by a path joined from text. Only the {@link LandingRules}
 * set files apart: plainly-not-data files are skipped (logged at INFO); a copy still in progress
 * holds its whole delivery back. Anything else that cannot be read — a folder inside a delivery, a
 * symbolic link leading out of the landing folder, a name the JVM cannot decode — refuses its whole
 * delivery, loudly, and the delivery is tried again the next night. Entries that belong to no
 * delivery (a file beside the delivery folders, a folder that is not a source) are reported as
 * strays. Nothing is skipped in silence.
 *
 * <p>One class, though long: the listing is one pass in which every entry of the landing folder
 * gets exactly one fate (a file of a delivery, skipped, held back, refused or stray); keeping the
 * pass whole is what shows that nothing escapes it. The rules that decide are in LandingRules.
 */
public final class LandingScanner {
  private static final Logger LOG = LoggerFactory.getLogger(LandingScanner.class);

  private final Configuration hadoop;
  private final LandingRules rules;

  public LandingScanner(Configuration hadoop, LandingRules rules) {
    this.hadoop = hadoop;
    this.rules = rules;
  }

  /**
   * The SHA-256 recorded for a file of an ingested delivery, when the file is listed with the same
   * size and modification time as when it was read: a night hashes only the files that are new or
   * whose size or time changed, not every file ingested in earlier years.
   */
  @FunctionalInterface
  public interface KnownHashes {
    Optional<String> of(Source source, String delivery, LandedFile file);

    KnownHashes NONE = (source, delivery, file) -> Optional.empty();
  }

  /** A delivery that is still arriving: it waits for a later night. */
  public record Waiting(Source source, String delivery, String reason) {}

  /**
   * A delivery that cannot be read as it is: refused whole, recorded with its files, tried again.
   */
  public record Refused(Source source, String delivery, List<LandedFile> files, String reason) {
    public Refused {
      files = List.copyOf(files);
    }
  }

  /**
   * What a scan found: deliveries ready to read (sorted by source, then delivery name, their files
   * by name), deliveries waiting, deliveries refused, files skipped by rule, and strays.
   */
  public record Listing(
      List<LandedDelivery> ready,
      List<Waiting> waiting,
      List<Refused> refused,
      List<String> skipped,
      List<String> strays) {
    public Listing {
      ready = List.copyOf(ready);
      waiting = List.copyOf(waiting);
      refused = List.copyOf(refused);
      skipped = List.copyOf(skipped);
      strays = List.copyOf(strays);
    }
  }

  /**
   * Lists the landing folder as of {@code now} (which decides whether a waiting delivery has waited
   * too long). Skipped files are logged at INFO, waiting deliveries at WARN, refusals and strays at
   * ERROR.
   */
  public Listing list(String landing, Instant now) throws IOException {
    return list(landing, now, KnownHashes.NONE);
  }

  /** Lists the landing folder, taking the hashes of unchanged files from {@code known}. */
  public Listing list(String landing, Instant now, KnownHashes known) throws IOException {
    Path root = new Path(landing);
    FileSystem fs = raw(root.getFileSystem(hadoop));
    if (!fs.exists(root)) {
      throw new FileNotFoundException("the landing folder " + landing + " does not exist");
    }
    Scan scan = new Scan(fs, realRoot(fs, root), now, known);
    for (Entry sourceDir : scan.entries(fs.listStatus(root))) {
      if (scan.skipped(sourceDir)) {
        continue;
      }
      Optional<Source> source = Source.byId(sourceDir.name());
      if (source.isEmpty() || !sourceDir.status().isDirectory()) {
        scan.stray(
            sourceDir,
            "not a source folder (expected one of "
                + String.join(", ", Arrays.stream(Source.values()).map(Source::id).toList())
                + ")");
        continue;
      }
      for (Entry deliveryDir : scan.entries(fs.listStatus(sourceDir.path()))) {
        if (scan.skipped(deliveryDir)) {
          continue;
        }
        if (!deliveryDir.status().isDirectory()) {
          scan.stray(
              deliveryDir, "a file beside the delivery folders; it belongs in a delivery folder");
          continue;
        }
        scan.delivery(source.get(), deliveryDir);
      }
    }
    Comparator<LandedDelivery> order =
        Comparator.comparing((LandedDelivery d) -> d.source().id())
            .thenComparing(LandedDelivery::delivery);
    scan.ready.sort(order);
    for (String skipped : scan.skipped) {
      LOG.info("landing: skipped {}", skipped);
    }
    for (Waiting waiting : scan.waiting) {
      LOG.warn(
          "landing: {}/{} waits for a later night: {}",
          waiting.source().id(),
          waiting.delivery(),
          waiting.reason());
    }
    for (Refused refused : scan.refused) {
      LOG.error(
          "landing: {}/{} refused: {}",
          refused.source().id(),
          refused.delivery(),
          refused.reason());
    }
    for (String stray : scan.strays) {
      LOG.error("landing: {}", stray);
    }
    return new Listing(scan.ready, scan.waiting, scan.refused, scan.skipped, scan.strays);
  }

  /** One listed entry, with its name in NFC. */
  private record Entry(String name, FileStatus status) {
    Path path() {
      return status.getPath();
    }
  }

  /** The state of one listing. */
  private final class Scan {
    private final FileSystem fs;
    private final java.nio.file.Path realRoot;
    private final Instant now;
    private final KnownHashes known;
    final List<LandedDelivery> ready = new ArrayList<>();
    final List<Waiting> waiting = new ArrayList<>();
    final List<Refused> refused = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();
    final List<String> strays = new ArrayList<>();

    Scan(FileSystem fs, java.nio.file.Path realRoot, Instant now, KnownHashes known) {
      this.known = known;
      this.fs = fs;
      this.realRoot = realRoot;
      this.now = now;
    }

    List<Entry> entries(FileStatus[] statuses) {
      List<Entry> out = new ArrayList<>();
      for (FileStatus status : statuses) {
        out.add(new Entry(nfc(status.getPath().getName()), status));
      }
      out.sort(Comparator.comparing(Entry::name));
      return out;
    }

    boolean skipped(Entry entry) {
      Optional<String> pattern = rules.skipPattern(entry.name());
      pattern.ifPresent(
          glob -> skipped.add(entry.path() + " (plainly not data: matches '" + glob + "')"));
      return pattern.isPresent();
    }

    void stray(Entry entry, String why) {
      strays.add(entry.path() + ": " + why + "; it is not read");
    }

    void delivery(Source source, Entry folder) {
      String delivery = folder.name();
      Optional<String> escape = escapes(folder.path());
      if (escape.isPresent()) {
        refuse(source, delivery, List.of(), "the delivery folder is " + escape.get());
        return;
      }
      FileStatus[] statuses;
      try {
        statuses = fs.listStatus(folder.path());
      } catch (IOException | IllegalArgumentException e) {
        refuse(source, delivery, List.of(), "the delivery folder cannot be listed: " + e);
        return;
      }
      List<String> unlisted = unlisted(folder.path(), statuses);
      long newest = folder.status().getModificationTime();
      List<LandedFile> listed = new ArrayList<>();
      List<LandedFile> files = new ArrayList<>();
      List<FileStatus> readable = new ArrayList<>();
      List<String> inProgress = new ArrayList<>();
      List<String> problems = new ArrayList<>();
      Map<String, Integer> names = new LinkedHashMap<>();
      for (Entry entry : entries(statuses)) {
        if (skipped(entry)) {
          continue;
        }
        newest = Math.max(newest, entry.status().getModificationTime());
        names.merge(entry.name(), 1, Integer::sum);
        listed.add(
            new LandedFile(
                entry.path().toString(),
                entry.name(),
                entry.status().isDirectory() ? 0 : entry.status().getLen(),
                entry.status().getModificationTime(),
                null));
        Optional<String> partial = rules.inProgressPattern(entry.name());
        if (partial.isPresent()) {
          inProgress.add(entry.name());
          continue;
        }
        Optional<String> entryEscape = escapes(entry.path());
        if (entryEscape.isPresent()) {
          problems.add(entry.name() + " is " + entryEscape.get());
        } else if (entry.status().isDirectory()) {
          problems.add(entry.name() + " is a folder; a delivery folder holds files only");
        } else {
          files.add(
              new LandedFile(
                  entry.path().toString(),
                  entry.name(),
                  entry.status().getLen(),
                  entry.status().getModificationTime(),
                  null));
          readable.add(entry.status());
        }
      }
      for (String name : unlisted) {
        if (rules.skipPattern(name).isEmpty()) {
          listed.add(new LandedFile("", name, 0, 0, null));
          problems.add(name + " is in the folder but cannot be read (" + why(folder, name) + ")");
        }
      }
      names.forEach(
          (name, count) -> {
            if (count > 1) {
              problems.add(
                  count
                      + " files are named "
                      + name
                      + " once their names are normalised (Unicode NFC); rename one of them");
            }
          });
      if (!problems.isEmpty()) {
        refuse(source, delivery, listed, String.join("; ", problems));
        return;
      }
      if (!inProgress.isEmpty() || files.isEmpty()) {
        String what =
            files.isEmpty() && inProgress.isEmpty()
                ? "the delivery folder is empty"
                : "a copy is still in progress (" + String.join(", ", inProgress) + ")";
        Duration age = Duration.between(Instant.ofEpochMilli(newest), now);
        if (age.toDays() >= rules.waitingDays() && age.compareTo(Duration.ZERO) > 0) {
          refuse(
              source,
              delivery,
              listed,
              what
                  + " and nothing in it has changed for "
                  + age.toDays()
                  + " days (ingest.landing_files.waiting_days: "
                  + rules.waitingDays()
                  + "); finish or remove the copy");
        } else {
          waiting.add(new Waiting(source, delivery, what));
        }
        return;
      }
      List<LandedFile> hashed = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        LandedFile file = files.get(i);
        try {
          Optional<String> sha = known.of(source, delivery, file);
          hashed.add(
              new LandedFile(
                  file.path(),
                  file.fileName(),
                  file.bytes(),
                  file.modified(),
                  sha.isPresent() ? sha.get() : sha256(fs, readable.get(i).getPath())));
        } catch (IOException e) {
          refuse(source, delivery, listed, file.fileName() + " cannot be opened: " + e + hint());
          return;
        }
      }
      ready.add(new LandedDelivery(source, delivery, hashed));
    }

    /**
     * Entries of a local folder that Hadoop's listing left out: it drops what it cannot stat, such
     * as a broken symbolic link, without a word. Names in NFC.
     */
    private List<String> unlisted(Path folder, FileStatus[] statuses) {
      if (realRoot == null) {
        return List.of();
      }
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (FileStatus status : statuses) {
        seen.add(nfc(status.getPath().getName()));
      }
      List<String> out = new ArrayList<>();
      try (var entries = Files.list(Paths.get(folder.toUri().getPath()))) {
        entries
            .map(entry -> nfc(entry.getFileName().toString()))
            .filter(name -> !seen.contains(name))
            .sorted()
            .forEach(out::add);
      } catch (IOException e) {
        out.add("(the folder itself: " + e + ")");
      }
      return out;
    }

    private String why(Entry folder, String name) {
      java.nio.file.Path local = Paths.get(folder.path().toUri().getPath()).resolve(name);
      if (Files.isSymbolicLink(local) && !Files.exists(local)) {
        return "a broken symbolic link";
      }
      return "it cannot be opened" + hint();
    }

    private void refuse(Source source, String delivery, List<LandedFile> files, String reason) {
      refused.add(new Refused(source, delivery, files, reason));
    }

    /**
     * Why a path leads out of the landing folder, if it does: a symbolic link to a place outside
     * it, or a broken one. Only local folders have links that Hadoop follows silently.
     */
    private Optional<String> escapes(Path path) {
      if (realRoot == null) {
        return Optional.empty();
      }
      java.nio.file.Path local = Paths.get(path.toUri().getPath());
      try {
        java.nio.file.Path real = local.toRealPath();
        if (!real.startsWith(realRoot)) {
          return Optional.of(
              "a symbolic link to " + real + ", outside the landing folder " + realRoot);
        }
        return Optional.empty();
      } catch (NoSuchFileException e) {
        if (Files.isSymbolicLink(local)) {
          return Optional.of("a broken symbolic link");
        }
        return Optional.of("listed but cannot be found under its name" + hint());
      } catch (IOException e) {
        return Optional.of("not resolvable (" + e + ")");
      }
    }
  }

  /** What to do when the JVM cannot decode file names, which is how a C locale shows itself. */
  private static String hint() {
    String jnu = System.getProperty("sun.jnu.encoding", "");
    boolean unicode;
    try {
      unicode = Charset.forName(jnu).equals(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      unicode = false;
    }
    return unicode
        ? ""
        : " (this JVM decodes file names as "
            + jnu
            + ", not UTF-8: run it under a UTF-8 locale, e.g. LC_ALL=C.UTF-8, as jobs/bin/saima"
            + " does)";
  }

  /** The real path of a local landing folder, to tell links that lead out of it; else null. */
  private static java.nio.file.Path realRoot(FileSystem fs, Path root) throws IOException {
    if (!"file".equals(fs.getUri().getScheme())) {
      return null;
    }
    return Paths.get(fs.makeQualified(root).toUri().getPath()).toRealPath();
  }

  static String nfc(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFC);
  }

  /**
   * Opens a landed file. A local file is read through the raw local file system: the checksummed
   * one looks for a {@code .<name>.crc} beside it, a path Hadoop cannot build for a name with a
   * colon in it, and landing files have no such checksums anyway.
   */
  public static InputStream open(Path path, Configuration hadoop) throws IOException {
    return raw(path.getFileSystem(hadoop)).open(path);
  }

  private static FileSystem raw(FileSystem fs) {
    return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
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
    try (InputStream in = raw(fs).open(path)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
