package dev.strata.agent.adapter.out.postgres;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code agent.agents}. */
@Entity
@Table(name = "agents")
public class AgentEntity extends VersionedEntity {
  public String name;
  public String type;
  public String model;
  public String systemPrompt;

  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, Object> config;

  public String status;
}
