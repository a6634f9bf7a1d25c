package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.Query;
import dev.strata.agent.domain.shared.Repository;
import dev.strata.kernel.error.DomainException;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The generic repository of a versioned aggregate's table ({@code id}, {@code version} and its content
 * columns), in the connection of the current unit of work. Each subclass names its columns, how a row
 * becomes the aggregate, and which API fields may be filtered and sorted on, each mapped to its column:
 * anything else is refused, so a client can never steer the SQL.
 *
 * @param <D> the aggregate
 */
abstract class PostgresRepository<D> implements Repository<D> {

  /** A content column (not id nor version) and how the aggregate fills it. */
  record Column<D>(String name, Function<D, Object> value, boolean json) {

    static <D> Column<D> of(String name, Function<D, Object> value) {
      return new Column<>(name, value, false);
    }

    static <D> Column<D> json(String name, Function<D, Object> value) {
      return new Column<>(name, aggregate -> Sql.json(value.apply(aggregate)), true);
    }

    static <D> Column<D> time(String name, Function<D, Instant> value) {
      return new Column<>(name, aggregate -> Sql.time(value.apply(aggregate)), false);
    }

    String selected() {
      return json ? name + "::text AS " + name : name;
    }

    String placeholder(int index) {
      return json ? "CAST($" + index + "::text AS jsonb)" : "$" + index;
    }
  }

  /** An API field a list may be filtered on: its column and the parser of the query-string value. */
  record Filter(String column, Function<String, Object> parser) {}

  private final String table;
  private final String noun;
  private final List<Column<D>> columns;
  private final Map<String, Filter> filterable;
  private final Map<String, String> sortable;
  private final String searchColumn;
  private final String selectList;
  private final String insert;
  private final String update;

  /**
   * @param noun what a NotFound calls the aggregate ("agent")
   * @param sortable API field → column; {@code createdAt} is the default order
   * @param searchColumn the text column {@code ?q=} searches; null when a list cannot be searched
   */
  PostgresRepository(String table, String noun, List<Column<D>> columns, Map<String, Filter> filterable, Map<String, String> sortable,
      String searchColumn) {
    this.table = table;
    this.noun = noun;
    this.columns = columns;
    this.filterable = filterable;
    this.sortable = sortable;
    this.searchColumn = searchColumn;
    this.selectList = "id, version, " + columns.stream().map(Column::selected).collect(Collectors.joining(", "));
    this.insert = "INSERT INTO " + table + " (id, version, " + columns.stream().map(Column::name).collect(Collectors.joining(", "))
        + ") VALUES ($1, $2, " + IntStream.range(0, columns.size()).mapToObj(i -> columns.get(i).placeholder(i + 3))
        .collect(Collectors.joining(", ")) + ")";
    // optimistic: only the version the caller read is replaced; no row means gone or changed meanwhile
    this.update = "UPDATE " + table + " SET " + IntStream.range(0, columns.size())
        .mapToObj(i -> columns.get(i).name() + " = " + columns.get(i).placeholder(i + 3)).collect(Collectors.joining(", "))
        + ", version = version + 1 WHERE id = $1 AND version = $2 RETURNING " + selectList;
  }

  protected abstract D toDomain(Row row);

  protected abstract UUID idOf(D aggregate);

  protected abstract long versionOf(D aggregate);

  @Override
  public CompletionStage<Optional<D>> get(UUID id) {
    return findOne("id = $1", Tuple.of(id));
  }

  /** The one row matching {@code condition} (with {@code $n} placeholders for {@code arguments}). */
  protected CompletionStage<Optional<D>> findOne(String condition, Tuple arguments) {
    return Sql.one("SELECT " + selectList + " FROM " + table + " WHERE " + condition, arguments, this::toDomain);
  }

  @Override
  public CompletionStage<Page<D>> list(Query query) {
    Where where = where(query);
    return Sql.page(selectList, "FROM " + table + where.clause, sortColumn(query) + (query.descending() ? " DESC" : " ASC") + ", id",
        Tuple.from(where.arguments), query.offset(), query.limit(), this::toDomain);
  }

  @Override
  public CompletionStage<Long> count(Query query) {
    return count(where(query));
  }

  private CompletionStage<Long> count(Where where) {
    return Sql.count("SELECT count(*) FROM " + table + where.clause, Tuple.from(where.arguments));
  }

  @Override
  public CompletionStage<D> create(D aggregate) {
    return Sql.run(insert, row(aggregate)).thenApply(inserted -> aggregate);
  }

  @Override
  public CompletionStage<List<D>> createMany(List<D> aggregates) {
    if (aggregates.isEmpty()) {
      return CompletableFuture.completedFuture(List.of());
    }
    return Sql.runBatch(insert, aggregates.stream().map(this::row).toList()).thenApply(inserted -> aggregates);
  }

  @Override
  public CompletionStage<D> update(D aggregate) {
    return Sql.one(update, row(aggregate), this::toDomain).thenCompose(updated -> updated
        .<CompletionStage<D>>map(CompletableFuture::completedFuture)
        .orElseGet(() -> get(idOf(aggregate)).thenApply(current -> {
          throw current.<RuntimeException>map(c -> new DomainException.Conflict(
                  "version " + versionOf(aggregate) + " is stale; current is " + versionOf(c)))
              .orElseGet(() -> notFound(idOf(aggregate)));
        })));
  }

  @Override
  public CompletionStage<Void> delete(UUID id) {
    return Sql.run("DELETE FROM " + table + " WHERE id = $1", Tuple.of(id)).thenApply(deleted -> {
      if (deleted.rowCount() == 0) {
        throw notFound(id);
      }
      return null;
    });
  }

  private DomainException.NotFound notFound(UUID id) {
    return new DomainException.NotFound(noun + " " + id + " not found");
  }

  /** id, version, then the content columns: the arguments of both the insert and the update. */
  private Tuple row(D aggregate) {
    Tuple row = Tuple.tuple().addValue(idOf(aggregate)).addLong(versionOf(aggregate));
    columns.forEach(column -> row.addValue(column.value().apply(aggregate)));
    return row;
  }

  private String sortColumn(Query query) {
    if (query.sortField() == null) {
      return sortable.get("createdAt");
    }
    String column = sortable.get(query.sortField());
    if (column == null) {
      throw new DomainException.Invalid("cannot sort on '" + query.sortField() + "'; allowed: " + sortable.keySet());
    }
    return column;
  }

  private Where where(Query query) {
    List<String> conditions = new ArrayList<>();
    List<Object> arguments = new ArrayList<>();
    new TreeMap<>(query.filters()).forEach((field, raw) -> {
      Filter filter = filterable.get(field);
      if (filter == null) {
        throw new DomainException.Invalid("cannot filter on '" + field + "'; allowed: " + filterable.keySet());
      }
      arguments.add(parse(filter, field, raw));
      conditions.add(filter.column() + " = $" + arguments.size());
    });
    if (query.search() != null) {
      if (searchColumn == null) {
        throw new DomainException.Invalid("this list cannot be searched");
      }
      // LIKE metacharacters in the search text are matched literally
      arguments.add("%" + query.search().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
      conditions.add("lower(" + searchColumn + ") LIKE $" + arguments.size() + " ESCAPE '!'");
    }
    return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), arguments);
  }

  private static Object parse(Filter filter, String field, String raw) {
    try {
      return filter.parser().apply(raw);
    } catch (IllegalArgumentException e) {
      throw new DomainException.Invalid("invalid value for filter '" + field + "'");
    }
  }

  private record Where(String clause, List<Object> arguments) {}
}
