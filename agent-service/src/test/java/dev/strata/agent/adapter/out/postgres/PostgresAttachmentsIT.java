package dev.strata.agent.adapter.out.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.agent.domain.agent.Agent;
import dev.strata.agent.domain.agent.AgentStatus;
import dev.strata.agent.domain.agent.Agents;
import dev.strata.agent.domain.attachment.Attachment;
import dev.strata.agent.domain.attachment.AttachmentOwner;
import dev.strata.agent.domain.attachment.AttachmentOwners;
import dev.strata.agent.domain.attachment.Attachments;
import dev.strata.agent.domain.session.Session;
import dev.strata.agent.domain.session.Sessions;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.kernel.error.DomainException;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Every operation of {@link PostgresAttachments} and {@link PostgresAttachmentOwners} on the real Postgres. */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class PostgresAttachmentsIT {

  @Inject Attachments attachments;
  @Inject AttachmentOwners owners;
  @Inject Agents agents;
  @Inject Sessions sessions;
  @Inject UnitOfWork unitOfWork;
  @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl;
  @ConfigProperty(name = "quarkus.datasource.username") String user;
  @ConfigProperty(name = "quarkus.datasource.password") String password;

  private <T> T await(Supplier<CompletionStage<T>> work) throws Throwable {
    return VertxContextSupport.subscribeAndAwait(() -> Uni.createFrom().completionStage(work));
  }

  private UUID session() throws Throwable {
    Agent agent = Agent.create("Attachments", "attachments", "m", "", Map.of(), AgentStatus.active, Instant.now());
    await(() -> unitOfWork.write(() -> agents.create(agent)));
    Session session = Session.create(agent.id(), null, "test-admin", "files", Map.of(), Instant.now());
    await(() -> unitOfWork.write(() -> sessions.create(session)));
    return session.id();
  }

  private static Attachment attachment(AttachmentOwner owner, String name, String sha) {
    return new Attachment(UUID.randomUUID(), owner, name, "text/plain", 3, sha, Instant.now());
  }

  private static String sha(char c) {
    return String.valueOf(c).repeat(64);
  }

  @Test
  void rowsAreAddedReadPagedOldestFirstCountedByContentAndRemoved() throws Throwable {
    var owner = AttachmentOwner.session(session());
    String sha = UUID.randomUUID().toString().replace("-", "").repeat(2);
    Attachment first = attachment(owner, "first.txt", sha);
    Attachment second = new Attachment(UUID.randomUUID(), owner, "second.txt", "text/plain", 3, sha, first.createdAt().plusSeconds(1));
    await(() -> unitOfWork.write(() -> attachments.add(first)));
    await(() -> unitOfWork.write(() -> attachments.add(second)));

    assertThat(await(() -> unitOfWork.read(() -> attachments.get(first.id())))).hasValueSatisfying(found -> {
      assertThat(found.owner()).isEqualTo(owner);
      assertThat(found.sha256()).isEqualTo(sha);
      assertThat(found.fileName()).isEqualTo("first.txt");
    });
    var page = await(() -> unitOfWork.read(() -> attachments.of(owner, 1, 10)));
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.items()).extracting(Attachment::fileName).containsExactly("second.txt");
    assertThat(await(() -> unitOfWork.read(() -> attachments.countWithContent(sha)))).isEqualTo(2);

    assertThat(await(() -> unitOfWork.write(() -> attachments.remove(first.id())))).isTrue();
    assertThat(await(() -> unitOfWork.write(() -> attachments.remove(first.id())))).isFalse();
    assertThat(await(() -> unitOfWork.read(() -> attachments.countWithContent(sha)))).isEqualTo(1);
    assertThat(await(() -> unitOfWork.read(() -> attachments.get(first.id())))).isEmpty();
  }

  @Test
  void anAttachmentOfAMissingOwnerIsAConflictAndOwnersAreLookedUpByKind() throws Throwable {
    UUID session = session();
    assertThat(await(() -> unitOfWork.read(() -> owners.exists(AttachmentOwner.session(session))))).isTrue();
    assertThat(await(() -> unitOfWork.read(() -> owners.exists(AttachmentOwner.execution(session))))).isFalse();
    assertThat(await(() -> unitOfWork.read(() -> owners.exists(AttachmentOwner.session(UUID.randomUUID()))))).isFalse();
    assertThatThrownBy(() -> await(() -> unitOfWork.write(() -> attachments.add(attachment(AttachmentOwner.session(UUID.randomUUID()), "x", sha('a'))))))
        .isInstanceOf(DomainException.Conflict.class);
  }

  @Test
  void theContentLockIsHeldUntilTheTransactionEnds() throws Throwable {
    String sha = "5ab" + "0".repeat(61);
    long key = Long.parseUnsignedLong(sha.substring(0, 16), 16);
    CompletableFuture<Void> release = new CompletableFuture<>();
    CompletableFuture<Void> locked = new CompletableFuture<>();
    // one transaction takes the lock and stays open until released (awaited on a thread of its own)
    CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
      try {
        await(() -> unitOfWork.write(() -> attachments.lockContent(sha).thenCompose(x -> {
          locked.complete(null);
          // the transaction must go on on its own Vert.x context, not on the test thread that releases it:
          // `back` is what the transaction waits for, and only the context completes it (a thenCompose on
          // `release` could be completed by the releasing thread itself, which then ran the commit)
          io.vertx.core.Context context = io.vertx.core.Vertx.currentContext();
          CompletableFuture<Void> back = new CompletableFuture<>();
          release.whenComplete((released, failure) -> context.runOnContext(ignored -> back.complete(null)));
          return back;
        })));
      } catch (Throwable e) {
        locked.completeExceptionally(e);
        throw new java.util.concurrent.CompletionException(e);
      }
    });
    locked.get();
    try (Connection other = DriverManager.getConnection(jdbcUrl, user, password)) {
      assertThat(tryLock(other, key)).isFalse();
      release.complete(null);
      holder.get();
      assertThat(tryLock(other, key)).isTrue();
    }
  }

  private static boolean tryLock(Connection connection, long key) throws SQLException {
    try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
      statement.setLong(1, key);
      try (var result = statement.executeQuery()) {
        result.next();
        boolean got = result.getBoolean(1);
        if (got) {
          try (var unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            unlock.setLong(1, key);
            unlock.execute();
          }
        }
        return got;
      }
    }
  }
}
