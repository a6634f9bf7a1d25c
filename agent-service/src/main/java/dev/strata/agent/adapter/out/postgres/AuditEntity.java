package dev.strata.agent.adapter.out.postgres;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Row of {@code agent.audit_log}. */
@Entity
@Table(name = "audit_log")
public class AuditEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long seq;

  public UUID messageId;
  public String service;
  public String actor;
  public String action;
  public String resource;
  public String outcome;
  public Instant at;
  public String correlationId;

  @JdbcTypeCode(SqlTypes.JSON)
  public Map<String, String> details;

  public String contentHash;
  public String previousHash;
}
