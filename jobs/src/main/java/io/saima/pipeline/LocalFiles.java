package io.saima.pipeline;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsConstants;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.local.LocalConfigKeys;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system ({@code file:} paths) without a process per file. Without Hadoop's
 * native library, which no Maven artifact carries, {@link RawLocalFileSystem} sets the permission
 * of every file and folder it creates by running {@code chmod}, and FileContext, through which
 * Delta writes each commit, asks for every path's link status by running {@code readlink}. A night
 * on two months of the samples started about a thousand such processes, at 20 to 30 ms each on two
 * cores (profiled with JFR's process events): a fifth of the night. Here Java sets the permission
 * and reads the link status itself; everything else is Hadoop's own code.
 *
 * <p>Registered for {@code file:} by {@link SparkSessions#required}: this class as the {@code
 * FileSystem} of Spark and Delta's readers and writers, {@link Fs} for FileContext (Delta's log
 * store). Paths on HDFS, S3 or any other scheme are untouched.
 */
public final class LocalFiles extends LocalFileSystem {
  /** The Hadoop settings that put these classes in place of Hadoop's for {@code file:}. */
  static final Map<String, String> HADOOP_SETTINGS =
      Map.of(
          "spark.hadoop.fs.file.impl",
          LocalFiles.class.getName(),
          "spark.hadoop.fs.AbstractFileSystem.file.impl",
          Fs.class.getName());

  public LocalFiles() {
    super(new Raw());
  }

  /** {@link RawLocalFileSystem}, with permissions and link status through java.nio. */
  static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path path, FsPermission permission) throws IOException {
      try {
        Files.setPosixFilePermissions(pathToFile(path).toPath(), posix(permission));
      } catch (UnsupportedOperationException notPosix) {
        super.setPermission(path, permission);
      }
    }

    /**
     * A path that is not a symbolic link has the status {@link #getFileStatus} gives, which is what
     * Hadoop returns too, once {@code readlink} has said it is not a link; a link (which Saima
     * never makes) still goes to Hadoop.
     */
    @Override
    public FileStatus getFileLinkStatus(Path path) throws IOException {
      File file = pathToFile(path);
      if (Files.isSymbolicLink(file.toPath())) {
        return super.getFileLinkStatus(path);
      }
      return getFileStatus(path);
    }
  }

  /** FileContext's {@code file:} file system, as Hadoop's LocalFs, over {@link Raw}. */
  public static final class Fs extends ChecksumFs {
    public Fs(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(new RawFs(uri, conf));
    }

    public Fs(Configuration conf) throws IOException, URISyntaxException {
      this(FsConstants.LOCAL_FS_URI, conf);
    }
  }

  /** As Hadoop's RawLocalFs, over {@link Raw}. */
  static final class RawFs extends DelegateToFileSystem {
    RawFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(uri, new Raw(), conf, FsConstants.LOCAL_FS_URI.getScheme(), false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1; // no port for local fs
    }

    @Override
    @Deprecated
    public FsServerDefaults getServerDefaults() throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public FsServerDefaults getServerDefaults(Path path) throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public boolean isValidName(String src) {
      return true; // any local path is valid
    }
  }

  static Set<PosixFilePermission> posix(FsPermission permission) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    add(out, permission.getUserAction(), PosixFilePermission.OWNER_READ);
    add(out, permission.getGroupAction(), PosixFilePermission.GROUP_READ);
    add(out, permission.getOtherAction(), PosixFilePermission.OTHERS_READ);
    return out;
  }

  /** READ, WRITE and EXECUTE of one class (owner, group, others), which follow in that order. */
  private static void add(Set<PosixFilePermission> out, FsAction action, PosixFilePermission read) {
    PosixFilePermission[] all = PosixFilePermission.values();
    if (action.implies(FsAction.READ)) {
      out.add(read);
    }
    if (action.implies(FsAction.WRITE)) {
      out.add(all[read.ordinal() + 1]);
    }
    if (action.implies(FsAction.EXECUTE)) {
      out.add(all[read.ordinal() + 2]);
    }
  }
}
