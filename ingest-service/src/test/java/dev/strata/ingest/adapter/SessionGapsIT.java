package dev.strata.ingest.adapter;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.Authorized;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Minutes missing inside a session, and the early close of the day after Thanksgiving, from the lake through the API. */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.OPERATOR)
class SessionGapsIT {

  /** One-minute bars from {@code open} for {@code minutes} minutes, leaving out the given minutes. */
  private static String minutes(String open, int minutes, Set<Integer> leftOut) {
    StringBuilder ndjson = new StringBuilder();
    Instant start = Instant.parse(open);
    for (int minute = 0; minute < minutes; minute++) {
      if (!leftOut.contains(minute)) {
        ndjson.append("{\"ts\":\"").append(start.plusSeconds(60L * minute))
            .append("\",\"open\":10,\"high\":11,\"low\":9,\"close\":10.5,\"volume\":100}\n");
      }
    }
    return ndjson.toString();
  }

  @Test
  void aReportNamesEachSessionsMissingMinutesAndTheEarlyCloseOfTheDayAfterThanksgiving() {
    // Wednesday 2024-11-27: a full session but 11:00-11:04 New York; Friday 2024-11-29 closes at 13:00, its bars stop at 12:50;
    // Tuesday 2024-11-26 has no bar at all
    String bars = minutes("2024-11-27T14:30:00Z", 390, Set.of(90, 91, 92, 93, 94))
        + minutes("2024-11-29T14:30:00Z", 200, Set.of())
        + minutes("2024-11-29T19:00:00Z", 30, Set.of()); // after the early close: not a gap, not counted
    given().contentType("application/x-ndjson").body(bars.getBytes(StandardCharsets.UTF_8))
        .post("/bars?symbol=GAPS&frame=1m&jobId=session-gaps").then().statusCode(201);

    Authorized.as(Roles.READER);
    given().queryParam("from", "2024-11-26").queryParam("to", "2024-11-29").get("/bars/GAPS/gaps").then().statusCode(200)
        .body("frame", equalTo("1m"))
        .body("earlyCloses", contains("2024-11-29"))
        .body("sessions.day", contains("2024-11-26", "2024-11-27", "2024-11-29"))
        .body("sessions[0].present", equalTo(0))
        .body("sessions[0].missing", hasSize(1))
        .body("sessions[1].earlyClose", equalTo(false))
        .body("sessions[1].expected", equalTo(390))
        .body("sessions[1].missing[0].from", equalTo("2024-11-27T16:00:00Z"))
        .body("sessions[1].missing[0].to", equalTo("2024-11-27T16:05:00Z"))
        .body("sessions[1].missing[0].bars", equalTo(5))
        .body("sessions[2].earlyClose", equalTo(true))
        .body("sessions[2].close", equalTo("2024-11-29T18:00:00Z"))
        .body("sessions[2].expected", equalTo(210))
        .body("sessions[2].present", equalTo(200))
        .body("sessions[2].missing[0].from", equalTo("2024-11-29T17:50:00Z"))
        .body("missingBars", equalTo(390 + 5 + 10));
  }

  @Test
  void aFrameThatDoesNotTileTheSessionOrABadRangeIsRefused() {
    given().queryParam("frame", "1d").queryParam("from", "2024-11-26").queryParam("to", "2024-11-29").get("/bars/GAPS/gaps")
        .then().statusCode(422).contentType("application/problem+json");
    given().queryParam("from", "2024-11-29").queryParam("to", "2024-11-26").get("/bars/GAPS/gaps")
        .then().statusCode(422).contentType("application/problem+json");
    given().queryParam("from", "2024-01-01").queryParam("to", "2024-12-31").get("/bars/GAPS/gaps")
        .then().statusCode(422).contentType("application/problem+json");
    given().queryParam("from", "yesterday").queryParam("to", "2024-11-29").get("/bars/GAPS/gaps")
        .then().statusCode(400).contentType("application/problem+json");
    given().queryParam("from", "2024-11-26").queryParam("to", "2024-11-29").get("/bars/..%2Fetc/gaps")
        .then().statusCode(org.hamcrest.Matchers.either(equalTo(404)).or(equalTo(422)));
  }
}
