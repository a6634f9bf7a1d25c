package dev.strata.warehouse.application;

import dev.strata.warehouse.domain.ledger.LayerSizes;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import dev.strata.warehouse.domain.ledger.FileLedger;
import dev.strata.warehouse.domain.ledger.LayerWatermark;
import dev.strata.warehouse.domain.ledger.PromotionHistory;
import dev.strata.warehouse.domain.ledger.PromotionRun;
import dev.strata.warehouse.domain.ledger.RunOverview;
import dev.strata.warehouse.domain.ledger.RunOverviews;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;

/** Read models of the operations UI: ingest runs, the file ledger, promotions and watermarks. */
public class OpsQueries {

  public static final int MAX_LIMIT = 1000;

  private final RunOverviews runs;
  private final FileLedger ledger;
  private final LayerSizes.Count layers;
  private final PromotionHistory history;
  private final Executor blocking;

  public OpsQueries(RunOverviews runs, FileLedger ledger, LayerSizes.Count layers, PromotionHistory history, Executor blocking) {
    this.runs = runs;
    this.ledger = ledger;
    this.layers = layers;
    this.history = history;
    this.blocking = blocking;
  }

  /** The runs that started on {@code day} (UTC). */
  public Uni<List<RunOverview>> runsOn(LocalDate day, int limit) {
    return Uni.createFrom().item(() -> runs.on(day, Math.clamp(limit, 1, MAX_LIMIT))).runSubscriptionOn(blocking);
  }

  /** The days runs started on, latest first: the first is the latest. */
  public Uni<List<LocalDate>> runDays(int limit) {
    return Uni.createFrom().item(() -> runs.days(Math.clamp(limit, 1, MAX_LIMIT))).runSubscriptionOn(blocking);
  }

  public Uni<List<PromotionRun>> promotions(int limit) {
    return Uni.createFrom().item(() -> history.promotions(Math.clamp(limit, 1, MAX_LIMIT))).runSubscriptionOn(blocking);
  }

  public Uni<List<LayerWatermark>> watermarks() {
    return Uni.createFrom().item(history::watermarks).runSubscriptionOn(blocking);
  }

  public Uni<LayerSizes> layers() {
    return Uni.createFrom().item(layers::now).runSubscriptionOn(blocking);
  }

  public Uni<List<RunOverview>> runs(int limit) {
    return Uni.createFrom().item(() -> runs.list(Math.clamp(limit, 1, MAX_LIMIT))).runSubscriptionOn(blocking);
  }

  public Uni<RunOverview> run(String runId) {
    // run ids are ingest job ids, which name lake files: anything else cannot exist
    SafeName.FILE_NAME.require(runId);
    return Uni.createFrom().item(() -> runs.find(runId)
        .orElseThrow(() -> new DomainException.NotFound("no ingest run " + runId))).runSubscriptionOn(blocking);
  }

  public Uni<List<FileIngestion>> fileIngestions(int limit) {
    return Uni.createFrom().item(() -> ledger.recent(Math.clamp(limit, 1, MAX_LIMIT))).runSubscriptionOn(blocking);
  }
}
