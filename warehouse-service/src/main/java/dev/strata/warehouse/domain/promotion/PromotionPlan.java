package dev.strata.warehouse.domain.promotion;

import dev.strata.kernel.messaging.contract.DatasetKind;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import dev.strata.warehouse.domain.ledger.Watermark;
import java.util.List;

/** One write-audit-publish unit: the promotable bronze files of one dataset kind. */
public record PromotionPlan(String promotionId, String trigger, DatasetKind kind, List<FileIngestion> files) {

  public PromotionPlan {
    files = List.copyOf(files);
  }

  /** The input watermarks, serialized, as the promotion records them. */
  public String inputWatermarks() {
    return Watermark.serializeAll(Watermark.spanning(files));
  }
}
