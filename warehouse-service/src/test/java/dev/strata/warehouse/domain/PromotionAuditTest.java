package dev.strata.warehouse.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.warehouse.domain.promotion.AuditMetrics;
import dev.strata.warehouse.domain.promotion.PromotionAudit;
import org.junit.jupiter.api.Test;

class PromotionAuditTest {

  private final PromotionAudit audit = new PromotionAudit(0.01);

  @Test
  void cleanStagingPasses() {
    assertThat(audit.failures(new AuditMetrics(100, 100, 0, 0, 0, 90, 90))).isEmpty();
  }

  @Test
  void losingOnePercentIsToleratedButMoreFails() {
    assertThat(audit.failures(new AuditMetrics(100, 99, 0, 0, 0, 99, 99))).isEmpty();
    assertThat(audit.failures(new AuditMetrics(100, 98, 0, 0, 0, 98, 98)))
        .singleElement().asString().contains("row loss bronze→silver");
    assertThat(audit.failures(new AuditMetrics(100, 100, 0, 0, 0, 100, 90)))
        .singleElement().asString().contains("row loss silver→gold");
  }

  @Test
  void nullKeysDuplicateKeysAndInconsistentBarsEachBlockPublication() {
    assertThat(audit.failures(new AuditMetrics(10, 10, 1, 2, 3, 10, 10)))
        .hasSize(3)
        .anySatisfy(reason -> assertThat(reason).contains("null key"))
        .anySatisfy(reason -> assertThat(reason).contains("duplicate a key"))
        .anySatisfy(reason -> assertThat(reason).contains("OHLC"));
  }
}
