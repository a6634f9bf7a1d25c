package dev.strata.agent.domain.attachment;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which media types may be uploaded: an allow-list of {@code type/subtype} entries where
 * {@code type/*} allows a whole family. The recorded type is the lower-cased essence plus a
 * {@code charset} parameter when given; anything else is refused as unsupported.
 */
public final class ContentTypes {

  private static final Pattern TOKEN = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");
  private static final Pattern CHARSET = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,39}");

  private final List<String> allowed;

  public ContentTypes(List<String> allowed) {
    this.allowed = allowed.stream().map(a -> a.trim().toLowerCase(Locale.ROOT)).toList();
  }

  /** The type to record, or {@link UnsupportedContentType} when it is missing, malformed or not allowed. */
  public String require(String header) {
    if (header == null || header.isBlank()) {
      throw new UnsupportedContentType("a Content-Type header is required (one of " + allowed + ")");
    }
    String[] parts = header.toLowerCase(Locale.ROOT).split(";");
    String essence = parts[0].strip();
    String[] typeAndSub = essence.split("/", -1);
    if (typeAndSub.length != 2 || !TOKEN.matcher(typeAndSub[0]).matches() || !TOKEN.matcher(typeAndSub[1]).matches()) {
      throw new UnsupportedContentType("Content-Type must be type/subtype");
    }
    if (!allowed.contains(essence) && !allowed.contains(typeAndSub[0] + "/*")) {
      throw new UnsupportedContentType("Content-Type " + essence + " is not accepted (one of " + allowed + ")");
    }
    return essence + charset(parts);
  }

  private static String charset(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String[] kv = parts[i].strip().split("=", 2);
      if (kv.length == 2 && kv[0].strip().equals("charset")) {
        String value = kv[1].strip().replace("\"", "");
        if (CHARSET.matcher(value).matches()) {
          return ";charset=" + value;
        }
      }
    }
    return "";
  }
}
