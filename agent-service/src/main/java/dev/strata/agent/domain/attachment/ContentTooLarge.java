package dev.strata.agent.domain.attachment;

/** The content exceeded the size limit; nothing of it was kept (HTTP 413). */
public class ContentTooLarge extends RuntimeException {

  public ContentTooLarge(long maxBytes) {
    super("content is larger than the limit of " + maxBytes + " bytes");
  }
}
