package dev.strata.agent.config;

import dev.strata.agent.adapter.out.postgres.PostgresSessionMessages;
import dev.strata.agent.adapter.out.postgres.PostgresSessions;
import dev.strata.agent.adapter.out.postgres.PostgresUsers;
import dev.strata.agent.application.CreateResource;
import dev.strata.agent.application.DeleteResource;
import dev.strata.agent.application.GetResource;
import dev.strata.agent.application.ListResources;
import dev.strata.agent.application.ReviseResource;
import dev.strata.agent.application.SessionAccess;
import dev.strata.agent.application.SessionConversation;
import dev.strata.agent.domain.session.Session;
import dev.strata.agent.domain.session.SessionMessages;
import dev.strata.agent.domain.session.Sessions;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.user.User;
import dev.strata.agent.domain.user.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Composition root of users and sessions. */
@ApplicationScoped
public class SessionConfiguration {

  @Produces @Singleton Users users() { return new PostgresUsers(); }
  @Produces @Singleton Sessions sessions() { return new PostgresSessions(); }
  @Produces @Singleton SessionMessages sessionMessages() { return new PostgresSessionMessages(); }

  @Produces @Singleton GetResource<User> getUser(Users r, UnitOfWork u) { return new GetResource<>(r, u, "user"); }
  @Produces @Singleton ListResources<User> listUsers(Users r, UnitOfWork u) { return new ListResources<>(r, u); }
  @Produces @Singleton CreateResource<User> createUser(Users r, UnitOfWork u) { return new CreateResource<>(r, u); }

  @Produces @Singleton ListResources<Session> listSessions(Sessions r, UnitOfWork u) { return new ListResources<>(r, u); }
  @Produces @Singleton CreateResource<Session> createSession(Sessions r, UnitOfWork u) { return new CreateResource<>(r, u); }
  @Produces @Singleton ReviseResource<Session> reviseSession(Sessions r, UnitOfWork u) { return new ReviseResource<>(r, u, "session"); }
  @Produces @Singleton DeleteResource<Session> deleteSession(Sessions r, UnitOfWork u) { return new DeleteResource<>(r, u); }

  @Produces @Singleton SessionAccess sessionAccess(Sessions s, Users users, UnitOfWork u) { return new SessionAccess(s, users, u); }

  @Produces @Singleton
  SessionConversation conversation(Sessions s, SessionMessages m, UnitOfWork u, Clock clock) {
    return new SessionConversation(s, m, u, clock);
  }
}
