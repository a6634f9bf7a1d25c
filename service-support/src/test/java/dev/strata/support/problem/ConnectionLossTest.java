package dev.strata.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which failures are a lost connection (503, retry) and which are not (500). */
class ConnectionLossTest {

  private static DatabaseException postgres(String sqlState) {
    return new DatabaseException("ERROR: something (" + sqlState + ")", 0, sqlState) {};
  }

  @Test
  void aSessionEndedByTheServerOrASocketClosedUnderARequestIsALostConnection() {
    assertThat(ConnectionLoss.causes(postgres("57P01"))).as("pg_terminate_backend").isTrue();
    assertThat(ConnectionLoss.causes(postgres("57P03"))).as("the server is starting up").isTrue();
    assertThat(ConnectionLoss.causes(ClosedConnectionException.INSTANCE)).isTrue();
    assertThat(ConnectionLoss.causes(new VertxException("Connection was closed", true))).isTrue();
    assertThat(ConnectionLoss.causes(new ConnectException("Connection refused"))).isTrue();
    assertThat(ConnectionLoss.causes(new SocketException("Connection reset"))).as("the server ended it mid-read").isTrue();
  }

  @Test
  void jdbcAndHibernateWrappedConnectionFailuresAreFoundInTheCauseChain() {
    assertThat(ConnectionLoss.causes(new SQLTransientConnectionException("pool: acquisition timeout"))).isTrue();
    var jdbc = new SQLException("An I/O error occurred while sending to the backend.", "08006");
    assertThat(ConnectionLoss.causes(new RuntimeException("JDBCConnectionException: could not execute statement", jdbc))).isTrue();
    assertThat(ConnectionLoss.causes(new CompletionException(new IllegalStateException("wrapped", postgres("08003"))))).isTrue();
  }

  @Test
  void otherDatabaseFailuresAndProgrammingErrorsAreNot() {
    assertThat(ConnectionLoss.causes(postgres("23505"))).as("a unique violation").isFalse();
    assertThat(ConnectionLoss.causes(new SQLException("syntax error", "42601"))).isFalse();
    assertThat(ConnectionLoss.causes(new VertxException("Pool closed", true))).isFalse();
    assertThat(ConnectionLoss.causes(new IllegalStateException("a bug"))).isFalse();
  }
}
