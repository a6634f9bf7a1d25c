package dev.strata.agent.domain.llm;

import dev.strata.kernel.error.DomainException;
import java.util.regex.Pattern;

/**
 * A provider's model name as it appears in cache keys. Providers name models like
 * {@code gpt-4o-mini}, {@code llama3.1:8b} or {@code Qwen/Qwen2.5-7B-Instruct}, which the kernel's
 * lower-case {@code SafeName.IDENTIFIER} rejects, so the pattern is wider — but it still excludes
 * Redis glob characters ({@code * ? [ ] \}) and whitespace, because the name becomes part of a
 * {@code SCAN MATCH} pattern when a whole model is invalidated.
 */
public final class ModelName {

  private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,127}");

  private ModelName() {}

  public static boolean accepts(String model) {
    return model != null && PATTERN.matcher(model).matches() && !model.contains("..");
  }

  /** {@code model} when valid; otherwise a client-facing error. */
  public static String require(String model) {
    if (!accepts(model)) {
      throw new DomainException.Invalid("invalid model name: must match " + PATTERN.pattern());
    }
    return model;
  }
}
