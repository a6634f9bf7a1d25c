package dev.strata.agent.config;

import dev.strata.agent.application.access.RevokeTokens;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Broadcasts the recent token revocations again every {@code agent.auth.revocation-repeat}: a service
 * instance learns of revocations only from the broadcast, so one started (or reconnected) since hears of
 * them within one interval. Replicas may each repeat them; receiving one twice changes nothing.
 */
@ApplicationScoped
public class TokenRevocationSchedule {

  private static final Logger LOG = Logger.getLogger(TokenRevocationSchedule.class);

  private final RevokeTokens revokeTokens;

  TokenRevocationSchedule(RevokeTokens revokeTokens) {
    this.revokeTokens = revokeTokens;
  }

  @Scheduled(every = "${agent.auth.revocation-repeat}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> repeat() {
    return revokeTokens.repeatRecent().onFailure().recoverWithItem(failure -> {
      LOG.warnf("could not repeat the token revocations, will at the next interval: %s", failure.getMessage());
      return 0;
    }).replaceWithVoid();
  }
}
