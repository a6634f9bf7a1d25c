package dev.strata.ingest.domain.job;

/** PENDING → IN_PROGRESS → COMPLETED | FAILED. */
public enum JobStatus {
  PENDING, IN_PROGRESS, COMPLETED, FAILED
}
