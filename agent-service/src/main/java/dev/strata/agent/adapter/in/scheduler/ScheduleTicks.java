package dev.strata.agent.adapter.in.scheduler;

import dev.strata.agent.application.FireSchedules;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Runs {@link FireSchedules} every {@code agent.schedules.poll-every} on every replica; they may poll at once (each
 * tick still starts one execution). Built at start, so its meters are on {@code /q/metrics} before the first tick.
 */
@Startup
@ApplicationScoped
public class ScheduleTicks {

  private static final Logger LOG = Logger.getLogger(ScheduleTicks.class);

  private final FireSchedules fire;

  ScheduleTicks(FireSchedules fire) {
    this.fire = fire;
  }

  @Scheduled(every = "${agent.schedules.poll-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> poll() {
    return fire.run()
        .onFailure().invoke(e -> LOG.warn("looking for due schedules failed; the next poll retries", e))
        .onFailure().recoverWithNull().replaceWithVoid();
  }
}
