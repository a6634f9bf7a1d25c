package dev.strata.agent.config;

import dev.strata.agent.adapter.out.http.GuardedHttp;
import dev.strata.agent.domain.egress.EgressPolicy;
import dev.strata.agent.settings.AgentConfig;
import dev.strata.kernel.messaging.contract.AuditEvent.Outcome;
import dev.strata.support.messaging.AuditTrail;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** Composition root of calls out to user-chosen URLs: the egress policy and the one client that enforces it. */
@ApplicationScoped
public class EgressConfiguration {

  @Produces @Singleton
  EgressPolicy egressPolicy(AgentConfig config) {
    return EgressPolicy.allowing(config.egress().allow().orElse(List.of()));
  }

  @Produces @Singleton
  GuardedHttp guardedHttp(Vertx vertx, EgressPolicy policy, AgentConfig config, AuditTrail audit, MeterRegistry meters) {
    AgentConfig.Egress egress = config.egress();
    // SNI and host verification follow the URL's name, though the socket goes to the checked address
    var options = new HttpClientOptions().setConnectTimeout((int) egress.connectTimeout().toMillis()).setForceSni(true)
        .setVerifyHost(true).setMaxPoolSize(32);
    var limits = new GuardedHttp.Limits(egress.maxResponseSize().asLongValue(), egress.maxRedirects(), egress.timeout());
    var refused = meters.counter("agent.egress.refused");
    return new GuardedHttp(vertx, vertx.createHttpClient(options), policy, GuardedHttp::systemResolve, limits, refusal -> {
      refused.increment();
      audit.recordDone("agent-service", "egress", refusal.host(), Outcome.FAILURE, null, Map.of("reason", refusal.getMessage()));
    });
  }
}
