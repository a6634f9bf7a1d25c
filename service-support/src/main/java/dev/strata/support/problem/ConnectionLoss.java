package dev.strata.support.problem;

import io.vertx.core.VertxException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure is a lost (or, for now, unobtainable) connection to a server the service needs:
 * the same request is likely to succeed once the pool has a new connection, so the caller is told to
 * retry (503) instead of being handed an incident (500). Recognised anywhere in the cause chain, as
 * Hibernate and Mutiny wrap what the driver threw.
 */
final class ConnectionLoss {

  private static final int MAX_DEPTH = 16;

  private ConnectionLoss() {}

  static boolean causes(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
      if (is(cause)) {
        return true;
      }
    }
    return false;
  }

  private static boolean is(Throwable failure) {
    return switch (failure) {
      case ClosedConnectionException closed -> true;
      case DatabaseException database -> lostConnectionState(database.getSqlState());
      case SQLTransientConnectionException transientConnection -> true;
      case SQLException sql -> lostConnectionState(sql.getSQLState());
      // refused, reset by the peer, a broken pipe: the socket to the server failed, not the request
      case SocketException socket -> true;
      // Vert.x's own failure of a request on a socket that closed under it
      case VertxException vertx -> "Connection was closed".equals(vertx.getMessage());
      default -> false;
    };
  }

  /**
   * SQLSTATE class 08 (connection exception) and Postgres's 57P01-57P03 (the server ended the session:
   * an administrator, a crash, a restart in progress).
   */
  private static boolean lostConnectionState(String state) {
    return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
  }
}
