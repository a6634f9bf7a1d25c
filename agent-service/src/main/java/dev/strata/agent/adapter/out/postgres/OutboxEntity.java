package dev.strata.agent.adapter.out.postgres;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code agent.outbox}: an encoded envelope waiting for the relay; id = its message id. */
@Entity
@Table(name = "outbox")
public class OutboxEntity {
  @Id public UUID id;
  public String messageType;
  public byte[] body;
  public String correlationId;
  public Instant createdAt;
}
