package dev.strata.agent.adapter.out.openai;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The one call of the OpenAI chat-completions API the gateway uses, relative to the base URL. */
@Path("/chat/completions")
public interface OpenAiApi {

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  Uni<OpenAiResponse> complete(OpenAiRequest request);
}
