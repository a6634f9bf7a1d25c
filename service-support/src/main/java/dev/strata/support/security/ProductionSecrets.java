package dev.strata.support.security;

import io.smallrye.config.Expressions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a service whose secrets are still the shipped defaults, when {@code
 * strata.security.refuse-defaults} is on (the prod profile): the broker credentials ({@code
 * rabbitmq-username}, {@code rabbitmq-password}) and each setting a service lists in {@code
 * strata.security.required-secrets} must be set, must not be {@code guest} and must not be a
 * {@code REPLACE-...} placeholder of deploy/.
 *
 * <p>An entry of {@code strata.security.required-secrets} is a config key, optionally followed by
 * {@code min <n>} (at least n characters) and {@code when <key>} (required only while that other
 * setting is non-empty), e.g. {@code llm.api-key when llm.base-url}. Every refusal names the
 * setting and the environment variable that supplies it, and all of them are reported at once.
 */
@ApplicationScoped
public class ProductionSecrets {

  static final String REFUSE_DEFAULTS = "strata.security.refuse-defaults";
  static final String REQUIRED_SECRETS = "strata.security.required-secrets";
  private static final List<String> BROKER_CREDENTIALS = List.of("rabbitmq-username", "rabbitmq-password");
  private static final Pattern ENTRY =
      Pattern.compile("(?<key>\\S+)(?:\\s+min\\s+(?<min>\\d+))?(?:\\s+when\\s+(?<when>\\S+))?");
  private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::[^}]*)?}");

  @Inject Config config;

  // Before RabbitTopology (PLATFORM_BEFORE on the same event) opens the first broker connection
  // with credentials this check would refuse.
  void refuseDefaultsBeforeConnecting(
      @Observes @Initialized(ApplicationScoped.class) @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1)
          Object event) {
    if (!config.getOptionalValue(REFUSE_DEFAULTS, Boolean.class).orElse(false)) {
      return;
    }
    List<String> refusals = refusals(config);
    if (!refusals.isEmpty()) {
      throw new IllegalStateException("refusing to start in prod: " + String.join(". ", refusals));
    }
  }

  /** What is wrong with the secrets {@code config} holds, one sentence per setting; empty when none. */
  static List<String> refusals(Config config) {
    List<String> refusals = new ArrayList<>();
    for (String key : BROKER_CREDENTIALS) {
      refusal(config, key, 0).ifPresent(refusals::add);
    }
    for (String entry : config.getOptionalValues(REQUIRED_SECRETS, String.class).orElse(List.of())) {
      Matcher matcher = ENTRY.matcher(entry.trim());
      if (!matcher.matches()) {
        refusals.add(REQUIRED_SECRETS + " has an entry '" + entry.trim()
            + "' that is not '<key>[ min <n>][ when <key>]'");
        continue;
      }
      String when = matcher.group("when");
      if (when != null && value(config, when).isEmpty()) {
        continue;
      }
      int min = matcher.group("min") == null ? 0 : Integer.parseInt(matcher.group("min"));
      refusal(config, matcher.group("key"), min).ifPresent(refusals::add);
    }
    return refusals;
  }

  private static Optional<String> refusal(Config config, String key, int minLength) {
    String setting = key + " ";
    String remedy = "; set " + environmentVariable(config, key);
    Optional<String> value = value(config, key);
    if (value.isEmpty()) {
      return Optional.of(setting + "is empty" + remedy);
    }
    String secret = value.get().trim();
    if (secret.equalsIgnoreCase("guest")) {
      return Optional.of(setting + "is the default 'guest'" + remedy);
    }
    if (secret.toUpperCase(Locale.ROOT).startsWith("REPLACE-")) {
      // deploy/ placeholders are public text, so naming this one reveals nothing
      return Optional.of(setting + "is the placeholder '" + secret + "'" + remedy);
    }
    if (secret.length() < minLength) {
      return Optional.of(setting + "is shorter than " + minLength + " characters" + remedy);
    }
    return Optional.empty();
  }

  private static Optional<String> value(Config config, String key) {
    try {
      return config.getOptionalValue(key, String.class).filter(v -> !v.isBlank());
    } catch (NoSuchElementException unresolved) {
      // an expression such as ${DB_PASSWORD} with no default and nothing to expand it to
      return Optional.empty();
    }
  }

  // The variable a deployment sets: the one the setting's expression reads, else the setting's own
  // environment name (SmallRye's mapping: upper case, every other character an underscore).
  private static String environmentVariable(Config config, String key) {
    String raw = Expressions.withoutExpansion(() -> config.getConfigValue(key).getRawValue());
    if (raw != null) {
      Matcher reference = ENV_REFERENCE.matcher(raw.trim());
      if (reference.matches()) {
        return reference.group(1);
      }
    }
    return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
