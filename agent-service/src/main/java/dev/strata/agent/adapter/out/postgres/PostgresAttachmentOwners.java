package dev.strata.agent.adapter.out.postgres;

import dev.strata.agent.domain.attachment.AttachmentOwner;
import dev.strata.agent.domain.attachment.AttachmentOwners;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.CompletionStage;

/** {@link AttachmentOwners} on {@code agent.sessions} and {@code agent.executions}. */
public class PostgresAttachmentOwners implements AttachmentOwners {

  @Override
  public CompletionStage<Boolean> exists(AttachmentOwner owner) {
    String table = owner.kind() == AttachmentOwner.Kind.SESSION ? "agent.sessions" : "agent.executions";
    return Sql.count("SELECT count(*) FROM " + table + " WHERE id = $1", Tuple.of(owner.id())).thenApply(count -> count > 0);
  }
}
