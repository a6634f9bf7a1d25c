package dev.strata.ingest.adapter.out.postgres;

import dev.strata.ingest.domain.symbolbars.SymbolDay;
import dev.strata.ingest.domain.symbolbars.SymbolDays;
import dev.strata.kernel.error.DomainException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  public CompletionStage<List<SymbolDay>> findAll(String symbol, String frame, List<LocalDate> tradingDays) {
    return pool.preparedQuery("SELECT * FROM symbol_bars WHERE symbol = $1 AND frame = $2 AND trading_day = ANY($3)")
        .execute(Tuple.of(symbol, frame, tradingDays.toArray(LocalDate[]::new)))
        .map(rows -> {
          Map<LocalDate, SymbolDay> stored = new HashMap<>();
          rows.forEach(row -> stored.put(row.getLocalDate("trading_day"), toDay(row)));
          return tradingDays.stream().map(day -> stored.getOrDefault(day, SymbolDay.none(symbol, frame, day))).toList();
        })
        .subscribeAsCompletionStage();
  }

  /** Days never saved are inserted, the others updated over their version; any row missed rolls all back. */
  @Override
  public CompletionStage<Void> saveAll(List<SymbolDay> days) {
    List<Tuple> inserts = days.stream().filter(day -> day.version() == 1).map(PostgresSymbolDays::row).toList();
    List<Tuple> updates = days.stream().filter(day -> day.version() > 1).map(PostgresSymbolDays::row).toList();
    return pool.withTransaction(connection -> save(connection, INSERT, inserts).call(() -> save(connection, UPDATE, updates)))
        .subscribeAsCompletionStage();
  }

  private static Uni<Void> save(SqlConnection connection, String sql, List<Tuple> rows) {
    if (rows.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return connection.preparedQuery(sql).executeBatch(rows).flatMap(results -> {
      for (RowSet<Row> result = results; result != null; result = result.next()) {
        if (result.rowCount() != 1) {
          return Uni.createFrom().failure(new DomainException.Conflict(
              "a symbol day changed since it was loaded; none of the " + rows.size() + " days was saved"));
        }
      }
      return Uni.createFrom().voidItem();
    });
  }

  private static Tuple row(SymbolDay day) {
    return Tuple.from(Arrays.asList(day.symbol(), day.frame(), day.tradingDay(), (int) day.barsLanded(),
        utc(day.firstTs()), utc(day.lastTs()), day.lastJobId(), day.version()));
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
