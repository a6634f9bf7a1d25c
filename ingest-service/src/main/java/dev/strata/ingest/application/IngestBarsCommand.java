package dev.strata.ingest.application;

import dev.strata.ingest.domain.bar.ValidationMode;
import dev.strata.kernel.messaging.contract.Bar;
import java.util.List;

/**
 * A batch of bars of one symbol and frame to ingest.
 *
 * @param jobId null for a fresh job id
 * @param source the dataset source: {@code producer} for REST/AMQP intake, {@code alpaca} for pulls
 */
public record IngestBarsCommand(
    String symbol, String frame, List<Bar> bars, String jobId, ValidationMode mode, boolean overwrite, String source) {}
