package dev.strata.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductionSecretsTest {

  private static final String AGENT_SECRETS =
      "quarkus.datasource.password,strata.service-secret min 32,agent.auth.admin-password min 12,llm.api-key when llm.base-url";

  @Test
  void guestBrokerCredentialsAreRefusedNamingTheSettingAndItsVariable() {
    ProductionSecrets check = check(Map.of());

    assertThatThrownBy(() -> check.refuseDefaultsBeforeConnecting(new Object()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("refusing to start in prod: ")
        .hasMessageContaining("rabbitmq-username is the default 'guest'; set RABBITMQ_USERNAME")
        .hasMessageContaining("rabbitmq-password is the default 'guest'; set RABBITMQ_PASSWORD");
  }

  @Test
  void anEmptySecretIsRefused() {
    assertThat(ProductionSecrets.refusals(config(Map.of("STRATA_ADMIN_PASSWORD", "an-admin-password"))))
        .contains("quarkus.datasource.password is empty; set DB_PASSWORD",
            "strata.service-secret is empty; set STRATA_SERVICE_SECRET");
  }

  @Test
  void aDeployPlaceholderIsRefused() {
    assertThat(ProductionSecrets.refusals(config(Map.of("DB_PASSWORD", "REPLACE-ME",
            "STRATA_SERVICE_SECRET", "REPLACE-WITH-A-SERVICE-SECRET"))))
        .contains("quarkus.datasource.password is the placeholder 'REPLACE-ME'; set DB_PASSWORD",
            "strata.service-secret is the placeholder 'REPLACE-WITH-A-SERVICE-SECRET'; set STRATA_SERVICE_SECRET");
  }

  @Test
  void aServiceSecretShorterThanThirtyTwoCharactersIsRefused() {
    Map<String, String> env = new HashMap<>(launcherEnvironment());
    env.put("STRATA_SERVICE_SECRET", "0123456789abcdef0123456789abcde");

    assertThat(ProductionSecrets.refusals(config(env)))
        .containsExactly("strata.service-secret is shorter than 32 characters; set STRATA_SERVICE_SECRET");
  }

  @Test
  void anAdminPasswordShorterThanTwelveCharactersIsRefused() {
    Map<String, String> env = new HashMap<>(launcherEnvironment());
    env.put("STRATA_ADMIN_PASSWORD", "elevenchars");

    assertThat(ProductionSecrets.refusals(config(env)))
        .containsExactly("agent.auth.admin-password is shorter than 12 characters; set STRATA_ADMIN_PASSWORD");
  }

  @Test
  void theLlmKeyIsRequiredOnlyOnceAnLlmIsConfigured() {
    Map<String, String> env = new HashMap<>(launcherEnvironment());
    assertThat(ProductionSecrets.refusals(config(env))).isEmpty();

    env.put("LLM_BASE_URL", "https://llm.example");
    assertThat(ProductionSecrets.refusals(config(env))).containsExactly("llm.api-key is empty; set LLM_API_KEY");
  }

  @Test
  void whatTheLaunchersSetPasses() {
    assertThatCode(() -> check(launcherEnvironment()).refuseDefaultsBeforeConnecting(new Object()))
        .doesNotThrowAnyException();
  }

  @Test
  void outsideProdTheDefaultsAreAllowed() {
    ProductionSecrets check = check(Map.of(ProductionSecrets.REFUSE_DEFAULTS, "false"));

    assertThatCode(() -> check.refuseDefaultsBeforeConnecting(new Object())).doesNotThrowAnyException();
  }

  @Test
  void anUnreadableDeclarationIsRefused() {
    Map<String, String> env = new HashMap<>(launcherEnvironment());
    env.put(ProductionSecrets.REQUIRED_SECRETS, "agent.auth.admin-password at least 12");

    assertThat(ProductionSecrets.refusals(config(env))).containsExactly(ProductionSecrets.REQUIRED_SECRETS
        + " has an entry 'agent.auth.admin-password at least 12' that is not '<key>[ min <n>][ when <key>]'");
  }

  // What bin/strata and the e2e suite's PackagedServices export
  private static Map<String, String> launcherEnvironment() {
    return Map.of("RABBITMQ_USERNAME", "strata", "RABBITMQ_PASSWORD", "strata", "DB_PASSWORD", "strata",
        "STRATA_SERVICE_SECRET", "0123456789abcdef0123456789abcdef0123456789abcdef",
        "STRATA_ADMIN_PASSWORD", "0123456789abcdef0123456789abcdef");
  }

  private static ProductionSecrets check(Map<String, String> values) {
    ProductionSecrets check = new ProductionSecrets();
    check.config = config(values);
    return check;
  }

  // The shared defaults and agent-service's declarations as written, and `values` standing in for the
  // environment (a higher ordinal, as environment variables have)
  private static SmallRyeConfig config(Map<String, String> values) {
    Map<String, String> properties = Map.of(
        "rabbitmq-username", "${RABBITMQ_USERNAME:guest}",
        "rabbitmq-password", "${RABBITMQ_PASSWORD:guest}",
        "quarkus.datasource.password", "${DB_PASSWORD}",
        "strata.service-secret", "${STRATA_SERVICE_SECRET:}",
        "agent.auth.admin-password", "${STRATA_ADMIN_PASSWORD:}",
        "llm.base-url", "${LLM_BASE_URL:}",
        "llm.api-key", "${LLM_API_KEY:}",
        ProductionSecrets.REFUSE_DEFAULTS, "true",
        ProductionSecrets.REQUIRED_SECRETS, AGENT_SECRETS);
    return new SmallRyeConfigBuilder()
        .addDefaultInterceptors()
        .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
        .withSources(new PropertiesConfigSource(values, "environment", 300))
        .build();
  }
}
