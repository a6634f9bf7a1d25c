package dev.strata.warehouse.domain.promotion;

import java.util.concurrent.CompletionStage;

/**
 * The layered store: stages a plan's bronze files for silver and gold, lets the audit judge the
 * staging and publishes it atomically, or publishes nothing and records why.
 */
public interface Medallion {

  CompletionStage<PromotionOutcome> promote(PromotionPlan plan, PromotionAudit audit);
}
