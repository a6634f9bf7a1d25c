package dev.strata.agent.domain.attachment;

import dev.strata.kernel.error.DomainException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A file attached to a session or an execution. Invariants: exactly one owner; a {@link FileName}
 * that is metadata only (the bytes live under their {@code sha256}, never under this name); the
 * content type as accepted by {@link ContentTypes}; a non-negative size and a lower-case hex SHA-256.
 */
public record Attachment(
    UUID id, AttachmentOwner owner, String fileName, String contentType, long sizeBytes, String sha256, Instant createdAt) {

  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public Attachment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(createdAt, "createdAt");
    FileName.require(fileName);
    if (contentType == null || contentType.isBlank()) {
      throw new DomainException.Invalid("contentType is required");
    }
    if (sizeBytes < 0) {
      throw new DomainException.Invalid("sizeBytes must not be negative");
    }
    if (!isSha256(sha256)) {
      throw new DomainException.Invalid("sha256 must be 64 lower-case hex digits");
    }
  }

  public static boolean isSha256(String value) {
    return value != null && SHA256.matcher(value).matches();
  }

  /** A new attachment of content that has been stored as {@code blob}. */
  public static Attachment of(AttachmentOwner owner, String fileName, String contentType, StoredContent blob, Instant now) {
    return new Attachment(UUID.randomUUID(), owner, fileName, contentType, blob.sizeBytes(), blob.sha256(), now);
  }
}
