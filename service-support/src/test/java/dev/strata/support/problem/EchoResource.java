package dev.strata.support.problem;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** An endpoint that takes a typed body, to show how bad bodies are answered. */
@Path("/echo")
@PermitAll
public class EchoResource {

  public enum Colour { RED, GREEN }

  public record Paint(@NotBlank @Size(max = 20) String name, Colour colour, int coats) {}

  @POST
  @Consumes("application/json")
  public Paint echo(@Valid Paint paint) {
    return paint;
  }
}
