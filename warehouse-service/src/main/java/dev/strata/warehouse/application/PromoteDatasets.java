package dev.strata.warehouse.application;

import dev.strata.kernel.messaging.contract.DatasetKind;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import dev.strata.warehouse.domain.ledger.FileLedger;
import dev.strata.warehouse.domain.promotion.Medallion;
import dev.strata.warehouse.domain.promotion.PromotionAudit;
import dev.strata.warehouse.domain.promotion.PromotionOutcome;
import dev.strata.warehouse.domain.promotion.PromotionPlan;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;

/**
 * Promotes every promotable bronze file, one write-audit-publish unit per dataset kind. Files of
 * datasets the warehouse does not know stay in the ledger as bronze.
 */
public class PromoteDatasets {

  private final FileLedger ledger;
  private final Medallion medallion;
  private final PromotionAudit audit;
  private final Executor blocking;

  public PromoteDatasets(FileLedger ledger, Medallion medallion, PromotionAudit audit, Executor blocking) {
    this.ledger = ledger;
    this.medallion = medallion;
    this.audit = audit;
    this.blocking = blocking;
  }

  public Uni<List<PromotionOutcome>> run(String trigger) {
    return Uni.createFrom().item(() -> promoteNow(trigger)).runSubscriptionOn(blocking);
  }

  /** The promotion itself, on the calling (worker) thread. */
  List<PromotionOutcome> promoteNow(String trigger) {
    Map<DatasetKind, List<FileIngestion>> byKind = new EnumMap<>(DatasetKind.class);
    for (FileIngestion file : ledger.promotable()) {
      file.identity().kind().ifPresent(kind -> byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(file));
    }
    List<PromotionOutcome> outcomes = new ArrayList<>();
    byKind.forEach((kind, files) ->
        outcomes.add(medallion.promote(new PromotionPlan(UUID.randomUUID().toString(), trigger, kind, files), audit)));
    return outcomes;
  }
}
