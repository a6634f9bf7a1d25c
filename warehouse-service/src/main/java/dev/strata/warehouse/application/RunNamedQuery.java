package dev.strata.warehouse.application;

import dev.strata.kernel.api.QueryResult;
import dev.strata.warehouse.domain.query.NamedQuery;
import dev.strata.warehouse.domain.query.QueryRunner;
import io.smallrye.mutiny.Uni;
import java.util.Map;

/** {@code POST /queries/{name}}: finds the query (404 when unknown), binds its parameters, runs it. */
public class RunNamedQuery {

  private final QueryRunner runner;

  public RunNamedQuery(QueryRunner runner) {
    this.runner = runner;
  }

  public Uni<QueryResult> run(String name, Map<String, Object> parameters) {
    NamedQuery query = NamedQuery.named(name);
    Map<String, Object> bound = query.bind(parameters);
    return Async.uni(() -> runner.run(query, bound));
  }
}
