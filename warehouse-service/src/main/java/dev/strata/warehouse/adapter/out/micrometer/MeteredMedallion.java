package dev.strata.warehouse.adapter.out.micrometer;

import dev.strata.kernel.messaging.contract.DatasetKind;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import dev.strata.warehouse.domain.promotion.Medallion;
import dev.strata.warehouse.domain.promotion.PromotionAudit;
import dev.strata.warehouse.domain.promotion.PromotionOutcome;
import dev.strata.warehouse.domain.promotion.PromotionPlan;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * Counts promotions by dataset kind and outcome ({@code strata.warehouse.promotions}: published, refused,
 * nothing) and times how long each published file waited from its announcement's arrival to gold
 * ({@code strata.warehouse.promotion.lag}). Every count exists at zero from the start, so a first refusal is an
 * increase Prometheus can see.
 */
public final class MeteredMedallion implements Medallion {

  private static final List<String> OUTCOMES = List.of(PromotionOutcome.PUBLISHED, PromotionOutcome.REFUSED, PromotionOutcome.NOTHING);

  private final Medallion medallion;
  private final MeterRegistry meters;
  private final Timer lag;
  private final Clock clock;

  public MeteredMedallion(Medallion medallion, MeterRegistry meters, Clock clock) {
    this.medallion = medallion;
    this.meters = meters;
    this.clock = clock;
    for (DatasetKind kind : DatasetKind.values()) {
      OUTCOMES.forEach(outcome -> meters.counter("strata.warehouse.promotions", "kind", tag(kind), "outcome", outcome));
    }
    this.lag = Timer.builder("strata.warehouse.promotion.lag")
        .description("From a file's announcement arriving to its promotion to gold").register(meters);
  }

  @Override
  public CompletionStage<PromotionOutcome> promote(PromotionPlan plan, PromotionAudit audit) {
    // the lag ends when the files are in gold: when the stage completes, not when promote returns
    return medallion.promote(plan, audit).thenApply(outcome -> counted(plan, outcome));
  }

  private PromotionOutcome counted(PromotionPlan plan, PromotionOutcome outcome) {
    meters.counter("strata.warehouse.promotions", "kind", tag(plan.kind()), "outcome", outcome.status()).increment();
    if (PromotionOutcome.PUBLISHED.equals(outcome.status())) {
      var now = clock.instant();
      for (FileIngestion file : plan.files()) {
        if (file.receivedAt() != null) {
          lag.record(Duration.between(file.receivedAt(), now));
        }
      }
    }
    return outcome;
  }

  private static String tag(DatasetKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }
}
