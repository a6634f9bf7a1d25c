package dev.strata.agent.adapter.in.scheduler;

import dev.strata.agent.application.files.SweepOrphanContent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Runs {@link SweepOrphanContent} every {@code agent.files.sweep-interval}; replicas may overlap safely (content locks). */
@ApplicationScoped
public class OrphanContentSweeper {

  private static final Logger LOG = Logger.getLogger(OrphanContentSweeper.class);

  private final SweepOrphanContent sweep;

  OrphanContentSweeper(SweepOrphanContent sweep) {
    this.sweep = sweep;
  }

  @Scheduled(every = "${agent.files.sweep-interval:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> sweep() {
    return sweep.run()
        .invoke(deleted -> {
          if (deleted > 0) {
            LOG.infof("deleted %d stored files no attachment references", deleted);
          }
        })
        .onFailure().invoke(e -> LOG.warn("sweep of unreferenced stored files failed; next round retries", e))
        .onFailure().recoverWithNull().replaceWithVoid();
  }
}
