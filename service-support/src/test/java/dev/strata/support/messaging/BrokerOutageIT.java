package dev.strata.support.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.strata.testing.LocalBroker;
import dev.strata.testing.StrataInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class BrokerOutageIT {

  @Test
  void readinessGoesDownWithTheBrokerAndComesBackWithoutARestart() {
    assumeTrue(LocalBroker.controllable(), "needs the local RabbitMQ (rabbitmqctl) to stop and start it");
    awaitReadiness("UP", 30);
    LocalBroker.stopApp();
    try {
      awaitReadiness("DOWN", 60);
    } finally {
      LocalBroker.startApp();
    }
    awaitReadiness("UP", 90);
  }

  private static void awaitReadiness(String status, int seconds) {
    await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
        given().get("/q/health/ready").then().body("status", equalTo(status)));
  }
}
