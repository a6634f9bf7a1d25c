package dev.strata.warehouse.domain.promotion;

import java.util.ArrayList;
import java.util.List;

/**
 * The blocking checks of write-audit-publish: a promotion publishes only when none fails. Row
 * loss is measured between bronze and silver staging and between silver and gold staging.
 *
 * @param maxRowLoss the fraction of rows a layer may lose (0.01 = 1 %) before the audit fails
 */
public record PromotionAudit(double maxRowLoss) {

  public PromotionAudit {
    if (maxRowLoss < 0 || maxRowLoss >= 1) {
      throw new IllegalArgumentException("maxRowLoss must be in [0, 1): " + maxRowLoss);
    }
  }

  /** Why the staged data must not be published; empty when it may. */
  public List<String> failures(AuditMetrics metrics) {
    List<String> failures = new ArrayList<>();
    lossOver("bronze→silver", metrics.bronzeKeys(), metrics.silverStaged()).ifPresent(failures::add);
    lossOver("silver→gold", metrics.goldExpected(), metrics.goldStaged()).ifPresent(failures::add);
    if (metrics.nullKeys() > 0) {
      failures.add(metrics.nullKeys() + " staged rows have a null key");
    }
    if (metrics.duplicateKeys() > 0) {
      failures.add(metrics.duplicateKeys() + " staged rows duplicate a key");
    }
    if (metrics.ohlcViolations() > 0) {
      failures.add(metrics.ohlcViolations() + " bars violate OHLC consistency (low ≤ open, close ≤ high, volume ≥ 0)");
    }
    return failures;
  }

  private java.util.Optional<String> lossOver(String step, long in, long out) {
    if (in == 0 || out >= in) {
      return java.util.Optional.empty();
    }
    double loss = (double) (in - out) / in;
    return loss > maxRowLoss
        ? java.util.Optional.of(String.format("row loss %s %.2f %% exceeds %.2f %% (%d of %d rows)",
            step, loss * 100, maxRowLoss * 100, in - out, in))
        : java.util.Optional.empty();
  }
}
