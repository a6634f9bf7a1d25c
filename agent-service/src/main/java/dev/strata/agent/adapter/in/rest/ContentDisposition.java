package dev.strata.agent.adapter.in.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} for a stored file name (RFC 6266): an ASCII fallback in
 * {@code filename} and the exact name, percent-encoded UTF-8, in {@code filename*}. The name has
 * already passed {@code FileName} (no quotes, backslashes or control characters).
 */
final class ContentDisposition {

  private ContentDisposition() {}

  static String attachment(String fileName) {
    StringBuilder ascii = new StringBuilder();
    fileName.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f ? (char) c : '_'));
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
