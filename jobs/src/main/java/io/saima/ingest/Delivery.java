package io.saima.ingest;

import java.io.Serializable;
import java.util.List;

/**
 * One delivery folder, {@code <landing>/<source>/<delivery>/}: all its files are one delivery,
 * applied at once. Files are sorted by name.
 */
public record Delivery(Source source, String delivery, List<DeliveryFile> files)
    implements Serializable {
  public Delivery {
    files = List.copyOf(files);
  }
}
