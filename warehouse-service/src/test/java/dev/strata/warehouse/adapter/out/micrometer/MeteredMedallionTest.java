package dev.strata.warehouse.adapter.out.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.kernel.messaging.contract.DatasetIdentity;
import dev.strata.kernel.messaging.contract.DatasetKind;
import dev.strata.warehouse.domain.keymap.KeymapEntry;
import dev.strata.warehouse.domain.keymap.PromotionRule;
import dev.strata.warehouse.domain.keymap.TickerScope;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import dev.strata.warehouse.domain.promotion.PromotionAudit;
import dev.strata.warehouse.domain.promotion.PromotionOutcome;
import dev.strata.warehouse.domain.promotion.PromotionPlan;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MeteredMedallionTest {

  private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");
  private static final KeymapEntry BARS = new KeymapEntry("market", "producer", "bars", null, TickerScope.PER_TICKER,
      List.of("symbol", "frame", "ts"), 1, new PromotionRule(DatasetKind.BARS, PromotionRule.Trigger.ON_INGEST, OptionalDouble.empty()));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  @Test
  void everyKindAndOutcomeIsCountedFromZeroBeforeAnyPromotion() {
    new MeteredMedallion((plan, audit) -> outcome(plan, PromotionOutcome.PUBLISHED), meters, clock);

    for (String kind : List.of("bars", "usage")) {
      for (String outcome : List.of("published", "refused", "nothing")) {
        assertThat(promotions(kind, outcome)).isZero();
      }
    }
  }

  @Test
  void aPublishedPromotionIsCountedAndEachFileTimedFromItsArrivalToGold() {
    var medallion = new MeteredMedallion((plan, audit) -> outcome(plan, PromotionOutcome.PUBLISHED), meters, clock);

    medallion.promote(plan(file("a", NOW.minusSeconds(30)), file("b", NOW.minusSeconds(10))), new PromotionAudit(0.01))
        .toCompletableFuture().join();

    assertThat(promotions("bars", "published")).isEqualTo(1);
    var lag = meters.get("strata.warehouse.promotion.lag").timer();
    assertThat(lag.count()).isEqualTo(2);
    assertThat(lag.totalTime(TimeUnit.SECONDS)).isEqualTo(40);
    assertThat(lag.max(TimeUnit.SECONDS)).isEqualTo(30);
  }

  @Test
  void aRefusedPromotionIsCountedAndTimesNothing() {
    var medallion = new MeteredMedallion((plan, audit) -> outcome(plan, PromotionOutcome.REFUSED), meters, clock);

    medallion.promote(plan(file("a", NOW.minusSeconds(30))), new PromotionAudit(0.01)).toCompletableFuture().join();

    assertThat(promotions("bars", "refused")).isEqualTo(1);
    assertThat(promotions("bars", "published")).isZero();
    assertThat(meters.get("strata.warehouse.promotion.lag").timer().count()).isZero();
  }

  @Test
  void aPromotionIsCountedWhenItCompletesNotWhenItStarts() {
    var promoted = new CompletableFuture<PromotionOutcome>();
    var medallion = new MeteredMedallion((plan, audit) -> promoted, meters, clock);

    var counted = medallion.promote(plan(file("a", NOW.minusSeconds(30))), new PromotionAudit(0.01));
    assertThat(promotions("bars", "published")).isZero();

    promoted.complete(outcome(plan(file("a", NOW.minusSeconds(30))), PromotionOutcome.PUBLISHED).toCompletableFuture().join());
    counted.toCompletableFuture().join();
    assertThat(promotions("bars", "published")).isEqualTo(1);
    assertThat(meters.get("strata.warehouse.promotion.lag").timer().count()).isEqualTo(1);
  }

  private double promotions(String kind, String outcome) {
    return meters.get("strata.warehouse.promotions").tags("kind", kind, "outcome", outcome).counter().count();
  }

  private static PromotionPlan plan(FileIngestion... files) {
    return new PromotionPlan("p1", "test", BARS, List.of(files));
  }

  private static FileIngestion file(String id, Instant receivedAt) {
    return new FileIngestion("run", id, DatasetIdentity.bars("producer", "1d", "AAPL"), null, null, 1, "sha", "p", receivedAt,
        FileIngestion.BRONZE);
  }

  private static CompletionStage<PromotionOutcome> outcome(PromotionPlan plan, String status) {
    return CompletableFuture.completedFuture(new PromotionOutcome(plan.promotionId(), plan.kind(), plan.dataset().identity(), status,
        plan.files().size(), 0, 0, 0, List.of()));
  }
}
