package dev.strata.ingest.application;

import dev.strata.ingest.domain.bar.ValidationMode;
import dev.strata.kernel.messaging.contract.UsageEvent;
import java.util.List;

/** A batch of usage events to ingest; {@code jobId} null for a fresh one. */
public record IngestUsageCommand(List<UsageEvent> events, String jobId, ValidationMode mode, boolean overwrite) {}
