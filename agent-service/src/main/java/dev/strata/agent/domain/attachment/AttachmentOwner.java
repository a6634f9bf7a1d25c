package dev.strata.agent.domain.attachment;

import java.util.Objects;
import java.util.UUID;

/** What an attachment belongs to: a session or an execution (never both, never neither). */
public record AttachmentOwner(Kind kind, UUID id) {

  /** The two kinds of owner, each a table of its own. */
  public enum Kind { SESSION, EXECUTION }

  public AttachmentOwner {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }

  public static AttachmentOwner session(UUID id) {
    return new AttachmentOwner(Kind.SESSION, id);
  }

  public static AttachmentOwner execution(UUID id) {
    return new AttachmentOwner(Kind.EXECUTION, id);
  }

  /** For messages: {@code session 7c0…}. */
  @Override
  public String toString() {
    return kind.name().toLowerCase() + " " + id;
  }
}
