package dev.strata.scoring.domain.scoring;

import dev.strata.scoring.domain.model.ModelCard;

/** Where shadow comparisons go (they are measured, never returned to the caller). */
public interface ShadowMetrics {

  void compared(ShadowComparison comparison);

  /** The challenger could not score rows the champion scored; the caller's answer is unaffected. */
  void failed(ModelCard challenger);
}
