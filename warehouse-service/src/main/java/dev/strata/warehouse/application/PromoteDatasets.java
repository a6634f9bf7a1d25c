package dev.strata.warehouse.application;

import dev.strata.warehouse.domain.keymap.Keymap;
import dev.strata.warehouse.domain.keymap.KeymapEntry;
import dev.strata.warehouse.domain.keymap.PromotionRule.Trigger;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import dev.strata.warehouse.domain.ledger.FileLedger;
import dev.strata.warehouse.domain.promotion.Medallion;
import dev.strata.warehouse.domain.promotion.PromotionAudit;
import dev.strata.warehouse.domain.promotion.PromotionOutcome;
import dev.strata.warehouse.domain.promotion.PromotionPlan;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Promotes the promotable bronze files as the dataset keymap says: each file belongs to the keymap
 * dataset that matches its identity, and each dataset is one write-audit-publish unit into its
 * layout, on its key columns, judged with its row-loss limit. A file no dataset matches is rejected
 * with that reason (a retry takes it once the keymap maps it). After an ingestion only the datasets
 * promoted on ingest are; {@link #run} promotes every dataset.
 */
public class PromoteDatasets {

  private final FileLedger ledger;
  private final Medallion medallion;
  private final Keymap keymap;
  private final double defaultMaxRowLoss;
  private final Executor blocking;

  public PromoteDatasets(FileLedger ledger, Medallion medallion, Keymap keymap, double defaultMaxRowLoss, Executor blocking) {
    this.ledger = ledger;
    this.medallion = medallion;
    this.keymap = keymap;
    this.defaultMaxRowLoss = defaultMaxRowLoss;
    this.blocking = blocking;
  }

  /** Every promotable file of every dataset, whatever its trigger. */
  public Uni<List<PromotionOutcome>> run(String trigger) {
    return Uni.createFrom().item(() -> promote(trigger, Optional.empty())).runSubscriptionOn(blocking);
  }

  /** After a bronze file landed, on the calling (worker) thread: the datasets promoted on ingest. */
  List<PromotionOutcome> afterIngest(String trigger) {
    return promote(trigger, Optional.of(Trigger.ON_INGEST));
  }

  private List<PromotionOutcome> promote(String trigger, Optional<Trigger> only) {
    Map<KeymapEntry, List<FileIngestion>> byDataset = new LinkedHashMap<>();
    for (FileIngestion file : ledger.promotable()) {
      Optional<KeymapEntry> dataset = keymap.find(file.identity());
      if (dataset.isEmpty()) {
        ledger.reject(file, Keymap.unmapped(file.identity()));
      } else if (only.isEmpty() || only.get() == dataset.get().promotion().trigger()) {
        byDataset.computeIfAbsent(dataset.get(), d -> new ArrayList<>()).add(file);
      }
    }
    List<PromotionOutcome> outcomes = new ArrayList<>();
    byDataset.forEach((dataset, files) -> outcomes.add(medallion.promote(
        new PromotionPlan(UUID.randomUUID().toString(), trigger, dataset, files),
        new PromotionAudit(dataset.promotion().maxRowLoss(defaultMaxRowLoss)))));
    return outcomes;
  }
}
