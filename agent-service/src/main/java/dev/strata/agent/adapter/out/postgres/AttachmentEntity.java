package dev.strata.agent.adapter.out.postgres;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code agent.attachments}; exactly one of the owner columns is set (a CHECK in V1). */
@Entity
@Table(name = "attachments")
public class AttachmentEntity {
  @Id public UUID id;
  public UUID sessionId;
  public UUID executionId;
  public String fileName;
  public String contentType;
  public long sizeBytes;
  public String sha256;
  public Instant createdAt;
}
