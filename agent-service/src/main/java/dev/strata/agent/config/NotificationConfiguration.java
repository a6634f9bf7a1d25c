package dev.strata.agent.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.agent.adapter.out.http.GuardedHttp;
import dev.strata.agent.adapter.out.http.HttpWebhook;
import dev.strata.agent.adapter.out.postgres.PostgresNotifications;
import dev.strata.agent.application.DeliverNotification;
import dev.strata.agent.application.ListNotifications;
import dev.strata.agent.domain.notification.Notifications;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.settings.AgentConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Composition root of the notifier. */
@ApplicationScoped
public class NotificationConfiguration {

  @Produces @Singleton Notifications notifications() { return new PostgresNotifications(); }

  @Produces @Singleton ListNotifications listNotifications(Notifications n, UnitOfWork u) { return new ListNotifications(n, u); }

  @Produces @Singleton
  DeliverNotification deliverNotification(Notifications notifications, UnitOfWork unitOfWork, AgentConfig config, ObjectMapper mapper, Clock clock,
      GuardedHttp http) {
    var settings = config.notifications();
    return new DeliverNotification(notifications, new HttpWebhook(http, mapper, clock), unitOfWork, settings.channels(),
        new DeliverNotification.Retry(settings.maxAttempts(), settings.initialBackoff(), settings.timeout()), clock);
  }
}
