package dev.strata.warehouse.config;

import dev.strata.warehouse.application.CompactLake;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Runs the lake compaction every {@code warehouse.compaction.every} ({@code off}: never; the ops endpoint still can). */
@ApplicationScoped
public class CompactionSchedule {

  private final CompactLake compactLake;

  CompactionSchedule(CompactLake compactLake) {
    this.compactLake = compactLake;
  }

  @Scheduled(every = "${warehouse.compaction.every:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> run() {
    return compactLake.run("schedule", Optional.empty()).replaceWithVoid();
  }
}
