package dev.strata.agent.adapter.out.postgres;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code agent.session_messages}. */
@Entity
@Table(name = "session_messages")
public class SessionMessageEntity {
  @Id public UUID id;
  public UUID sessionId;
  public String role;
  public String content;
  public Instant createdAt;
}
