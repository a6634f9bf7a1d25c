package dev.strata.agent.domain.attachment;

/** The upload's media type is missing, malformed or not on the allow-list (HTTP 415). */
public class UnsupportedContentType extends RuntimeException {

  public UnsupportedContentType(String message) {
    super(message);
  }
}
