package io.saima.ingest;

import java.io.Serializable;

/**
 * One file of a delivery as found in the landing zone.
 *
 * @param path the file's fully qualified path (a URI such as {@code file:/…}, {@code hdfs://…} or
 *     {@code s3a://…}), which an executor opens through Hadoop's FileSystem
 * @param fileName the file's name within its delivery folder
 * @param bytes its size
 * @param sha256 the SHA-256 of its content, lower-case hex; a changed file of an ingested delivery
 *     is recognised by it
 */
public record DeliveryFile(
    Source source, String delivery, String path, String fileName, long bytes, String sha256)
    implements Serializable {}
