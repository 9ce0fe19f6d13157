package io.saima.ingest;

import java.io.IOException;
import java.util.Iterator;

/**
 * An iterator over a resource (an open file) that must be closed.
 *
 * <p>The records of a file are read as they are asked for, so a problem found late in the file
 * surfaces from {@link #hasNext()} or {@link #next()}: a file that turns out to be unreadable
 * (undecodable bytes, a quote never closed) as {@link UnreadableFileException.Unchecked}, a failing
 * read as {@link java.io.UncheckedIOException}.
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {
  @Override
  void close() throws IOException;
}
