package dev.strata.agent.domain.llm;

import dev.strata.kernel.error.DomainException;
import java.util.Set;

/**
 * One message of a chat conversation, as every OpenAI-compatible provider understands it.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param content the text; never null (an empty string is allowed)
 */
public record ChatMessage(String role, String content) {

  private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool");

  public ChatMessage {
    if (role == null || !ROLES.contains(role)) {
      throw new DomainException.Invalid("message role must be one of " + ROLES.stream().sorted().toList());
    }
    if (content == null) {
      throw new DomainException.Invalid("message content must not be null");
    }
  }

  public static ChatMessage system(String content) {
    return new ChatMessage("system", content);
  }

  public static ChatMessage user(String content) {
    return new ChatMessage("user", content);
  }
}
