package dev.strata.agent.adapter.in.rest;

import dev.strata.agent.domain.attachment.ContentTooLarge;
import dev.strata.agent.domain.attachment.UnsupportedContentType;
import dev.strata.kernel.error.ProblemType;
import dev.strata.support.problem.ProblemResponses;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The upload refusals that have no {@code DomainException} kind: 413 and 415, as problem+json. */
public class AttachmentProblems {

  @ServerExceptionMapper
  public Response tooLarge(ContentTooLarge e) {
    // the rest of an oversized body is not read: close the connection after answering
    return Response.fromResponse(ProblemResponses.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage()))
        .header("Connection", "close").build();
  }

  @ServerExceptionMapper
  public Response unsupported(UnsupportedContentType e) {
    return ProblemResponses.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
  }
}
