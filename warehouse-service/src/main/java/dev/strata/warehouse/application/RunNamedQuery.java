package dev.strata.warehouse.application;

import dev.strata.kernel.api.QueryResult;
import dev.strata.warehouse.domain.query.NamedQuery;
import dev.strata.warehouse.domain.query.QueryRunner;
import io.smallrye.mutiny.Uni;
import java.util.Map;
import java.util.concurrent.Executor;

/** {@code POST /queries/{name}}: finds the query (404 when unknown), binds its parameters, runs it. */
public class RunNamedQuery {

  private final QueryRunner runner;
  private final Executor blocking;

  public RunNamedQuery(QueryRunner runner, Executor blocking) {
    this.runner = runner;
    this.blocking = blocking;
  }

  public Uni<QueryResult> run(String name, Map<String, Object> parameters) {
    NamedQuery query = NamedQuery.named(name);
    Map<String, Object> bound = query.bind(parameters);
    return Uni.createFrom().item(() -> runner.run(query, bound)).runSubscriptionOn(blocking);
  }
}
