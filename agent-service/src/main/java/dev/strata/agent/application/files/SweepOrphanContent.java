package dev.strata.agent.application.files;

import dev.strata.agent.application.Async;
import dev.strata.agent.domain.attachment.Attachments;
import dev.strata.agent.domain.attachment.FileStore;
import dev.strata.agent.domain.shared.UnitOfWork;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.CompletableFuture;

/**
 * Deletes blobs that no attachment row references any more: deleting a session or an execution
 * removes its attachment rows in the database ({@code ON DELETE CASCADE}), not their files. Each
 * blob is checked and deleted under its content lock, like {@link RemoveAttachment}, so a
 * concurrent upload of the same bytes either committed its row first (the blob stays) or finds
 * the blob gone and stores it again.
 */
public final class SweepOrphanContent {

  private final Attachments attachments;
  private final FileStore files;
  private final UnitOfWork unitOfWork;

  public SweepOrphanContent(Attachments attachments, FileStore files, UnitOfWork unitOfWork) {
    this.attachments = attachments;
    this.files = files;
    this.unitOfWork = unitOfWork;
  }

  /** How many blobs were deleted. */
  public Uni<Integer> run() {
    return Async.uni(files::digests)
        .onItem().transformToMulti(digests -> Multi.createFrom().iterable(digests))
        .onItem().transformToUniAndConcatenate(this::deleteIfOrphan)
        .collect().with(java.util.stream.Collectors.summingInt(deleted -> deleted ? 1 : 0));
  }

  /** Deletes the blob of {@code sha256} when no attachment row references it; whether it did. */
  public Uni<Boolean> deleteIfOrphan(String sha256) {
    return Async.uni(() -> unitOfWork.write(() -> attachments.lockContent(sha256)
        .thenCompose(locked -> attachments.countWithContent(sha256))
        .thenCompose(rows -> rows > 0 ? CompletableFuture.completedFuture(false) : files.delete(sha256).thenApply(deleted -> true))));
  }
}
