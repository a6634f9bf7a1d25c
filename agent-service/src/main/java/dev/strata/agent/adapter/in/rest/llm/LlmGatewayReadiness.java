package dev.strata.agent.adapter.in.rest.llm;

import dev.strata.agent.application.llm.CompleteChat;
import dev.strata.agent.domain.llm.LlmStatus;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the gateway in {@code /q/health/ready} as UP in every case: an unconfigured provider is a
 * supported mode (workflows use template steps) and the Redis cache is an optimisation the gateway
 * answers without, so neither may take the whole service out of its load balancer.
 */
@Readiness
@ApplicationScoped
public class LlmGatewayReadiness implements HealthCheck {

  private final CompleteChat completeChat;

  public LlmGatewayReadiness(CompleteChat completeChat) {
    this.completeChat = completeChat;
  }

  @Override
  public HealthCheckResponse call() {
    LlmStatus status = completeChat.status();
    return HealthCheckResponse.named("llm-gateway").up()
        .withData("configured", status.configured())
        .withData("model", status.defaultModel() == null ? "" : status.defaultModel())
        .build();
  }
}
