package dev.strata.warehouse.application;

import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.contract.DatasetIdentity;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import dev.strata.kernel.value.SafeName;
import dev.strata.warehouse.domain.ledger.FileIngestion;
import dev.strata.warehouse.domain.ledger.FileLedger;
import io.smallrye.mutiny.Uni;
import java.time.Clock;

/**
 * {@code dataset.ingested}: records the bronze file in the ledger (a MERGE, so a redelivery
 * changes nothing) and promotes what became promotable. The message is acked only after both.
 */
public class RecordDatasetIngestion {

  private final FileLedger ledger;
  private final PromoteDatasets promote;
  private final Clock clock;

  public RecordDatasetIngestion(FileLedger ledger, PromoteDatasets promote, Clock clock) {
    this.ledger = ledger;
    this.promote = promote;
    this.clock = clock;
  }

  public Uni<Void> run(Envelope<DatasetIngested> envelope) {
    return Async.uni(() -> ledger.record(entry(envelope.payload())))
        .chain(() -> promote.afterIngest("dataset.ingested"))
        .replaceWithVoid();
  }

  private FileIngestion entry(DatasetIngested event) {
    DatasetIdentity id = event.dataset();
    SafeName.IDENTIFIER.require(id.domain());
    SafeName.IDENTIFIER.require(id.source());
    SafeName.IDENTIFIER.require(id.dataset());
    // the discriminator is a bar frame for bars, a plain identifier for other datasets
    if (id.discriminator() != null && !SafeName.FRAME.accepts(id.discriminator())) {
      SafeName.IDENTIFIER.require(id.discriminator());
    }
    if (id.ticker() != null) {
      SafeName.SYMBOL.require(id.ticker());
    }
    return new FileIngestion(event.runId(), event.fileId(), id, event.coverageFrom(), event.coverageTo(),
        event.rowCount(), event.sha256(), event.path(), clock.instant(), FileIngestion.BRONZE);
  }
}
