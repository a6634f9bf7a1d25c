package dev.strata.agent.domain.workflow;

import dev.strata.kernel.error.DomainException;
import java.util.Arrays;
import java.util.List;

/** What a workflow step does, and the parameters it cannot do without. */
public enum StepKind {
  LLM("llm", List.of("prompt")),
  HTTP("http", List.of("url")),
  SCORE("score", List.of()),
  WAREHOUSE_QUERY("warehouse-query", List.of("query")),
  NOTIFY("notify", List.of("channel", "body")),
  TEMPLATE("template", List.of("text"));

  private final String wireName;
  private final List<String> required;

  StepKind(String wireName, List<String> required) {
    this.wireName = wireName;
    this.required = required;
  }

  public String wireName() {
    return wireName;
  }

  public List<String> required() {
    return required;
  }

  /** True for a kind the runner performs in its own memory at once (no call out, nothing to wait for). */
  public boolean inProcess() {
    return this == TEMPLATE || this == NOTIFY;
  }

  public static StepKind of(String wireName) {
    return Arrays.stream(values()).filter(kind -> kind.wireName.equals(wireName)).findFirst()
        .orElseThrow(() -> new DomainException.Invalid("unknown step kind '" + wireName + "'"));
  }
}
