package dev.strata.support.messaging;

import static org.assertj.core.api.Assertions.assertThatCode;

import dev.strata.kernel.messaging.contract.AuditEvent.Outcome;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Audit records are published even when a burst of them outruns the broker's confirms for a while. */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class AuditTrailIT {

  @Inject AuditTrail audit;

  @Test
  void aBurstOfAuditRecordsIsPublishedWhole() {
    CompletableFuture<?>[] sent = IntStream.range(0, 2_000)
        .mapToObj(i -> audit.record("burst", "audit-burst", "/burst/" + i, Outcome.SUCCESS, null, Map.of()).toCompletableFuture())
        .toArray(CompletableFuture[]::new);

    assertThatCode(() -> CompletableFuture.allOf(sent).get(60, TimeUnit.SECONDS)).doesNotThrowAnyException();
  }
}
