package dev.strata.agent.application.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.strata.agent.application.DirectUnitOfWork;
import dev.strata.agent.domain.attachment.Attachment;
import dev.strata.agent.domain.attachment.AttachmentOwner;
import dev.strata.agent.domain.attachment.Attachments;
import dev.strata.agent.domain.attachment.ContentTypes;
import dev.strata.agent.domain.attachment.FileStore;
import dev.strata.agent.domain.attachment.StoredContent;
import dev.strata.agent.domain.attachment.UnsupportedContentType;
import dev.strata.agent.domain.shared.Page;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.kernel.error.DomainException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The upload use case with in-memory ports: what is checked before reading, and what is cleaned up after a failure. */
class AttachFileTest {

  private final List<String> events = new ArrayList<>();
  private boolean ownerExists = true;
  private boolean rowRefused;

  private final UnitOfWork direct = new DirectUnitOfWork();

  /** The store's work waits for this gate (already open unless a test closes it). */
  private CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

  private final FileStore files = new FileStore() {
    @Override
    public CompletionStage<StoredContent> stage(InputStream content, long maxBytes) {
      return gate.thenApply(open -> {
        try (content) {
          byte[] bytes = content.readAllBytes();
          events.add("staged " + bytes.length);
          return new StoredContent("a".repeat(64), bytes.length, "token");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }

    @Override public CompletionStage<Void> keep(StoredContent staged) { return gate.thenRun(() -> events.add("kept")); }
    @Override public CompletionStage<Void> discard(StoredContent staged) { return gate.thenRun(() -> events.add("discarded")); }
    @Override public CompletionStage<InputStream> open(String sha256) { throw new UnsupportedOperationException(); }
    @Override public CompletionStage<Void> delete(String sha256) { return gate.thenRun(() -> events.add("deleted")); }
    @Override public CompletionStage<Boolean> exists(String sha256) { return CompletableFuture.completedFuture(false); }
    @Override public CompletionStage<List<String>> digests() { return CompletableFuture.completedFuture(List.of()); }
  };

  private final Attachments attachments = new Attachments() {
    @Override
    public CompletionStage<Attachment> add(Attachment attachment) {
      if (rowRefused) {
        return CompletableFuture.failedFuture(new DomainException.Conflict("owner vanished"));
      }
      events.add("row " + attachment.fileName());
      return CompletableFuture.completedFuture(attachment);
    }

    @Override
    public CompletionStage<Void> lockContent(String sha256) {
      events.add("locked");
      return CompletableFuture.completedFuture(null);
    }

    @Override public CompletionStage<Optional<Attachment>> get(UUID id) { throw new UnsupportedOperationException(); }
    @Override public CompletionStage<Page<Attachment>> of(AttachmentOwner owner, int offset, int limit) { throw new UnsupportedOperationException(); }
    @Override public CompletionStage<Boolean> remove(UUID id) { throw new UnsupportedOperationException(); }
    @Override public CompletionStage<Long> countWithContent(String sha256) { throw new UnsupportedOperationException(); }
  };

  private final AttachFile attach = new AttachFile(owner -> CompletableFuture.completedFuture(ownerExists), attachments, files, direct,
      new ContentTypes(List.of("text/plain")), 1_000, Clock.systemUTC());

  /** A body that records whether anyone read it. */
  private InputStream body() {
    return new ByteArrayInputStream(new byte[] {1, 2, 3}) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        events.add("body read");
        return super.read(b, off, len);
      }
    };
  }

  @Test
  void theRowIsWrittenUnderTheContentLockBeforeTheStagedCopyIsKept() {
    Attachment saved = attach.run(AttachmentOwner.session(UUID.randomUUID()), "a.txt", "text/plain", body()).await().indefinitely();
    assertThat(saved.sizeBytes()).isEqualTo(3);
    assertThat(events).filteredOn(e -> !e.equals("body read")).containsExactly("staged 3", "locked", "row a.txt", "kept");
  }

  @Test
  void aMissingOwnerABadNameOrABadTypeIsRefusedWithoutReadingTheBody() {
    ownerExists = false;
    var owner = AttachmentOwner.execution(UUID.randomUUID());
    assertThatThrownBy(() -> attach.run(owner, "a.txt", "text/plain", body()).await().indefinitely())
        .isInstanceOf(DomainException.NotFound.class);
    ownerExists = true;
    assertThatThrownBy(() -> attach.run(owner, "../a.txt", "text/plain", body()).await().indefinitely())
        .isInstanceOf(DomainException.Invalid.class);
    assertThatThrownBy(() -> attach.run(owner, "a.html", "text/html", body()).await().indefinitely())
        .isInstanceOf(UnsupportedContentType.class);
    assertThat(events).isEmpty();
  }

  @Test
  void aClientThatGoesAwayMidUploadStillLeavesARowAndBlobNotAStagingFile() {
    gate = new CompletableFuture<>();
    var subscription = attach.run(AttachmentOwner.session(UUID.randomUUID()), "a.txt", "text/plain", body()).subscribe()
        .with(saved -> events.add("answered"), failure -> events.add("failed"));
    subscription.cancel();
    gate.complete(null);
    assertThat(events).filteredOn(e -> !e.equals("body read")).containsExactly("staged 3", "locked", "row a.txt", "kept");
  }

  @Test
  void whenTheRowCannotBeWrittenTheStagedCopyIsDiscarded() {
    rowRefused = true;
    assertThatThrownBy(() -> attach.run(AttachmentOwner.session(UUID.randomUUID()), "a.txt", "text/plain", body()).await().indefinitely())
        .isInstanceOf(DomainException.Conflict.class);
    assertThat(events).filteredOn(e -> !e.equals("body read")).containsExactly("staged 3", "locked", "discarded");
  }
}
