package dev.strata.agent.adapter.out.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.agent.domain.shared.Page;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * What the repositories of this package share: the open unit of work's connection, prepared
 * statements on it, and JSON columns as text (read with {@code ::text}, written with
 * {@code CAST($n::text AS jsonb)}: the client would send a Java string bound to a jsonb parameter as
 * a JSON string).
 */
final class Sql {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private Sql() {}

  static CompletionStage<RowSet<Row>> run(String sql, Tuple arguments) {
    return translated(connection().preparedQuery(sql).execute(arguments)).toCompletionStage();
  }

  static CompletionStage<RowSet<Row>> runBatch(String sql, List<Tuple> batch) {
    return translated(connection().preparedQuery(sql).executeBatch(batch)).toCompletionStage();
  }

  static <T> CompletionStage<List<T>> all(String sql, Tuple arguments, Function<Row, T> mapper) {
    return run(sql, arguments).thenApply(rows -> {
      List<T> all = new ArrayList<>(rows.size());
      rows.forEach(row -> all.add(mapper.apply(row)));
      return all;
    });
  }

  /**
   * A page of the rows {@code from} ({@code FROM … [WHERE …]}, its placeholders bound by {@code filter}) in {@code order},
   * and the total of those rows.
   */
  static <T> CompletionStage<Page<T>> page(String columns, String from, String order, Tuple filter, int offset, int limit,
      Function<Row, T> mapper) {
    Tuple bounded = Tuple.tuple();
    for (int i = 0; i < filter.size(); i++) {
      bounded.addValue(filter.getValue(i));
    }
    bounded.addInteger(offset).addInteger(limit);
    String select = "SELECT " + columns + " " + from + " ORDER BY " + order + " OFFSET $" + (filter.size() + 1) + " LIMIT $" + (filter.size() + 2);
    return all(select, bounded, mapper)
        .thenCompose(items -> count("SELECT count(*) " + from, filter).thenApply(total -> new Page<>(items, total, offset, limit)));
  }

  static CompletionStage<Long> count(String sql, Tuple arguments) {
    return run(sql, arguments).thenApply(rows -> rows.iterator().next().getLong(0));
  }

  static <T> CompletionStage<Optional<T>> one(String sql, Tuple arguments, Function<Row, T> mapper) {
    return run(sql, arguments).thenApply(rows -> {
      var iterator = rows.iterator();
      return iterator.hasNext() ? Optional.of(mapper.apply(iterator.next())) : Optional.empty();
    });
  }

  /** Tells the open unit of work that it wrote outbox rows (it nudges the relay once they are committed). */
  static void outboxWritten() {
    Vertx.currentContext().putLocal(PostgresUnitOfWork.OUTBOX_WRITTEN, Boolean.TRUE);
  }

  private static SqlConnection connection() {
    Context context = Vertx.currentContext();
    SqlConnection connection = context == null ? null : context.getLocal(PostgresUnitOfWork.CONNECTION);
    if (connection == null) {
      throw new IllegalStateException("no PostgresUnitOfWork is open on this context");
    }
    return connection;
  }

  /** A database failure a client can cause as the domain error it is ({@code Failures}); any other as it is. */
  static <T> Future<T> translated(Future<T> result) {
    return result.recover(failure -> Future.failedFuture(Failures.translate(failure)));
  }

  static OffsetDateTime time(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(Row row, String column) {
    OffsetDateTime time = row.getOffsetDateTime(column);
    return time == null ? null : time.toInstant();
  }

  static String json(Object value) {
    try {
      return value == null ? null : JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not representable as JSON: " + e.getOriginalMessage(), e);
    }
  }

  static Map<String, Object> object(String json) {
    try {
      return json == null ? null : JSON.readValue(json, OBJECT);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON column holds no object: " + e.getOriginalMessage(), e);
    }
  }
}
