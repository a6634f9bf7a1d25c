package dev.strata.agent.adapter.out.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.agent.domain.execution.StepEffects;
import dev.strata.kernel.api.ScoreRequest;
import dev.strata.kernel.value.SafeName;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The {@code score} and {@code warehouse-query} steps on our own services' REST APIs. Answers are
 * turned into plain maps so later steps can address their fields and checkpoints store them as JSON.
 */
public final class RestStepEffects {

  private RestStepEffects() {}

  /** {@code customerIds}: comma-separated ids, or {@code all: true}. */
  public static StepEffects score(ScoringApi api, ObjectMapper mapper) {
    return (step, input) -> {
      String ids = step.param("customerIds", "");
      List<String> customerIds = ids.isBlank() ? List.of() : Arrays.stream(ids.split(",")).map(String::trim).toList();
      var request = new ScoreRequest(customerIds, Boolean.parseBoolean(step.param("all", "false")));
      return api.score(request).map(scores -> (Object) mapper.convertValue(scores, Map.class)).subscribeAsCompletionStage();
    };
  }

  /** {@code query}: the named query; {@code params}: a JSON object of its parameters. */
  @SuppressWarnings("unchecked")
  public static StepEffects warehouseQuery(WarehouseApi api, ObjectMapper mapper) {
    return (step, input) -> {
      String name = SafeName.IDENTIFIER.require(step.param("query", ""));
      Object params = step.params().getOrDefault("params", Map.of());
      Map<String, Object> asMap = params instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
      return api.query(name, asMap).map(result -> (Object) mapper.convertValue(result, Map.class)).subscribeAsCompletionStage();
    };
  }
}
