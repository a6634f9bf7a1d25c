package dev.strata.warehouse;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * For a test that launches the service's main to see its start refused: with {@code warehouse-test.exit-once-started}
 * a start that was not refused ends with exit code 0 at once, so such a test fails instead of waiting for a server
 * that would serve until stopped.
 */
@ApplicationScoped
public class ExitOnceStarted {

  void started(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event,
      @ConfigProperty(name = "warehouse-test.exit-once-started", defaultValue = "false") boolean exit) {
    if (exit) {
      Quarkus.asyncExit(0);
    }
  }
}
