package dev.strata.agent.config;

import dev.strata.agent.adapter.out.bcrypt.BcryptPasswordHasher;
import dev.strata.agent.adapter.out.jwt.SmallRyeJwtTokenIssuer;
import dev.strata.agent.adapter.out.postgres.PostgresApiKeys;
import dev.strata.agent.adapter.out.postgres.PostgresUsers;
import dev.strata.agent.adapter.out.redis.RedisLoginAttempts;
import dev.strata.agent.application.GetResource;
import dev.strata.agent.application.ListResources;
import dev.strata.agent.application.ReviseResource;
import dev.strata.agent.application.access.BootstrapAdmin;
import dev.strata.agent.application.access.IssueApiKey;
import dev.strata.agent.application.access.SignIn;
import dev.strata.agent.domain.access.ApiKey;
import dev.strata.agent.domain.access.ApiKeys;
import dev.strata.agent.domain.access.LoginAttempts;
import dev.strata.agent.domain.access.Logins;
import dev.strata.agent.domain.access.PasswordHasher;
import dev.strata.agent.domain.access.TokenIssuer;
import dev.strata.agent.domain.egress.Cidr;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.user.Users;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** Composition root of sign-in: passwords, tokens, API keys, the failed-login counter. */
@ApplicationScoped
public class AccessConfiguration {

  /** Counts every password hash check, so a limit's effect is observable ({@code agent.auth.password.checks}). */
  @Produces @Singleton
  PasswordHasher passwordHasher(MeterRegistry meters) {
    var checks = meters.counter("agent.auth.password.checks");
    return new BcryptPasswordHasher(checks::increment);
  }
  @Produces @Singleton Logins logins() { return new PostgresUsers(); }
  @Produces @Singleton ApiKeys apiKeys() { return new PostgresApiKeys(); }

  @Produces @Singleton
  TokenIssuer tokenIssuer(AgentConfig config) {
    return new SmallRyeJwtTokenIssuer(config.auth().issuer(), config.auth().tokenLifetime());
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
  SignIn signIn(Logins logins, ApiKeys keys, PasswordHasher hasher, LoginAttempts attempts, TokenIssuer issuer, UnitOfWork u) {
    return new SignIn(logins, keys, hasher, attempts, issuer, u);
  }

  @Produces @Singleton IssueApiKey issueApiKey(ApiKeys keys, UnitOfWork u, Clock clock) { return new IssueApiKey(keys, u, clock); }
  @Produces @Singleton GetResource<ApiKey> getApiKey(ApiKeys r, UnitOfWork u) { return new GetResource<>(r, u, "api key"); }
  @Produces @Singleton ListResources<ApiKey> listApiKeys(ApiKeys r, UnitOfWork u) { return new ListResources<>(r, u); }
  @Produces @Singleton ReviseResource<ApiKey> reviseApiKey(ApiKeys r, UnitOfWork u) { return new ReviseResource<>(r, u, "api key"); }

  @Produces @Singleton
  BootstrapAdmin bootstrapAdmin(Users users, PasswordHasher hasher, UnitOfWork u, Clock clock) {
    return new BootstrapAdmin(users, hasher, u, clock);
  }
}
