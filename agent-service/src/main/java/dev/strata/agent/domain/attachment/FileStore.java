package dev.strata.agent.domain.attachment;

import java.io.InputStream;
import java.util.List;

/**
 * Content-addressed blob storage (a local folder now; an S3-compatible bucket later). Content is
 * known by its SHA-256 alone, so a client's file name never becomes a path or key. Blocking: the
 * application calls it through {@code BlockingWork}. I/O failures are {@link java.io.UncheckedIOException}s.
 */
public interface FileStore {

  /**
   * Reads {@code content} to its end into a staging copy while hashing it. More than
   * {@code maxBytes} → {@link ContentTooLarge}, with the staging copy already removed.
   */
  StoredContent stage(InputStream content, long maxBytes);

  /** Makes the staged copy the blob of its hash; when that blob already exists the copy is dropped (de-duplication). */
  void keep(StoredContent staged);

  /** Removes a staged copy that will not be kept; no-op once kept or discarded. */
  void discard(StoredContent staged);

  /** The blob's bytes; {@code dev.strata.kernel.error.DomainException.NotFound} when it is gone. */
  InputStream open(String sha256);

  /** Removes the blob; no-op when absent. */
  void delete(String sha256);

  boolean exists(String sha256);

  /** The digest of every stored blob (for the sweep of blobs no row references any more). */
  List<String> digests();
}
