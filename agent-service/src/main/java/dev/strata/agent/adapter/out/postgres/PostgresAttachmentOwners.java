package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.attachment.AttachmentOwner;
import dev.strata.agent.domain.attachment.AttachmentOwners;
import io.quarkus.hibernate.reactive.panache.Panache;
import java.util.concurrent.CompletionStage;

/** {@link AttachmentOwners} on {@code agent.sessions} and {@code agent.executions}. */
public class PostgresAttachmentOwners implements AttachmentOwners {

  @Override
  public CompletionStage<Boolean> exists(AttachmentOwner owner) {
    String entity = owner.kind() == AttachmentOwner.Kind.SESSION ? "SessionEntity" : "ExecutionEntity";
    return Panache.getSession().chain(s -> s.createSelectionQuery("select count(*) from " + entity + " o where o.id = :id", Long.class)
        .setParameter("id", owner.id()).getSingleResult()).map(count -> count > 0).subscribeAsCompletionStage();
  }
}
