package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.settings.FilesConfig;
import dev.strata.support.problem.BodyLimit;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Pattern;

/**
 * Two body limits on one server, enforced by service-support's {@code OversizedBodies}: uploads may be
 * as large as {@code agent.files.max-size} (the file store also counts while streaming), every other
 * body at most {@code agent.http.max-body-size}. {@code quarkus.http.limits.max-body-size} stays the outer
 * bound.
 */
@ApplicationScoped
public class AgentBodyLimit implements BodyLimit {

  private static final Pattern UPLOAD = Pattern.compile("/(sessions|executions)/[^/]+/attachments/?");

  private final long uploadLimit;
  private final long bodyLimit;

  AgentBodyLimit(FilesConfig config) {
    this.uploadLimit = config.files().maxSize().asLongValue();
    this.bodyLimit = config.http().maxBodySize().asLongValue();
  }

  @Override
  public long bytesFor(HttpServerRequest request) {
    return isUpload(request) ? uploadLimit : bodyLimit;
  }

  @Override
  public boolean countedWhileStreaming(HttpServerRequest request) {
    return isUpload(request);
  }

  private static boolean isUpload(HttpServerRequest request) {
    return request.method() == HttpMethod.POST && UPLOAD.matcher(request.path()).matches();
  }
}
