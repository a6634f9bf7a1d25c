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

/** Read models of the operations UI: ingest runs, the file ledger, promotions and watermarks. */
public class OpsQueries {

  public static final int MAX_LIMIT = 1000;

  private final RunOverviews runs;
  private final FileLedger ledger;
  private final LayerSizes.Count layers;
  private final PromotionHistory history;

  public OpsQueries(RunOverviews runs, FileLedger ledger, LayerSizes.Count layers, PromotionHistory history) {
    this.runs = runs;
    this.ledger = ledger;
    this.layers = layers;
    this.history = history;
  }

  /** The runs that started on {@code day} (UTC). */
  public Uni<List<RunOverview>> runsOn(LocalDate day, int limit) {
    return Async.uni(() -> runs.on(day, Math.clamp(limit, 1, MAX_LIMIT)));
  }

  /** The days runs started on, latest first: the first is the latest. */
  public Uni<List<LocalDate>> runDays(int limit) {
    return Async.uni(() -> runs.days(Math.clamp(limit, 1, MAX_LIMIT)));
  }

  public Uni<List<PromotionRun>> promotions(int limit) {
    return Async.uni(() -> history.promotions(Math.clamp(limit, 1, MAX_LIMIT)));
  }

  public Uni<List<LayerWatermark>> watermarks() {
    return Async.uni(history::watermarks);
  }

  public Uni<LayerSizes> layers() {
    return Async.uni(layers::now);
  }

  public Uni<List<RunOverview>> runs(int limit) {
    return Async.uni(() -> runs.list(Math.clamp(limit, 1, MAX_LIMIT)));
  }

  public Uni<RunOverview> run(String runId) {
    // run ids are ingest job ids, which name lake files: anything else cannot exist
    SafeName.FILE_NAME.require(runId);
    return Async.uni(() -> runs.find(runId))
        .map(found -> found.orElseThrow(() -> new DomainException.NotFound("no ingest run " + runId)));
  }

  public Uni<List<FileIngestion>> fileIngestions(int limit) {
    return Async.uni(() -> ledger.recent(Math.clamp(limit, 1, MAX_LIMIT)));
  }
}
