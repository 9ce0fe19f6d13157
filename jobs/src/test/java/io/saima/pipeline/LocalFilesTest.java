package io.saima.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.FileNotFoundException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link LocalFiles} is Hadoop's local file system with permissions and link status read and set by
 * Java: the same files, modes and statuses as Hadoop's, through both of Hadoop's APIs, as the
 * session's settings select it.
 */
class LocalFilesTest {

  /** The Hadoop configuration the session's settings make, without starting Spark. */
  private static Configuration sessionHadoopConf() {
    Configuration conf = new Configuration();
    SparkSessions.required().entrySet().stream()
        .filter(e -> e.getKey().startsWith("spark.hadoop."))
        .forEach(e -> conf.set(e.getKey().substring("spark.hadoop.".length()), e.getValue()));
    conf.set("fs.permissions.umask-mode", "022");
    return conf;
  }

  @Test
  void theSessionsFileSystemCreatesFilesAndFoldersWithHadoopsModes(@TempDir java.nio.file.Path dir)
      throws Exception {
    try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), sessionHadoopConf())) {
      assertInstanceOf(LocalFiles.class, fs);
      Path file = new Path(dir.toUri().toString(), "a/b/part-0.parquet");
      try (FSDataOutputStream out = fs.create(file, true)) {
        out.write("rows".getBytes(StandardCharsets.UTF_8));
      }
      // Hadoop's defaults less the umask 022: rw-r--r-- for files, rwxr-xr-x for folders.
      assertEquals(
          "rw-r--r--",
          PosixFilePermissions.toString(
              Files.getPosixFilePermissions(dir.resolve("a/b/part-0.parquet"))));
      assertEquals(
          "rwxr-xr-x",
          PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));
      fs.setPermission(file, new FsPermission((short) 0640));
      assertEquals(
          "rw-r-----",
          PosixFilePermissions.toString(
              Files.getPosixFilePermissions(dir.resolve("a/b/part-0.parquet"))));
      assertEquals(4, fs.getFileStatus(file).getLen());
    }
  }

  @Test
  void linkStatusIsWhatHadoopsOwnFileSystemSays(@TempDir java.nio.file.Path dir) throws Exception {
    Files.writeString(dir.resolve("real.json"), "{}", StandardCharsets.UTF_8);
    Files.createSymbolicLink(dir.resolve("link.json"), dir.resolve("real.json"));
    try (FileSystem ours = FileSystem.newInstance(URI.create("file:///"), sessionHadoopConf());
        FileSystem hadoops = FileSystem.newInstance(URI.create("file:///"), new Configuration())) {
      assertFalse(hadoops instanceof LocalFiles);
      for (String name : List.of("real.json", "link.json", "")) {
        Path path = new Path(dir.resolve(name).toUri());
        FileStatus mine = ours.getFileLinkStatus(path);
        FileStatus theirs = hadoops.getFileLinkStatus(path);
        assertEquals(theirs.isSymlink(), mine.isSymlink(), name);
        assertEquals(theirs.isDirectory(), mine.isDirectory(), name);
        assertEquals(theirs.getLen(), mine.getLen(), name);
        assertEquals(theirs.getModificationTime(), mine.getModificationTime(), name);
      }
      assertEquals(2, ours.getFileLinkStatus(new Path(dir.resolve("real.json").toUri())).getLen());
      Path missing = new Path(dir.resolve("missing.json").toUri());
      assertThrows(FileNotFoundException.class, () -> hadoops.getFileLinkStatus(missing));
      assertThrows(FileNotFoundException.class, () -> ours.getFileLinkStatus(missing));
    }
  }

  /** What Delta's log store does with each commit: a temporary file, then a rename. */
  @Test
  void fileContextWritesACommitAsDeltasLogStoreDoes(@TempDir java.nio.file.Path dir)
      throws Exception {
    FileContext fc = FileContext.getFileContext(URI.create("file:///"), sessionHadoopConf());
    assertInstanceOf(LocalFiles.Fs.class, fc.getDefaultFileSystem());
    Path log = new Path(dir.toUri().toString(), "_delta_log");
    Path temp = new Path(log, ".00000000000000000000.json.tmp");
    Path commit = new Path(log, "00000000000000000000.json");
    try (FSDataOutputStream out =
        fc.create(temp, EnumSet.of(CreateFlag.CREATE), Options.CreateOpts.createParent())) {
      out.write("{\"commitInfo\":{}}\n".getBytes(StandardCharsets.UTF_8));
    }
    fc.rename(temp, commit, Options.Rename.NONE);
    assertEquals(
        "{\"commitInfo\":{}}\n",
        Files.readString(
            dir.resolve("_delta_log/00000000000000000000.json"), StandardCharsets.UTF_8));
    // A second writer of the same version finds it taken, as Delta's conflict detection needs.
    try (FSDataOutputStream out =
        fc.create(temp, EnumSet.of(CreateFlag.CREATE), Options.CreateOpts.createParent())) {
      out.write('x');
    }
    assertThrows(
        org.apache.hadoop.fs.FileAlreadyExistsException.class,
        () -> fc.rename(temp, commit, Options.Rename.NONE));
  }
}
