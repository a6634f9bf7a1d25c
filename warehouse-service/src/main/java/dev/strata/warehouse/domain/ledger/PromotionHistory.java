package dev.strata.warehouse.domain.ledger;

import java.util.List;

/** What promotion did and how far each layer got ({@code ops.promotions}, {@code ops.watermarks}). */
public interface PromotionHistory {

  /** Promotions, newest first. */
  List<PromotionRun> promotions(int limit);

  /** Every layer's watermark per identity, by layer then identity. */
  List<LayerWatermark> watermarks();
}
