package dev.strata.agent.adapter.out.postgres;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code agent.sessions}. */
@Entity
@Table(name = "sessions")
public class SessionEntity extends VersionedEntity {
  public UUID agentId;
  public UUID userId;
  public String owner;
  public String title;

  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, Object> state;
}
