package dev.strata.agent.config;

import dev.strata.agent.adapter.out.audit.AuditTrailActions;
import dev.strata.agent.adapter.out.bcrypt.BcryptPasswordHasher;
import dev.strata.agent.adapter.out.jwt.SmallRyeJwtTokenIssuer;
import dev.strata.agent.adapter.out.postgres.PostgresApiKeys;
import dev.strata.agent.adapter.out.postgres.PostgresRevokedTokens;
import dev.strata.agent.adapter.out.postgres.PostgresUsers;
import dev.strata.agent.adapter.out.redis.RedisLoginAttempts;
import dev.strata.agent.application.CreateResource;
import dev.strata.agent.application.GetResource;
import dev.strata.agent.application.ListResources;
import dev.strata.agent.application.access.AccessChanges;
import dev.strata.agent.application.access.ActionAudit;
import dev.strata.agent.application.access.BootstrapAdmin;
import dev.strata.agent.application.access.IssueApiKey;
import dev.strata.agent.application.access.ManageUsers;
import dev.strata.agent.application.access.RevokeTokens;
import dev.strata.agent.application.access.SignIn;
import dev.strata.agent.domain.access.ApiKey;
import dev.strata.agent.domain.access.ApiKeys;
import dev.strata.agent.domain.access.LoginAttempts;
import dev.strata.agent.domain.access.Logins;
import dev.strata.agent.domain.access.PasswordHasher;
import dev.strata.agent.domain.access.RevokedTokens;
import dev.strata.agent.domain.access.TokenIssuer;
import dev.strata.agent.domain.egress.Cidr;
import dev.strata.agent.domain.execution.Outbox;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.user.User;
import dev.strata.agent.domain.user.Users;
import dev.strata.agent.settings.AgentConfig;
import dev.strata.kernel.security.Roles;
import dev.strata.support.messaging.AuditTrail;
import dev.strata.support.security.ServiceTokenSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Composition root of sign-in: passwords, tokens, API keys, the failed-login counter. */
@ApplicationScoped
public class AccessConfiguration {

  /** Counts every password hash check, so a limit's effect is observable ({@code agent.auth.password.checks}). */
  @Produces @Singleton
  PasswordHasher passwordHasher(Vertx vertx, MeterRegistry meters) {
    var checks = meters.counter("agent.auth.password.checks");
    return new BcryptPasswordHasher(vertx, checks::increment);
  }
  @Produces @Singleton Logins logins() { return new PostgresUsers(); }
  @Produces @Singleton ApiKeys apiKeys() { return new PostgresApiKeys(); }

  @Produces @Singleton
  TokenIssuer tokenIssuer(AgentConfig config, Clock clock,
      @ConfigProperty(name = "strata.security.token-max-lifetime") Duration longestLifetime) {
    return new SmallRyeJwtTokenIssuer(config.auth().issuer(), config.auth().keyId(), longestLifetime, clock);
  }

  /** agent-service's own token for its calls to scoring and warehouse: minted here, no round trip to itself. */
  @Produces @Singleton
  ServiceTokenSource ownServiceToken(TokenIssuer issuer, AgentConfig config, Clock clock,
      @ConfigProperty(name = "quarkus.application.name") String name) {
    return () -> {
      Instant now = clock.instant();
      Duration lifetime = config.auth().serviceTokenLifetime();
      var token = issuer.issue("service:" + name, Set.of(Roles.SERVICE), lifetime);
      return CompletableFuture.completedFuture(new ServiceTokenSource.ServiceToken(token.accessToken(), now, now.plus(lifetime)));
    };
  }

  @Produces @Singleton RevokedTokens revokedTokens() { return new PostgresRevokedTokens(); }

  @Produces @Singleton
  RevokeTokens revokeTokens(RevokedTokens revoked, Outbox outbox, UnitOfWork u, Clock clock,
      @ConfigProperty(name = "strata.security.token-max-lifetime") Duration longestLifetime) {
    return new RevokeTokens(revoked, outbox, u, longestLifetime, clock);
  }

  @Produces @Singleton
  AccessChanges accessChanges(Users users, ApiKeys keys, RevokeTokens revoke, UnitOfWork u, Clock clock) {
    return new AccessChanges(users, keys, revoke, u, clock);
  }

  @Produces @Singleton ActionAudit actionAudit(AuditTrail audit) { return new AuditTrailActions(audit); }

  @Produces @Singleton
  ManageUsers manageUsers(CreateResource<User> create, AccessChanges changes, PasswordHasher hasher, ActionAudit audit, Clock clock) {
    return new ManageUsers(create, changes, hasher, audit, clock);
  }

  @Produces @Singleton
  LoginAttempts loginAttempts(ReactiveRedisDataSource redis, AgentConfig config) {
    AgentConfig.Auth auth = config.auth();
    var trusted = auth.trustedSources().orElse(List.of()).stream().map(Cidr::parse).toList();
    var limits = new RedisLoginAttempts.Limits(auth.maxFailedLogins(), auth.maxFailedLoginsPerSource(), auth.maxFailedLoginsPerUser(),
        auth.failedLoginWindow(), trusted);
    return new RedisLoginAttempts(redis, limits, auth.counterTimeout());
  }

  @Produces @Singleton
  SignIn signIn(Logins logins, ApiKeys keys, PasswordHasher hasher, LoginAttempts attempts, TokenIssuer issuer, UnitOfWork u,
      AgentConfig config, @ConfigProperty(name = "strata.service-secret") Optional<String> serviceSecret) {
    var grants = new SignIn.Grants(config.auth().tokenLifetime(), config.auth().serviceTokenLifetime(), serviceSecret);
    return new SignIn(logins, keys, hasher, attempts, issuer, u, grants);
  }

  @Produces @Singleton IssueApiKey issueApiKey(ApiKeys keys, UnitOfWork u, Clock clock) { return new IssueApiKey(keys, u, clock); }
  @Produces @Singleton GetResource<ApiKey> getApiKey(ApiKeys r, UnitOfWork u) { return new GetResource<>(r, u, "api key"); }
  @Produces @Singleton ListResources<ApiKey> listApiKeys(ApiKeys r, UnitOfWork u) { return new ListResources<>(r, u); }

  @Produces @Singleton
  BootstrapAdmin bootstrapAdmin(Users users, PasswordHasher hasher, UnitOfWork u, Clock clock) {
    return new BootstrapAdmin(users, hasher, u, clock);
  }
}
