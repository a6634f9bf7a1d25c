package dev.strata.warehouse.domain.ledger;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Rows per table of the published layers: what an operator checks after a promotion. */
public record LayerSizes(Map<String, Long> silver, Map<String, Long> gold) {

  public LayerSizes {
    silver = Map.copyOf(silver);
    gold = Map.copyOf(gold);
  }

  /** Port: counts the rows of every silver and gold table. */
  @FunctionalInterface
  public interface Count {
    CompletionStage<LayerSizes> now();
  }
}
