package dev.strata.agent.adapter.out.postgres;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code agent.checkpoints}: immutable, so no version. State is {@code {input, outputs}}. */
@Entity
@Table(name = "checkpoints")
public class CheckpointEntity {
  @Id public UUID id;
  public UUID executionId;
  public int stepIndex;
  public String stepId;

  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, Object> state;

  public UUID parentId;
  public Instant createdAt;
}
