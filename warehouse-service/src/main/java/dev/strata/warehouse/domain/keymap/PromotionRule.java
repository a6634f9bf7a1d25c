package dev.strata.warehouse.domain.keymap;

import dev.strata.kernel.messaging.contract.DatasetKind;
import java.util.OptionalDouble;

/**
 * How a dataset of the keymap is promoted ({@code promotion:} of its entry).
 *
 * @param into the layout its rows go to: {@code bars} (silver.bars → gold.bars) or {@code usage}
 *     (silver.usage → gold.usage_daily)
 * @param trigger {@link Trigger#ON_INGEST}: each {@code dataset.ingested} promotes it at once;
 *     {@link Trigger#MANUAL}: it waits in bronze for {@code POST /promotions}
 * @param maxRowLoss the audit's row-loss limit for this dataset; empty: the warehouse's default
 */
public record PromotionRule(DatasetKind into, Trigger trigger, OptionalDouble maxRowLoss) {

  /** When a dataset's bronze files are promoted. */
  public enum Trigger {
    ON_INGEST, MANUAL
  }

  /** The row-loss limit this dataset's audit uses. */
  public double maxRowLoss(double byDefault) {
    return maxRowLoss.orElse(byDefault);
  }
}
