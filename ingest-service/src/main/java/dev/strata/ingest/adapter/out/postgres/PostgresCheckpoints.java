package dev.strata.ingest.adapter.out.postgres;

import dev.strata.ingest.domain.pull.Checkpoints;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Pull checkpoints in {@code ingest.symbol_checkpoint}; a checkpoint only ever moves forward. */
public final class PostgresCheckpoints implements Checkpoints {

  private final Pool pool;

  public PostgresCheckpoints(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<Optional<Instant>> last(String symbol, String frame, String source) {
    return pool.preparedQuery("SELECT last_ts FROM symbol_checkpoint WHERE symbol = $1 AND frame = $2 AND source = $3")
        .execute(Tuple.of(symbol, frame, source))
        .map(rows -> rows.size() == 0 ? Optional.<Instant>empty()
            : Optional.of(rows.iterator().next().getOffsetDateTime("last_ts").toInstant()))
        .subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Void> save(String symbol, String frame, String source, Instant lastTs) {
    return pool.preparedQuery("""
            INSERT INTO symbol_checkpoint (symbol, frame, source, last_ts, updated_at) VALUES ($1, $2, $3, $4, now())
            ON CONFLICT (symbol, frame, source) DO UPDATE SET last_ts = GREATEST(symbol_checkpoint.last_ts, EXCLUDED.last_ts),
              updated_at = now()""")
        .execute(Tuple.of(symbol, frame, source, OffsetDateTime.ofInstant(lastTs, ZoneOffset.UTC)))
        .replaceWithVoid()
        .subscribeAsCompletionStage();
  }
}
