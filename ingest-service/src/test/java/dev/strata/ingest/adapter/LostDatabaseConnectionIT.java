package dev.strata.ingest.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.LocalDatabase;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Postgres ends the service's sessions (a restart, a failover) while a batch commits. */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.OPERATOR)
class LostDatabaseConnectionIT {

  private static final String DATABASE = "strata_test";
  private static final String URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;

  @Test
  void aBatchWhoseCommitLostItsConnectionIsAnswered503WithRetryAfterAndItsJobIsGivenUp() throws Exception {
    assumeTrue(LocalDatabase.controllable(), "needs the local Postgres's superuser to end the service's sessions");
    String jobId = "lost-db-" + UUID.randomUUID();
    CompletableFuture<Response> answer;
    Connection lock = DriverManager.getConnection(URL, "strata", "strata");
    try {
      lock.setAutoCommit(false);
      // the job's commit writes the outbox: while this lock is held, that commit waits with its statement in flight
      lock.createStatement().execute("LOCK TABLE ingest.outbox IN SHARE MODE");
      answer = CompletableFuture.supplyAsync(() -> given().contentType("text/csv")
          .body(TestData.resource("aapl-daily-2013-q1.csv")).post("/bars?symbol=LOSTDB&frame=1d&jobId=" + jobId));
      await().atMost(Duration.ofSeconds(60)).until(LostDatabaseConnectionIT::aCommitWaitsOnTheOutbox);

      assertThat(LocalDatabase.terminateConnections(DATABASE)).isPositive();
    } finally {
      closeEnded(lock);
    }

    Response response = answer.get(60, TimeUnit.SECONDS);
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.header("Retry-After")).isNotBlank();
    assertThat(response.jsonPath().getString("type")).isEqualTo("urn:strata:problem:unavailable");
    // given up, not IN_PROGRESS until its lease lapses: the client's retry runs it again at once
    given().get("/jobs/" + jobId).then().statusCode(200).body("status", equalTo("FAILED"));
    given().contentType("text/csv").body(TestData.resource("aapl-daily-2013-q1.csv"))
        .post("/bars?symbol=LOSTDB&frame=1d&jobId=" + jobId).then().statusCode(201).body("status", equalTo("COMPLETED"));
  }

  /** The lock's session was ended with the service's; closing it only releases the driver's side. */
  private static void closeEnded(Connection lock) {
    try {
      lock.close();
    } catch (SQLException alreadyEnded) {
      // nothing left to release
    }
  }

  private static boolean aCommitWaitsOnTheOutbox() throws SQLException {
    try (Connection look = DriverManager.getConnection(URL, "strata", "strata");
        var rows = look.createStatement().executeQuery("""
            SELECT count(*) FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO outbox%'""")) {
      rows.next();
      return rows.getLong(1) > 0;
    }
  }
}
