package dev.strata.agent.adapter.in.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExternalStartsTest {

  private static final UUID REPORT = UUID.fromString("1b2c3d4e-0000-4000-8000-000000000001");

  @Test
  void aPublisherMayStartOnlyTheWorkflowsListedForIt() {
    var starts = new ExternalStarts(List.of("reporting:" + REPORT, "scheduler:*"));

    assertThat(starts.allows("reporting", REPORT)).isTrue();
    assertThat(starts.allows("reporting", UUID.randomUUID())).isFalse();
    assertThat(starts.allows("scheduler", UUID.randomUUID())).isTrue();
    assertThat(starts.allows("strata-producer", REPORT)).isFalse();
    assertThat(starts.allows(null, REPORT)).isFalse();
  }

  @Test
  void noEntriesAllowNothing() {
    assertThat(new ExternalStarts(List.of()).allows("strata-producer", REPORT)).isFalse();
  }

  @Test
  void anEntryThatIsNotUserColonWorkflowFailsTheStartInsteadOfAllowingNothing() {
    assertThatThrownBy(() -> new ExternalStarts(List.of("strata-producer"))).hasMessageContaining("'strata-producer'");
    assertThatThrownBy(() -> new ExternalStarts(List.of("strata-producer:report"))).hasMessageContaining("not a workflow id");
  }
}
