package dev.strata.agent.domain.workflow;

import dev.strata.kernel.error.DomainException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where an {@code http} step may send its request: an {@code http} or {@code https} URL with a
 * host and no user-info, so a workflow can neither read local files ({@code file:}) nor carry
 * credentials in its definition. Checked when a workflow is saved, as far as its template is
 * literal, and again on the rendered URL before each call.
 */
public final class HttpStepUrl {

  private HttpStepUrl() {}

  /** The rendered URL of a call, or {@link DomainException.Invalid} saying why it may not be called. */
  public static URI require(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw invalid(url, "is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw invalid(url, "must be http or https");
    }
    if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
      throw invalid(url, "must not carry user-info");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw invalid(url, "needs a host");
    }
    return uri;
  }

  /**
   * A step's URL template as saved: its scheme must be literal, and so must its host whenever the
   * template leaves the authority literal; a placeholder in the host is checked once rendered.
   */
  public static void requireSavable(String template) {
    int placeholder = template.indexOf("{{");
    if (placeholder < 0) {
      require(template);
      return;
    }
    String literal = template.substring(0, placeholder);
    String lower = literal.toLowerCase(Locale.ROOT);
    int authority = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
    if (authority < 0) {
      throw invalid(template, "must start with http:// or https://");
    }
    int end = firstOf(literal, authority, "/?#");
    if (end == authority) {
      throw invalid(template, "needs a host");
    }
    if (end > 0) {
      require(literal.substring(0, end));
    } else if (literal.indexOf('@', authority) >= 0) {
      throw invalid(template, "must not carry user-info");
    }
  }

  private static int firstOf(String text, int from, String characters) {
    for (int i = from; i < text.length(); i++) {
      if (characters.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static DomainException.Invalid invalid(String url, String why) {
    String shown = url.length() > 200 ? url.substring(0, 200) + "..." : url;
    return new DomainException.Invalid("http step url " + why + ": " + shown);
  }
}
