package dev.strata.warehouse.domain.promotion;

import dev.strata.kernel.messaging.contract.DatasetKind;
import dev.strata.warehouse.domain.keymap.KeymapEntry;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import dev.strata.warehouse.domain.ledger.Watermark;
import java.util.List;

/**
 * One write-audit-publish unit: the promotable bronze files of one dataset of the keymap, promoted
 * into its layout on its key columns.
 */
public record PromotionPlan(String promotionId, String trigger, KeymapEntry dataset, List<FileIngestion> files) {

  public PromotionPlan {
    files = List.copyOf(files);
  }

  /** The layout the files are promoted into. */
  public DatasetKind kind() {
    return dataset.promotion().into();
  }

  /** The input watermarks, serialized, as the promotion records them. */
  public String inputWatermarks() {
    return Watermark.serializeAll(Watermark.spanning(files));
  }
}
