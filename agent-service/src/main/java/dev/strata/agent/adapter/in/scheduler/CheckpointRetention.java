package dev.strata.agent.adapter.in.scheduler;

import dev.strata.agent.application.PruneCheckpoints;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Runs {@link PruneCheckpoints} every {@code agent.checkpoints.sweep-every}; replicas may overlap safely (a delete of what is gone deletes nothing). */
@ApplicationScoped
public class CheckpointRetention {

  private static final Logger LOG = Logger.getLogger(CheckpointRetention.class);

  private final PruneCheckpoints prune;

  CheckpointRetention(PruneCheckpoints prune) {
    this.prune = prune;
  }

  @Scheduled(every = "${agent.checkpoints.sweep-every:10m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> prune() {
    return prune.run()
        .invoke(deleted -> {
          if (deleted > 0) {
            LOG.infof("deleted %d checkpoints the retention policy no longer keeps", deleted);
          }
        })
        .onFailure().invoke(e -> LOG.warn("checkpoint retention failed; next round retries", e))
        .onFailure().recoverWithNull().replaceWithVoid();
  }
}
