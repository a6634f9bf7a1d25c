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

/**
 * Promotes the promotable bronze files as the dataset keymap says: each file belongs to the keymap
 * dataset that matches its identity, and each dataset is one write-audit-publish unit into its
 * layout, on its key columns, judged with its row-loss limit. A file no dataset matches is rejected
 * with that reason (a retry takes it once the keymap maps it). After an ingestion only the datasets
 * promoted on ingest are; {@link #run} promotes every dataset. The ledger's answers, the rejections and the
 * datasets' promotions follow one another in that order, each promotion one writer transaction of the medallion.
 */
public class PromoteDatasets {

  private final FileLedger ledger;
  private final Medallion medallion;
  private final Keymap keymap;
  private final double defaultMaxRowLoss;

  public PromoteDatasets(FileLedger ledger, Medallion medallion, Keymap keymap, double defaultMaxRowLoss) {
    this.ledger = ledger;
    this.medallion = medallion;
    this.keymap = keymap;
    this.defaultMaxRowLoss = defaultMaxRowLoss;
  }

  /** Every promotable file of every dataset, whatever its trigger. */
  public Uni<List<PromotionOutcome>> run(String trigger) {
    return promote(trigger, Optional.empty());
  }

  /** After a bronze file landed: the datasets promoted on ingest. */
  Uni<List<PromotionOutcome>> afterIngest(String trigger) {
    return promote(trigger, Optional.of(Trigger.ON_INGEST));
  }

  private Uni<List<PromotionOutcome>> promote(String trigger, Optional<Trigger> only) {
    return Async.uni(ledger::promotable).chain(promotable -> {
      Map<KeymapEntry, List<FileIngestion>> byDataset = new LinkedHashMap<>();
      List<FileIngestion> unmapped = new ArrayList<>();
      for (FileIngestion file : promotable) {
        Optional<KeymapEntry> dataset = keymap.find(file.identity());
        if (dataset.isEmpty()) {
          unmapped.add(file);
        } else if (only.isEmpty() || only.get() == dataset.get().promotion().trigger()) {
          byDataset.computeIfAbsent(dataset.get(), d -> new ArrayList<>()).add(file);
        }
      }
      return Async.inTurn(unmapped, file -> Async.uni(() -> ledger.reject(file, Keymap.unmapped(file.identity()))))
          .chain(() -> Async.inTurn(List.copyOf(byDataset.entrySet()), unit -> Async.uni(() -> medallion.promote(
              new PromotionPlan(UUID.randomUUID().toString(), trigger, unit.getKey(), unit.getValue()),
              new PromotionAudit(unit.getKey().promotion().maxRowLoss(defaultMaxRowLoss))))));
    });
  }
}
