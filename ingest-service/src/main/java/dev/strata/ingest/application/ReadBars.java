package dev.strata.ingest.application;

import dev.strata.ingest.domain.bar.Frame;
import dev.strata.ingest.domain.lake.Aggregation;
import dev.strata.ingest.domain.lake.LakeReader.BarQuery;
import dev.strata.ingest.domain.lake.LakeReader;
import dev.strata.ingest.domain.lake.StoredBar;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Streaming the bars of a symbol over a time range, optionally rolled up to a coarser frame.
 */
public final class ReadBars {

  private final LakeReader reader;

  public ReadBars(LakeReader reader) {
    this.reader = reader;
  }

  /** Checks the query before any byte of the answer is written. */
  public BarQuery query(String symbol, String frame, Instant from, Instant to, String interval) {
    Frame source = Frame.of(frame);
    if (from != null && to != null && !from.isBefore(to)) {
      throw new DomainException.Invalid("from must be before to");
    }
    Aggregation aggregation = Aggregation.of(source, interval).orElse(null);
    return new BarQuery(SafeName.SYMBOL.require(symbol), source.value(), from, to, aggregation);
  }

  /** Hands every bar to {@code sink}, on the reader's thread, one after another; done after the last. */
  public Uni<Void> stream(BarQuery query, Consumer<StoredBar> sink) {
    return Uni.createFrom().completionStage(() -> reader.bars(query, sink));
  }
}
