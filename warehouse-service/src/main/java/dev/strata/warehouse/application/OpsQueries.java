package dev.strata.warehouse.application;

import dev.strata.warehouse.domain.ledger.LayerSizes;
import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import dev.strata.warehouse.domain.ledger.FileLedger;
import dev.strata.warehouse.domain.ledger.RunOverview;
import dev.strata.warehouse.domain.ledger.RunOverviews;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.Executor;

/** Read models of the operations UI: ingest runs and the file ledger. */
public class OpsQueries {

  public static final int MAX_LIMIT = 1000;

  private final RunOverviews runs;
  private final FileLedger ledger;
  private final LayerSizes.Count layers;
  private final Executor blocking;

  public OpsQueries(RunOverviews runs, FileLedger ledger, LayerSizes.Count layers, Executor blocking) {
    this.runs = runs;
    this.ledger = ledger;
    this.layers = layers;
    this.blocking = blocking;
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
