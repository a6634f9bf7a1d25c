package dev.strata.scoring.adapter.in.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.messaging.contract.AuditEvent;
import dev.strata.kernel.security.Roles;
import dev.strata.scoring.TelcoCustomerFeatures;
import dev.strata.scoring.TemporaryModelFolder;
import dev.strata.scoring.domain.training.HoldoutSplit;
import dev.strata.scoring.domain.training.ModelTrainer;
import dev.strata.scoring.domain.training.Recipe;
import dev.strata.scoring.domain.training.TrainedModel;
import dev.strata.testing.ActingAs;
import dev.strata.testing.Authorized;
import dev.strata.testing.Broker;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Archiving versions, and the audit trail of every registry change an admin makes. */
@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@QuarkusTestResource(TemporaryModelFolder.class)
@ActingAs(Roles.ADMIN)
class ModelArchiveAndAuditIT {

  private static TrainedModel trained;

  @Inject ModelTrainer trainer;
  @Inject TelcoCustomerFeatures telco;

  @BeforeEach
  void trainOnce() {
    if (trained == null) {
      var rows = telco.rows().stream().map(Recipe.CHURN::example).toList();
      trained = trainer.train(Recipe.CHURN.task(), TelcoCustomerFeatures.FEATURES, HoldoutSplit.of(rows, 0.2).training(), 5).toCompletableFuture().join();
    }
  }

  @Test
  void anArchivedVersionIsListedAsArchivedCannotServeAndCannotBePromoted() {
    String champion = upload("archived_churn", "champion");
    String old = upload("archived_churn", "challenger");

    given().post("/models/archived_churn/versions/" + old + "/archive").then().statusCode(200)
        .body("archived", equalTo(List.of(old))).body("versions.version", hasItem(old))
        .body("aliases.challenger", nullValue()).body("aliases.champion", equalTo(champion));

    given().contentType(ContentType.JSON).body(infer()).post("/v2/models/archived_churn/versions/" + old + "/infer")
        .then().statusCode(404).body("error", containsString("archived"));
    given().get("/v2/models/archived_churn/versions/" + old + "/ready").then().statusCode(404);
    given().contentType(ContentType.JSON).body(Map.of("version", old)).put("/models/archived_churn/aliases/champion")
        .then().statusCode(409).contentType("application/problem+json").body("detail", containsString("archived"));
    given().contentType(ContentType.JSON).body(infer()).post("/v2/models/archived_churn/infer")
        .then().statusCode(200).body("model_version", equalTo(champion));
  }

  @Test
  void theChampionCannotBeArchivedAndOnlyAnAdminMayArchive() {
    String champion = upload("archived_champion", "champion");

    given().post("/models/archived_champion/versions/" + champion + "/archive").then().statusCode(409)
        .contentType("application/problem+json").body("detail", containsString("champion"));
    Authorized.reset();
    given().header("Authorization", TestTokens.bearer(Roles.OPERATOR)).post("/models/archived_champion/versions/" + champion + "/archive")
        .then().log().ifValidationFails().statusCode(403);
    Authorized.as(Roles.ADMIN);
    given().get("/models/archived_champion/versions").then().body("archived", hasSize(0))
        .body("aliases.champion", equalTo(champion)).body("archived", not(hasItem(champion)));
    given().post("/models/archived_champion/versions/99/archive").then().statusCode(404);
  }

  @Test
  void uploadsAliasMovesAndArchivingAreAuditedWithTheAdminWhoDidThem() throws Exception {
    try (Broker broker = Broker.connect(Map.of())) {
      broker.purge(Queues.AUDIT_LOG);
      String first = upload("audited_churn", "champion");
      String second = upload("audited_churn", null);
      given().contentType(ContentType.JSON).body(Map.of("version", second)).put("/models/audited_churn/aliases/champion")
          .then().statusCode(200);
      given().post("/models/audited_churn/versions/" + first + "/archive").then().statusCode(200);

      List<AuditEvent> events = new ArrayList<>();
      await().atMost(Duration.ofSeconds(10)).until(() -> {
        var delivery = broker.take(Queues.AUDIT_LOG);
        if (delivery != null) {
          AuditEvent event = new EnvelopeCodec().decode(delivery.getBody(), MessageType.AUDIT_EVENT).payload();
          if (event.resource().startsWith("model audited_churn ")) {
            events.add(event);
          }
        }
        return events.size() >= 5;
      });
      assertThat(events).extracting(AuditEvent::action, AuditEvent::resource).containsExactly(
          org.assertj.core.groups.Tuple.tuple("upload-model-version", "model audited_churn version " + first),
          org.assertj.core.groups.Tuple.tuple("set-alias", "model audited_churn version " + first),
          org.assertj.core.groups.Tuple.tuple("upload-model-version", "model audited_churn version " + second),
          org.assertj.core.groups.Tuple.tuple("set-alias", "model audited_churn version " + second),
          org.assertj.core.groups.Tuple.tuple("archive-model-version", "model audited_churn version " + first));
      assertThat(events).allSatisfy(e -> {
        assertThat(e.actor()).isEqualTo("test-admin");
        assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.SUCCESS);
      });
      assertThat(events.get(3).details()).containsEntry("alias", "champion").containsEntry("previous", first);
    }
  }

  private static String upload(String model, String alias) {
    Map<String, Object> metadata = new HashMap<>();
    metadata.put("task", "CLASSIFICATION");
    metadata.put("features", trained.featureOrder());
    metadata.put("positiveIndex", trained.positiveIndex());
    if (alias != null) {
      metadata.put("alias", alias);
    }
    return given().multiPart("model", "model.onnx", trained.onnx(), "application/octet-stream")
        .multiPart("metadata", metadata, "application/json")
        .post("/models/" + model + "/versions").then().statusCode(201).extract().path("version");
  }

  private static Map<String, Object> infer() {
    int width = trained.featureOrder().size();
    return Map.of("inputs", List.of(Map.of("name", trained.inputName(), "datatype", "FP32",
        "shape", List.of(1, width), "data", Collections.nCopies(width, 1))));
  }
}
