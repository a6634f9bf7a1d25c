package dev.strata.warehouse.domain.ledger;

import java.util.List;
import java.util.concurrent.CompletionStage;

/** What promotion did and how far each layer got ({@code ops.promotions}, {@code ops.watermarks}). */
public interface PromotionHistory {

  /** Promotions, newest first. */
  CompletionStage<List<PromotionRun>> promotions(int limit);

  /** Every layer's watermark per identity, by layer then identity. */
  CompletionStage<List<LayerWatermark>> watermarks();
}
