package dev.strata.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.ingest.domain.usage.UsageValidation;
import dev.strata.kernel.messaging.contract.UsageEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UsageValidationTest {

  private static final Instant TS = Instant.parse("2024-05-01T10:00:00Z");

  @Test
  void anEventWithoutQuantityCountsAsOne() {
    var validation = UsageValidation.of(List.of(new UsageEvent("C00002", TS, "login", null, Map.of("app", "web"))));
    assertThat(validation.accepted().getFirst().quantity()).isEqualTo(1.0);
  }

  @Test
  void missingCustomerTsOrEventAndNegativeQuantitiesAreRejectedByName() {
    var validation = UsageValidation.of(List.of(
        new UsageEvent(null, TS, "login", 1.0, null),
        new UsageEvent("C1", null, "login", 1.0, null),
        new UsageEvent("C1", TS, " ", 1.0, null),
        new UsageEvent("C1", TS, "call", -2.0, null),
        new UsageEvent("C1", TS, "x".repeat(129), 1.0, null)));
    assertThat(validation.accepted()).isEmpty();
    assertThat(validation.rejected()).extracting(row -> row.policy())
        .containsExactly("required-fields", "required-fields", "required-fields", "non-negative-quantity", "bounded-names");
  }
}
