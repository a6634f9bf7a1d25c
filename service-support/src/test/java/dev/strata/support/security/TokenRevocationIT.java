package dev.strata.support.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.messaging.contract.TokenRevocations;
import dev.strata.kernel.messaging.contract.TokenRevocations.Revocation;
import dev.strata.kernel.security.Roles;
import dev.strata.support.messaging.RabbitTopology;
import dev.strata.testing.Broker;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What every service does with agent-service's revocations, over the real broker: the revocation is
 * published as agent-service's relay publishes it (topic exchange {@code strata}, routing key
 * {@code token.revocations}) and reaches this instance's own queue.
 */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
class TokenRevocationIT {

  @Inject RabbitTopology topology;

  @ConfigProperty(name = "rabbitmq-username")
  String brokerUser;

  @Test
  void aRevokedSubjectsTokenIsRefusedWithinSecondsEvenThoughItWasAlreadyVerified() throws Exception {
    String subject = "revoked-" + UUID.randomUUID();
    String revoked = TestTokens.tokenOf(subject, 0, Roles.READER);
    String someoneElses = TestTokens.tokenOf("kept-" + UUID.randomUUID(), 0, Roles.READER);
    given().header("Authorization", "Bearer " + revoked).get("/guarded").then().statusCode(200);

    Instant revokedAt = Instant.now();
    publish(new Revocation(subject, revokedAt));

    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() ->
        given().header("Authorization", "Bearer " + revoked).get("/guarded").statusCode() == 401);
    given().header("Authorization", "Bearer " + revoked).get("/guarded").then().statusCode(401)
        .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
    given().header("Authorization", "Bearer " + someoneElses).get("/guarded").then().statusCode(200);
    // a token issued after the revocation carries a later version
    given().header("Authorization", "Bearer " + TestTokens.tokenOf(subject, revokedAt.toEpochMilli() + 1, Roles.READER)).get("/guarded").then().statusCode(200);
  }

  @Test
  void aRevocationOlderThanTheLongestTokenLifetimeChangesNothing() throws Exception {
    String subject = "long-ago-" + UUID.randomUUID();
    String marker = "marker-" + UUID.randomUUID();
    publish(new Revocation(subject, Instant.now().minus(Duration.ofHours(2))));
    publish(new Revocation(marker, Instant.now()));

    // the later message has arrived once the marker's token is refused; the earlier one came before it
    String markerToken = TestTokens.tokenOf(marker, 0, Roles.READER);
    await().atMost(Duration.ofSeconds(5)).until(() ->
        given().header("Authorization", "Bearer " + markerToken).get("/guarded").statusCode() == 401);
    given().header("Authorization", "Bearer " + TestTokens.tokenOf(subject, 0, Roles.READER)).get("/guarded").then().statusCode(200);
  }

  @Test
  void aRevocationFromAnyoneButAgentServiceIsIgnored() throws Exception {
    String subject = "kept-" + UUID.randomUUID();
    String marker = "marker-" + UUID.randomUUID();
    // scoring-service may not route token.revocations through strata, but may write to the fanout behind it
    try (Broker scoring = Broker.connectAs("scoring-service")) {
      scoring.publishConfirmed(Queues.TOKEN_BROADCAST_EXCHANGE, "", body(new Revocation(subject, Instant.now())), "scoring-service");
    }
    try (Broker admin = Broker.connect(Map.of())) {
      admin.publishConfirmed(Queues.EXCHANGE, Queues.TOKEN_REVOCATIONS, body(new Revocation(subject, Instant.now())), null);
    }
    publish(new Revocation(marker, Instant.now()));

    String markerToken = TestTokens.tokenOf(marker, 0, Roles.READER);
    await().atMost(Duration.ofSeconds(5)).until(() ->
        given().header("Authorization", "Bearer " + markerToken).get("/guarded").statusCode() == 401);
    given().header("Authorization", "Bearer " + TestTokens.tokenOf(subject, 0, Roles.READER)).get("/guarded").then().statusCode(200);
  }

  /** As agent-service's relay publishes it: through strata, naming its broker user (here the local one, trusted in %test). */
  private void publish(Revocation revocation) throws Exception {
    try (Connection connection = topology.connectionFactory().newConnection("token-revocation-test");
        Channel channel = connection.createChannel()) {
      channel.basicPublish(Queues.EXCHANGE, Queues.TOKEN_REVOCATIONS, new AMQP.BasicProperties.Builder()
          .contentType("application/json").userId(brokerUser).build(),
          body(revocation));
    }
  }

  private static byte[] body(Revocation revocation) {
    var type = MessageType.TOKEN_REVOCATIONS;
    return new EnvelopeCodec().encode(Envelope.of(type, new TokenRevocations(List.of(revocation)), null));
  }
}
