package dev.strata.agent.adapter.out.postgres;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code agent.notifications}. */
@Entity
@Table(name = "notifications")
public class NotificationEntity {
  @Id public UUID id;
  public UUID messageId;
  public String channel;
  public String webhookUrl;
  public String subject;
  public String status;
  public int attempts;
  public String lastError;
  public UUID executionId;
  public Instant createdAt;
  public Instant updatedAt;
}
