package dev.strata.agent.adapter.out.postgres;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code agent.executions}; the output is wrapped as {@code {value: …}} (JSON columns hold objects). */
@Entity
@Table(name = "executions")
public class ExecutionEntity extends VersionedEntity {
  public UUID workflowId;
  public String status;

  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, Object> input;

  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, Object> output;

  public String error;
  public String idempotencyKey;
  public UUID forkedFrom;
  public int nextStep;
}
