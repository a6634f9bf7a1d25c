package dev.strata.warehouse.application;

import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import dev.strata.warehouse.domain.keymap.Keymap;
import dev.strata.warehouse.domain.ledger.FileLedger;
import dev.strata.warehouse.domain.promotion.PromotionOutcome;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * Gives a rejected bronze file another promotion (after its cause was fixed: the file restored, the audit
 * limit changed, the keymap made to map its dataset): back to bronze with its reason cleared, then a promotion runs.
 * Only a rejected file of a dataset the keymap maps may.
 */
public class RetryRejectedFile {

  private final FileLedger ledger;
  private final Keymap keymap;
  private final PromoteDatasets promote;

  public RetryRejectedFile(FileLedger ledger, Keymap keymap, PromoteDatasets promote) {
    this.ledger = ledger;
    this.keymap = keymap;
    this.promote = promote;
  }

  /** The outcomes of the promotion that took the file in again. */
  public Uni<List<PromotionOutcome>> run(String runId, String fileId) {
    // run and file ids are ingest job ids, which name lake files: anything else cannot exist
    SafeName.FILE_NAME.require(runId);
    SafeName.FILE_NAME.require(fileId);
    return Async.uni(() -> ledger.find(runId, fileId))
        // another try could only reject it again
        .invoke(found -> found.ifPresent(file -> keymap.require(file.identity())))
        .chain(() -> Async.uni(() -> ledger.requeue(runId, fileId)))
        .chain(requeued -> switch (requeued) {
          case REQUEUED -> promote.run("retry " + runId + "/" + fileId);
          case NOT_REJECTED -> Uni.createFrom().failure(
              new DomainException.Conflict("file " + runId + "/" + fileId + " is not rejected; only a rejected file is retried"));
          case UNKNOWN -> Uni.createFrom().failure(new DomainException.NotFound("no file " + runId + "/" + fileId + " in the ledger"));
        });
  }
}
