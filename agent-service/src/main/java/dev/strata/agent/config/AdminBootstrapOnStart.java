package dev.strata.agent.config;

import dev.strata.agent.application.access.BootstrapAdmin;
import dev.strata.agent.settings.AgentConfig;
import dev.strata.kernel.messaging.contract.AuditEvent.Outcome;
import dev.strata.support.messaging.AuditTrail;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.jboss.logging.Logger;

/** At start, creates user {@code admin} from {@code STRATA_ADMIN_PASSWORD} when it is set and the user does not exist. */
@ApplicationScoped
public class AdminBootstrapOnStart {

  private static final Logger LOG = Logger.getLogger(AdminBootstrapOnStart.class);

  void onStart(@Observes StartupEvent event, AgentConfig config, BootstrapAdmin bootstrap, AuditTrail audit) {
    config.auth().adminPassword().filter(p -> !p.isBlank()).ifPresent(password -> bootstrap.run(password).subscribe().with(
        created -> {
          if (created) {
            LOG.info("created user admin from STRATA_ADMIN_PASSWORD");
            audit.record("system", "create-user", "user admin", Outcome.SUCCESS, null, Map.of("username", BootstrapAdmin.USERNAME));
          }
        },
        failure -> LOG.errorf("could not create user admin: %s", failure.getMessage())));
  }
}
