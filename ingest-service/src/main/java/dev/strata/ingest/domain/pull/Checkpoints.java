package dev.strata.ingest.domain.pull;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Per (symbol, frame, source): the last bar a pull landed, so the next pull resumes after it. */
public interface Checkpoints {

  CompletionStage<Optional<Instant>> last(String symbol, String frame, String source);

  CompletionStage<Void> save(String symbol, String frame, String source, Instant lastTs);
}
