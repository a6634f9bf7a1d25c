package dev.strata.agent.adapter.out.postgres;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code agent.workflows}; the definition is JSONB {@code {steps: [{id, kind, params}]}} (an object: Hibernate Reactive maps JSON columns to objects). */
@Entity
@Table(name = "workflows")
public class WorkflowEntity extends VersionedEntity {
  public String name;
  public String description;
  public UUID agentId;

  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, Object> definition;
}
