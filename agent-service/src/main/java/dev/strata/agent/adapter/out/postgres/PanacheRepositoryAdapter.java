package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.Query;
import dev.strata.agent.domain.shared.Repository;
import dev.strata.kernel.error.DomainException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The generic repository on Hibernate Reactive: each subclass names its entity, its mapping and
 * which fields may be filtered and sorted on (anything else is refused, so a client can never
 * steer the HQL). Runs in the session of the current unit of work.
 */
abstract class PanacheRepositoryAdapter<D, E extends VersionedEntity> implements Repository<D> {

  private final Class<E> type;

  PanacheRepositoryAdapter(Class<E> type) {
    this.type = type;
  }

  protected abstract D toDomain(E entity);

  /** Copies the aggregate's content (not id nor version) into the entity. */
  protected abstract void copy(D aggregate, E entity);

  protected abstract E newEntity();

  protected abstract UUID idOf(D aggregate);

  protected abstract long versionOf(D aggregate);

  /** Filterable field → parser of the query-string value. */
  protected abstract Map<String, Function<String, Object>> filterable();

  protected abstract Set<String> sortable();

  /** The text field {@code ?q=} searches (case-insensitively, LIKE metacharacters literal). */
  protected String searchField() {
    return "name";
  }

  @Override
  public CompletionStage<Optional<D>> get(UUID id) {
    return session().chain(s -> s.find(type, id)).map(e -> Optional.ofNullable(e).map(this::toDomain)).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Page<D>> list(Query query) {
    return page(query).subscribeAsCompletionStage();
  }

  protected Uni<Page<D>> page(Query query) {
    Where where = where(query);
    String order = " order by e." + sortField(query) + (query.descending() ? " desc" : " asc") + ", e.id";
    return session().chain(s -> {
      var select = s.createSelectionQuery("from " + type.getSimpleName() + " e" + where.clause + order, type);
      where.params.forEach(select::setParameter);
      return select.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList();
    }).chain(rows -> count(where).map(total -> new Page<>(rows.stream().map(this::toDomain).toList(), total, query.offset(), query.limit())));
  }

  @Override
  public CompletionStage<Long> count(Query query) {
    return count(where(query)).subscribeAsCompletionStage();
  }

  private Uni<Long> count(Where where) {
    return session().chain(s -> {
      var select = s.createSelectionQuery("select count(*) from " + type.getSimpleName() + " e" + where.clause, Long.class);
      where.params.forEach(select::setParameter);
      return select.getSingleResult();
    });
  }

  @Override
  public CompletionStage<D> create(D aggregate) {
    E entity = entityOf(aggregate);
    return session().chain(s -> s.persist(entity).chain(s::flush)).map(x -> toDomain(entity))
        .onFailure().transform(Failures::translate).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<List<D>> createMany(List<D> aggregates) {
    List<E> entities = aggregates.stream().map(this::entityOf).toList();
    // persistAll + one flush lets Hibernate group the inserts into JDBC-style batches
    return session().chain(s -> s.persistAll(entities.toArray()).chain(s::flush))
        .map(x -> entities.stream().map(this::toDomain).toList())
        .onFailure().transform(Failures::translate).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<D> createDeferred(D aggregate) {
    E entity = entityOf(aggregate);
    return session().chain(s -> s.persist(entity)).map(x -> toDomain(entity)).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<D> update(D aggregate) {
    return session().chain(s -> s.find(type, idOf(aggregate)).chain(entity -> {
      if (entity == null) {
        return Uni.createFrom().failure(new DomainException.NotFound(type.getSimpleName().replace("Entity", "").toLowerCase() + " " + idOf(aggregate) + " not found"));
      }
      if (entity.version != versionOf(aggregate)) {
        return Uni.createFrom().failure(new DomainException.Conflict("version " + versionOf(aggregate) + " is stale; current is " + entity.version));
      }
      copy(aggregate, entity);
      return s.flush().map(x -> toDomain(entity));
    })).onFailure().transform(Failures::translate).subscribeAsCompletionStage();
  }

  @Override
  public CompletionStage<Void> delete(UUID id) {
    return session().chain(s -> s.find(type, id).chain(entity -> entity == null
        ? Uni.createFrom().<Void>failure(new DomainException.NotFound(type.getSimpleName().replace("Entity", "").toLowerCase() + " " + id + " not found"))
        : s.remove(entity).chain(s::flush)))
        .onFailure().transform(Failures::translate).subscribeAsCompletionStage();
  }

  protected Uni<Mutiny.Session> session() {
    return Panache.getSession();
  }

  private E entityOf(D aggregate) {
    E entity = newEntity();
    entity.id = idOf(aggregate);
    copy(aggregate, entity);
    return entity;
  }

  private String sortField(Query query) {
    if (query.sortField() == null) {
      return "createdAt";
    }
    if (!sortable().contains(query.sortField())) {
      throw new DomainException.Invalid("cannot sort on '" + query.sortField() + "'; allowed: " + sortable());
    }
    return query.sortField();
  }

  private Where where(Query query) {
    List<String> conditions = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    query.filters().forEach((field, raw) -> {
      Function<String, Object> parser = filterable().get(field);
      if (parser == null) {
        throw new DomainException.Invalid("cannot filter on '" + field + "'; allowed: " + filterable().keySet());
      }
      conditions.add("e." + field + " = :" + field);
      params.put(field, parse(parser, field, raw));
    });
    if (query.search() != null) {
      // LIKE metacharacters in the search text are matched literally
      conditions.add("lower(e." + searchField() + ") like :q escape '!'");
      params.put("q", "%" + query.search().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
    }
    return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
  }

  private static Object parse(Function<String, Object> parser, String field, String raw) {
    try {
      return parser.apply(raw);
    } catch (IllegalArgumentException e) {
      throw new DomainException.Invalid("invalid value for filter '" + field + "'");
    }
  }

  private record Where(String clause, Map<String, Object> params) {}
}
