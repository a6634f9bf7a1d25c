package dev.strata.warehouse.domain.query;

import dev.strata.kernel.api.QueryResult;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Runs a named query with parameters already bound by {@link NamedQuery#bind}. */
@FunctionalInterface
public interface QueryRunner {

  CompletionStage<QueryResult> run(NamedQuery query, Map<String, Object> parameters);
}
