package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.application.files.AttachFile;
import dev.strata.agent.domain.attachment.AttachmentOwner;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;

/**
 * The shared edge of {@code POST /sessions/{id}/attachments} and {@code POST /executions/{id}/attachments}.
 * Those methods are blocking (Quarkus REST streams an {@link InputStream} body only to a worker
 * thread) while the reactive database session lives on the request's Vert.x context, so the use
 * case is subscribed there; it reads the body on a worker itself ({@code BlockingWork}).
 */
final class Uploads {

  private Uploads() {}

  static Uni<Response> upload(AttachFile attach, AttachmentOwner owner, String name, String contentType, InputStream body) {
    Uni<Response> created = Uni.createFrom().deferred(() -> attach.run(owner, name, contentType, body))
        .map(saved -> Response.created(URI.create("/attachments/" + saved.id())).entity(AttachmentView.of(saved)).build());
    Context request = Vertx.currentContext();
    return request == null ? created : created.runSubscriptionOn(task -> request.runOnContext(ignored -> task.run()));
  }
}
