package dev.strata.agent.domain.llm;

import dev.strata.kernel.error.DomainException;
import java.util.regex.Pattern;

/**
 * The address of one cached answer: {@code llm:{model}:{sha256 of the canonical request}}. The
 * full 256-bit hash is kept (a 64-bit prefix collides too easily across a large cache), and the key
 * carries no prompt text or secret — only the model name and a digest.
 */
public record CacheKey(String model, String sha256) {

  public static final String PREFIX = "llm:";
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public CacheKey {
    ModelName.require(model);
    if (sha256 == null || !HEX.matcher(sha256).matches()) {
      throw new DomainException.Invalid("cache key digest must be 64 lower-case hex characters");
    }
  }

  /** Parses {@code llm:{model}:{sha256}}; the model may itself contain {@code :}. */
  public static CacheKey parse(String value) {
    int lastColon = value == null ? -1 : value.lastIndexOf(':');
    if (lastColon <= PREFIX.length() || !value.startsWith(PREFIX)) {
      throw new DomainException.Invalid("cache key must look like llm:{model}:{sha256}");
    }
    return new CacheKey(value.substring(PREFIX.length(), lastColon), value.substring(lastColon + 1));
  }

  /** The prefix every key of {@code model} starts with. */
  public static String modelPrefix(String model) {
    return PREFIX + ModelName.require(model) + ":";
  }

  public String value() {
    return PREFIX + model + ":" + sha256;
  }

  @Override
  public String toString() {
    return value();
  }
}
