package dev.strata.agent.application.access;

import dev.strata.agent.application.Async;
import dev.strata.agent.domain.access.ApiKey;
import dev.strata.agent.domain.access.ApiKeys;
import dev.strata.agent.domain.shared.UnitOfWork;
import io.smallrye.mutiny.Uni;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Set;

/** Creates an API key: the clear key is returned once, only its SHA-256 digest is stored. */
public final class IssueApiKey {

  /** The stored key and the clear key its holder must keep. */
  public record Issued(ApiKey apiKey, String key) {
    @Override
    public String toString() {
      return "Issued[" + apiKey + "]";
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiKeys apiKeys;
  private final UnitOfWork unitOfWork;
  private final Clock clock;

  public IssueApiKey(ApiKeys apiKeys, UnitOfWork unitOfWork, Clock clock) {
    this.apiKeys = apiKeys;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  public Uni<Issued> run(String name, Set<String> roles) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String key = "sk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    ApiKey apiKey = ApiKey.create(name, Digests.sha256(key), roles, clock.instant());
    return Async.uni(() -> unitOfWork.write(() -> apiKeys.create(apiKey))).map(saved -> new Issued(saved, key));
  }
}
