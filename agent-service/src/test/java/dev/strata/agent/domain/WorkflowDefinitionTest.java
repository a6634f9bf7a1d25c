package dev.strata.agent.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.agent.domain.workflow.ExecutionState;
import dev.strata.agent.domain.workflow.Step;
import dev.strata.agent.domain.workflow.StepKind;
import dev.strata.agent.domain.workflow.Templates;
import dev.strata.agent.domain.workflow.WorkflowDefinition;
import dev.strata.kernel.error.DomainException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowDefinitionTest {

  private static Step template(String id, String text) {
    return new Step(id, StepKind.TEMPLATE, Map.of("text", text));
  }

  @Test
  void laterStepsMayAddressEarlierOutputsButNeverLaterOnes() {
    new WorkflowDefinition(List.of(template("a", "x"), template("b", "{{steps.a}}")));
    assertThatThrownBy(() -> new WorkflowDefinition(List.of(template("a", "{{steps.b}}"), template("b", "y"))))
        .isInstanceOf(DomainException.Invalid.class).hasMessageContaining("cycle");
    assertThatThrownBy(() -> new WorkflowDefinition(List.of(template("a", "{{ steps.ghost.field }}"))))
        .hasMessageContaining("unknown step 'ghost'");
  }

  @Test
  void templatesRenderInputsStepOutputsAndTheirFieldsAndLeaveUnknownsEmpty() {
    var state = ExecutionState.start(Map.of("name", "Ada")).with("call", Map.of("status", 200)).with("greet", "hi $1 \\");
    assertThat(Templates.render("{{input.name}}|{{steps.call.status}}|{{steps.greet}}|{{steps.none}}", state))
        .isEqualTo("Ada|200|hi $1 \\|");
  }

  @Test
  void aColumnOfAQueryResultRendersAsCommaSeparatedValues() {
    var result = Map.of("name", "at-risk-customers", "columns", java.util.List.of("customer_id", "tenure"),
        "rows", java.util.List.of(Map.of("customer_id", "C1", "tenure", 3), Map.of("customer_id", "C7", "tenure", 1)));
    var state = ExecutionState.start(Map.of()).with("top", result);
    assertThat(Templates.render("{{steps.top.customer_id}}|{{steps.top.name}}|{{steps.top.missing}}", state))
        .isEqualTo("C1,C7|at-risk-customers|");
  }
}
