package dev.strata.agent.domain.attachment;

import dev.strata.agent.domain.shared.Page;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** Attachment rows; several rows may share one stored content (same sha256). */
public interface Attachments {

  /** Fails with a conflict when the owner vanished meanwhile. */
  CompletionStage<Attachment> add(Attachment attachment);

  CompletionStage<Optional<Attachment>> get(UUID id);

  /** The owner's attachments, oldest first. */
  CompletionStage<Page<Attachment>> of(AttachmentOwner owner, int offset, int limit);

  /** True when a row was removed. */
  CompletionStage<Boolean> remove(UUID id);

  /** Rows that still reference this content. */
  CompletionStage<Long> countWithContent(String sha256);

  /**
   * Serialises, until the current transaction ends, everyone who adds or removes rows of this
   * content, so "last reference removed → delete the blob" cannot race with a new upload of it.
   */
  CompletionStage<Void> lockContent(String sha256);
}
