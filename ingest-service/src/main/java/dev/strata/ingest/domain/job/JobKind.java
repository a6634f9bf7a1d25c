package dev.strata.ingest.domain.job;

/** What a job ingests. */
public enum JobKind {
  BARS, USAGE
}
