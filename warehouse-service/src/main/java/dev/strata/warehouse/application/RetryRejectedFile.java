package dev.strata.warehouse.application;

import dev.strata.kernel.error.DomainException;
import dev.strata.kernel.value.SafeName;
import dev.strata.warehouse.domain.keymap.Keymap;
import dev.strata.warehouse.domain.ledger.FileLedger;
import dev.strata.warehouse.domain.promotion.PromotionOutcome;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Gives a rejected bronze file another promotion (after its cause was fixed: the file restored, the audit
 * limit changed, the keymap made to map its dataset): back to bronze with its reason cleared, then a promotion runs.
 * Only a rejected file of a dataset the keymap maps may.
 */
public class RetryRejectedFile {

  private final FileLedger ledger;
  private final Keymap keymap;
  private final PromoteDatasets promote;
  private final Executor blocking;

  public RetryRejectedFile(FileLedger ledger, Keymap keymap, PromoteDatasets promote, Executor blocking) {
    this.ledger = ledger;
    this.keymap = keymap;
    this.promote = promote;
    this.blocking = blocking;
  }

  /** The outcomes of the promotion that took the file in again. */
  public Uni<List<PromotionOutcome>> run(String runId, String fileId) {
    // run and file ids are ingest job ids, which name lake files: anything else cannot exist
    SafeName.FILE_NAME.require(runId);
    SafeName.FILE_NAME.require(fileId);
    return Uni.createFrom().item(() -> {
      // another try could only reject it again
      ledger.find(runId, fileId).ifPresent(file -> keymap.require(file.identity()));
      return ledger.requeue(runId, fileId);
    }).runSubscriptionOn(blocking)
        .chain(requeued -> switch (requeued) {
          case REQUEUED -> promote.run("retry " + runId + "/" + fileId);
          case NOT_REJECTED -> Uni.createFrom().failure(
              new DomainException.Conflict("file " + runId + "/" + fileId + " is not rejected; only a rejected file is retried"));
          case UNKNOWN -> Uni.createFrom().failure(new DomainException.NotFound("no file " + runId + "/" + fileId + " in the ledger"));
        });
  }
}
