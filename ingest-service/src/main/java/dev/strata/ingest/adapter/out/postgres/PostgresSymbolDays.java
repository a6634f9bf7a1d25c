package dev.strata.ingest.adapter.out.postgres;

import dev.strata.ingest.domain.symbolbars.SymbolDay;
import dev.strata.ingest.domain.symbolbars.SymbolDays;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;

/** Symbol days in {@code ingest.symbol_bars}; a save over a stale version is a conflict. */
public final class PostgresSymbolDays implements SymbolDays {

  private static final String INSERT = """
      INSERT INTO symbol_bars (symbol, frame, trading_day, bar_count, first_ts, last_ts, last_job_id, version)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING""";
  private static final String UPDATE = """
      UPDATE symbol_bars SET bar_count = $4, first_ts = $5, last_ts = $6, last_job_id = $7, version = $8
      WHERE symbol = $1 AND frame = $2 AND trading_day = $3 AND version = $8 - 1""";

  private final Pool pool;

  public PostgresSymbolDays(Pool pool) {
    this.pool = pool;
  }

  @Override
  public CompletionStage<SymbolDay> find(String symbol, String frame, LocalDate tradingDay) {
    return pool.preparedQuery("SELECT * FROM symbol_bars WHERE symbol = $1 AND frame = $2 AND trading_day = $3")
        .execute(Tuple.of(symbol, frame, tradingDay))
        .map(rows -> rows.size() == 0 ? SymbolDay.none(symbol, frame, tradingDay) : toDay(rows.iterator().next()))
        .subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Void> save(SymbolDay day) {
    Tuple row = Tuple.from(Arrays.asList(day.symbol(), day.frame(), day.tradingDay(), (int) day.barsLanded(),
        utc(day.firstTs()), utc(day.lastTs()), day.lastJobId(), day.version()));
    return pool.preparedQuery(day.version() == 1 ? INSERT : UPDATE).execute(row)
        .flatMap(result -> result.rowCount() == 1 ? Uni.createFrom().voidItem()
            : Uni.createFrom().<Void>failure(new DomainException.Conflict("symbol day " + day.symbol() + " " + day.frame() + " "
                + day.tradingDay() + " changed since version " + (day.version() - 1))))
        .subscribeAsCompletionStage();
  }

  private static SymbolDay toDay(Row row) {
    return new SymbolDay(row.getString("symbol"), row.getString("frame"), row.getLocalDate("trading_day"),
        row.getInteger("bar_count"), row.getOffsetDateTime("first_ts").toInstant(), row.getOffsetDateTime("last_ts").toInstant(),
        row.getString("last_job_id"), row.getLong("version"));
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
