package dev.strata.agent.domain.attachment;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Content-addressed blob storage (a local folder now; an S3-compatible bucket later). Content is
 * known by its SHA-256 alone, so a client's file name never becomes a path or key. Its I/O blocks, so
 * every stage completes off the event loop, back on the caller's context; I/O failures fail it with
 * {@link java.io.UncheckedIOException}.
 */
public interface FileStore {

  /**
   * Reads {@code content} to its end into a staging copy while hashing it. More than
   * {@code maxBytes} → {@link ContentTooLarge}, with the staging copy already removed.
   */
  CompletionStage<StoredContent> stage(InputStream content, long maxBytes);

  /** Makes the staged copy the blob of its hash; when that blob already exists the copy is dropped (de-duplication). */
  CompletionStage<Void> keep(StoredContent staged);

  /** Removes a staged copy that will not be kept; no-op once kept or discarded. */
  CompletionStage<Void> discard(StoredContent staged);

  /** The blob's bytes; {@code dev.strata.kernel.error.DomainException.NotFound} when it is gone. */
  CompletionStage<InputStream> open(String sha256);

  /** Removes the blob; no-op when absent. */
  CompletionStage<Void> delete(String sha256);

  CompletionStage<Boolean> exists(String sha256);

  /** The digest of every stored blob (for the sweep of blobs no row references any more). */
  CompletionStage<List<String>> digests();
}
