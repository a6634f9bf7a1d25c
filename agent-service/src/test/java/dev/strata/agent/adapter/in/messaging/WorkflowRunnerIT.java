package dev.strata.agent.adapter.in.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.strata.agent.domain.execution.Checkpoint;
import dev.strata.agent.domain.execution.Checkpoints;
import dev.strata.agent.domain.execution.Execution;
import dev.strata.agent.domain.execution.Executions;
import dev.strata.agent.domain.shared.UnitOfWork;
import dev.strata.agent.domain.workflow.ExecutionState;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.messaging.contract.WorkflowExecute;
import dev.strata.kernel.security.Roles;
import dev.strata.testing.ActingAs;
import dev.strata.testing.Broker;
import dev.strata.testing.StrataInfrastructure;
import dev.strata.testing.WebhookReceiver;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(StrataInfrastructure.class)
@ActingAs(Roles.ADMIN)
class WorkflowRunnerIT {

  @Inject Executions executions;
  @Inject Checkpoints checkpoints;
  @Inject UnitOfWork unitOfWork;

  private WebhookReceiver receiver;
  private Broker broker;
  private final EnvelopeCodec codec = new EnvelopeCodec();

  @BeforeEach
  void open() {
    receiver = new WebhookReceiver();
    broker = Broker.connect(Map.of());
  }

  @AfterEach
  void close() throws Exception {
    receiver.close();
    broker.close();
  }

  private String workflow(String steps) {
    return given().contentType(ContentType.JSON).body("""
        {"name":"runner test","steps":%s}""".formatted(steps)).post("/workflows").then().statusCode(201).extract().path("id");
  }

  private String threeSteps(String tag) {
    return workflow("""
        [{"id":"greet","kind":"template","params":{"text":"Hello {{input.name}}"}},
         {"id":"call","kind":"http","params":{"url":"%s","body":"{\\"said\\":\\"{{steps.greet}}\\"}"}},
         {"id":"done","kind":"template","params":{"text":"{{steps.greet}} / {{steps.call.status}}"}}]"""
        .formatted(receiver.url("/" + tag)));
  }

  private String start(String workflowId, String key) {
    return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body("{\"input\":{\"name\":\"Ada\"}}")
        .post("/workflows/" + workflowId + "/executions").then().extract().path("id");
  }

  private void awaitStatus(String executionId, String status) {
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        given().get("/executions/" + executionId).then().body("status", equalTo(status)));
  }

  private void publish(Envelope<WorkflowExecute> envelope) throws Exception {
    broker.publishToDefaultExchange(Queues.WORKFLOW_EXECUTE, codec.encode(envelope), "application/json", envelope.messageId().toString());
  }

  @Test
  void aThreeStepWorkflowCompletesWithACheckpointPerStep() {
    String id = start(threeSteps("three"), "three-" + UUID.randomUUID());
    awaitStatus(id, "SUCCEEDED");
    given().get("/executions/" + id).then().body("output", equalTo("Hello Ada / 200"));
    assertThat(receiver.calls("/three")).singleElement().extracting(WebhookReceiver.Call::body).isEqualTo("{\"said\":\"Hello Ada\"}");
    given().get("/executions/" + id + "/checkpoints").then().statusCode(200)
        .body("size()", equalTo(3)).body("[2].stepId", equalTo("done")).body("[0].parentId", equalTo(null));
    List<String> ids = given().get("/executions/" + id + "/checkpoints").then().extract().path("id");
    given().get("/executions/" + id + "/checkpoints/" + ids.get(1)).then().statusCode(200).body("parentId", equalTo(ids.get(0)));
  }

  @Test
  void theSameIdempotencyKeyStartsOneExecution() {
    String workflowId = threeSteps("idem");
    String key = "idem-" + UUID.randomUUID();
    String first = start(workflowId, key);
    given().contentType(ContentType.JSON).header("Idempotency-Key", key).body("{}")
        .post("/workflows/" + workflowId + "/executions").then().statusCode(200).body("id", equalTo(first));
    awaitStatus(first, "SUCCEEDED");
    given().queryParam("workflowId", workflowId).get("/executions").then().body("total", equalTo(1));
    assertThat(receiver.calls("/idem")).hasSize(1);
  }

  @Test
  void duplicateMessagesRunTheExecutionOnce() throws Exception {
    String workflowId = threeSteps("dup");
    var envelope = Envelope.of(MessageType.WORKFLOW_EXECUTE,
        new WorkflowExecute(null, UUID.fromString(workflowId), Map.of("name", "Bob"), null), "dup");
    publish(envelope);
    publish(envelope);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().queryParam("workflowId", workflowId)
        .queryParam("status", "SUCCEEDED").get("/executions").then().body("total", equalTo(1)));
    String executionId = given().queryParam("workflowId", workflowId).get("/executions").then().extract().path("items[0].id");
    publish(Envelope.of(MessageType.WORKFLOW_EXECUTE, new WorkflowExecute(UUID.fromString(executionId), UUID.fromString(workflowId), Map.of(), null), "again"));
    await().atMost(Duration.ofSeconds(10)).until(() -> broker.depth(Queues.WORKFLOW_EXECUTE) == 0);
    given().queryParam("workflowId", workflowId).get("/executions").then().body("total", equalTo(1));
    assertThat(receiver.calls("/dup")).hasSize(1);
  }

  @Test
  void aRunnerThatDiedAfterStepTwoCommittedResumesAtStepThreeWithoutRepeatingSideEffects() throws Throwable {
    String workflowId = workflow("""
        [{"id":"a","kind":"http","params":{"url":"%s"}},{"id":"b","kind":"http","params":{"url":"%s"}},
         {"id":"c","kind":"http","params":{"url":"%s","body":"{{steps.a.status}}-{{steps.b.status}}"}}]"""
        .formatted(receiver.url("/a"), receiver.url("/b"), receiver.url("/c")));
    // what a runner leaves behind when it dies right after committing step 2: the row and two checkpoints
    UUID executionId = UUID.randomUUID();
    Instant now = Instant.now();
    ExecutionState afterA = ExecutionState.start(Map.of()).with("a", Map.of("status", 200, "body", "{}"));
    ExecutionState afterB = afterA.with("b", Map.of("status", 200, "body", "{}"));
    UUID first = UUID.randomUUID();
    VertxContextSupport.subscribeAndAwait(() -> Uni.createFrom().completionStage(() -> unitOfWork.write(() ->
        executions.create(Execution.pending(executionId, UUID.fromString(workflowId), Map.of(), null, null, now).onWorkflowVersion(0))
            .thenCompose(e -> checkpoints.append(new Checkpoint(first, executionId, 0, "a", afterA, null, now)))
            .thenCompose(c -> checkpoints.append(new Checkpoint(UUID.randomUUID(), executionId, 1, "b", afterB, first, now)))
            .thenCompose(c -> executions.get(executionId))
            .thenCompose(e -> executions.update(e.orElseThrow().stepDone(1, now))))));

    publish(Envelope.of(MessageType.WORKFLOW_EXECUTE, new WorkflowExecute(executionId, UUID.fromString(workflowId), Map.of(), null), "redelivered"));

    awaitStatus(executionId.toString(), "SUCCEEDED");
    assertThat(receiver.calls("/a")).isEmpty();
    assertThat(receiver.calls("/b")).isEmpty();
    assertThat(receiver.calls("/c")).singleElement().extracting(WebhookReceiver.Call::body).isEqualTo("200-200");
    given().get("/executions/" + executionId + "/checkpoints").then().body("size()", equalTo(3));
  }

  @Test
  void aStepThatKeepsFailingIsRetriedThenTheExecutionFailsWithTheErrorRecorded() {
    receiver.answer("/broken", 503);
    String workflowId = workflow("""
        [{"id":"call","kind":"http","params":{"url":"%s"}}]""".formatted(receiver.url("/broken")));
    String id = start(workflowId, "fail-" + UUID.randomUUID());
    awaitStatus(id, "FAILED");
    given().get("/executions/" + id).then().body("error", org.hamcrest.Matchers.containsString("503"));
    assertThat(receiver.calls("/broken")).hasSize(3);
    given().post("/executions/" + id + "/cancel").then().statusCode(409).contentType("application/problem+json");
  }

  @Test
  void anHttpStepWhoseUrlRendersWithUserInfoFailsWithoutCallingOut() {
    String workflowId = workflow("""
        [{"id":"call","kind":"http","params":{"url":"http://{{input.host}}/hook"}}]""");
    String authority = receiver.url("").substring("http://".length());
    String id = given().contentType(ContentType.JSON).header("Idempotency-Key", "userinfo-" + UUID.randomUUID())
        .body(Map.of("input", Map.of("host", "admin:secret@" + authority))).post("/workflows/" + workflowId + "/executions")
        .then().statusCode(202).extract().path("id");
    awaitStatus(id, "FAILED");
    given().get("/executions/" + id).then().body("error", org.hamcrest.Matchers.containsString("must not carry user-info"));
    assertThat(receiver.calls("/hook")).isEmpty();
  }

  @Test
  void anHttpStepToTheCloudMetadataAddressFailsAsRefusedEgressWithoutRetriesAndIsAudited() {
    String workflowId = workflow("""
        [{"id":"call","kind":"http","params":{"url":"http://169.254.169.254/latest/meta-data/iam","method":"GET"}}]""");
    String id = start(workflowId, "metadata-" + UUID.randomUUID());
    awaitStatus(id, "FAILED");
    given().get("/executions/" + id).then().body("error", org.hamcrest.Matchers.containsString("egress refused: 169.254.169.254 is link-local"));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("resource", "169.254.169.254").get("/audit")
        .then().body("items.action", org.hamcrest.Matchers.hasItem("egress")).body("items.outcome", org.hamcrest.Matchers.hasItem("FAILURE")));
  }

  @Test
  void whoStartedAnExecutionIsAuditedOverRestAndFromAProducerOnTheQueue() throws Exception {
    String workflowId = workflow("""
        [{"id":"t","kind":"template","params":{"text":"hi"}}]""");
    String id = start(workflowId, "audited-" + UUID.randomUUID());
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("resource", "/executions/" + id).get("/audit").then()
        .body("items.find { it.action == 'start-execution' }.actor", equalTo("test-admin")));

    var envelope = Envelope.of(MessageType.WORKFLOW_EXECUTE, new WorkflowExecute(null, UUID.fromString(workflowId), Map.of(), null), "outside");
    try (Broker producer = Broker.connectAs("strata-producer")) { // allowed every workflow in %test (agent.external-starts)
      producer.publishConfirmed(Queues.EXCHANGE, Queues.WORKFLOW_EXECUTE, codec.encode(envelope), "strata-producer");
    }
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("resource", "/workflows/" + workflowId).get("/audit").then()
        .body("items.find { it.details.messageId == '%s' }.actor".formatted(envelope.messageId()), equalTo("strata-producer")));
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().queryParam("workflowId", workflowId).get("/executions").then()
        .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("SUCCEEDED"))).body("total", equalTo(2)));
  }

  @Test
  void aProducerCannotRunAnExecutionItDidNotStartNorStartWithoutNamingItself() throws Throwable {
    String dlq = Queues.deadLetterQueue(Queues.WORKFLOW_EXECUTE);
    broker.purge(dlq);
    String workflowId = workflow("""
        [{"id":"t","kind":"template","params":{"text":"hi"}}]""");
    UUID someoneElses = pendingExecution(workflowId);
    try (Broker producer = Broker.connectAs("strata-producer")) {
      producer.publishConfirmed(Queues.EXCHANGE, Queues.WORKFLOW_EXECUTE, codec.encode(Envelope.of(MessageType.WORKFLOW_EXECUTE,
          new WorkflowExecute(someoneElses, UUID.fromString(workflowId), Map.of(), null), "hijack")), "strata-producer");
      producer.publishConfirmed(Queues.EXCHANGE, Queues.WORKFLOW_EXECUTE, codec.encode(Envelope.of(MessageType.WORKFLOW_EXECUTE,
          new WorkflowExecute(null, UUID.fromString(workflowId), Map.of(), null), "anonymous")), null);
    }
    // each refused at its first delivery, not after the delivery limit
    await().atMost(Duration.ofSeconds(10)).until(() -> broker.depth(dlq) == 2);
    given().get("/executions/" + someoneElses).then().body("status", equalTo("PENDING"));
    given().queryParam("workflowId", workflowId).get("/executions").then().body("total", equalTo(1));
  }

  @Test
  void anInputOverTheBodyLimitIsRefusedWithoutStartingAnything() {
    String workflowId = threeSteps("huge");
    given().contentType(ContentType.JSON).header("Idempotency-Key", "huge-" + UUID.randomUUID())
        .body("{\"input\":{\"blob\":\"" + "x".repeat(1024 * 1024) + "\"}}").post("/workflows/" + workflowId + "/executions")
        .then().statusCode(413).contentType("application/problem+json");
    given().queryParam("workflowId", workflowId).get("/executions").then().body("total", equalTo(0));
  }

  @Test
  void aForkFromACheckpointRunsOnlyTheLaterStepsOfItsParentsVersionAndRecordsItsParent() {
    String workflowId = threeSteps("fork");
    String id = start(workflowId, "fork-" + UUID.randomUUID());
    awaitStatus(id, "SUCCEEDED");
    // edited since: the fork still runs the steps its parent ran
    given().contentType(ContentType.JSON).body("""
        {"name":"edited","steps":[{"id":"only","kind":"template","params":{"text":"edited"}}],"version":0}""")
        .put("/workflows/" + workflowId).then().statusCode(200);
    String greetCheckpoint = given().get("/executions/" + id + "/checkpoints").then().extract().path("[0].id");
    String forked = given().header("Idempotency-Key", "fork-of-" + id)
        .post("/executions/" + id + "/checkpoints/" + greetCheckpoint + "/fork").then().statusCode(202)
        .body("forkedFrom", equalTo(greetCheckpoint)).body("workflowVersion", equalTo(0)).extract().path("id");
    awaitStatus(forked, "SUCCEEDED");
    given().get("/executions/" + forked + "/checkpoints").then()
        .body("size()", equalTo(2)).body("[0].stepIndex", equalTo(1)).body("[0].parentId", equalTo(greetCheckpoint));
    assertThat(receiver.calls("/fork")).hasSize(2);
  }

  @Test
  void aPoisonMessageEndsInTheDeadLetterQueue() throws Exception {
    String dlq = Queues.deadLetterQueue(Queues.WORKFLOW_EXECUTE);
    broker.purge(dlq);
    publish(Envelope.of(MessageType.WORKFLOW_EXECUTE, new WorkflowExecute(null, UUID.randomUUID(), Map.of(), null), "poison"));
    await().atMost(Duration.ofSeconds(60)).until(() -> broker.depth(dlq) == 1);
  }

  @Test
  void startingRequiresAnIdempotencyKeyAndAnExistingWorkflow() {
    given().contentType(ContentType.JSON).body("{}").post("/workflows/" + UUID.randomUUID() + "/executions").then()
        .statusCode(400).contentType("application/problem+json");
    given().contentType(ContentType.JSON).header("Idempotency-Key", "k").body("{}").post("/workflows/" + UUID.randomUUID() + "/executions")
        .then().statusCode(404).contentType("application/problem+json");
    given().get("/executions/" + UUID.randomUUID() + "/checkpoints").then().statusCode(404);
    given().get("/executions/nope").then().statusCode(400);
  }

  /** The row a start commits, made directly so the test owns every message that mentions it. */
  private UUID pendingExecution(String workflowId) throws Throwable {
    UUID executionId = UUID.randomUUID();
    VertxContextSupport.subscribeAndAwait(() -> Uni.createFrom().completionStage(() -> unitOfWork.write(() ->
        executions.create(Execution.pending(executionId, UUID.fromString(workflowId), Map.of(), null, null, Instant.now())
            .onWorkflowVersion(0)))));
    return executionId;
  }

  @Test
  void twoDeliveriesOfOneExecutionAtOnceRunItsStepOnceEvenWhenTheStepOutlastsTheLease() throws Throwable {
    // longer than the execution's lease (2 s in %test), under the step timeout (4 s): the first delivery keeps
    // the lease only by renewing it while the step runs, and the second waits for it instead of running the step again
    receiver.answerAfter("/slow", Duration.ofSeconds(3));
    String workflowId = workflow("""
        [{"id":"call","kind":"http","params":{"url":"%s"}}]""".formatted(receiver.url("/slow")));
    UUID executionId = pendingExecution(workflowId);
    var command = new WorkflowExecute(executionId, UUID.fromString(workflowId), Map.of(), null);

    publish(Envelope.of(MessageType.WORKFLOW_EXECUTE, command, "first"));
    publish(Envelope.of(MessageType.WORKFLOW_EXECUTE, command, "second"));

    awaitStatus(executionId.toString(), "SUCCEEDED");
    await().atMost(Duration.ofSeconds(30)).until(() -> broker.depth(Queues.WORKFLOW_EXECUTE) == 0);
    assertThat(receiver.calls("/slow")).hasSize(1);
    given().get("/executions/" + executionId + "/checkpoints").then().body("size()", equalTo(1));
  }

  @Test
  void aStepThatNeverAnswersTimesOutEachAttemptThenTheExecutionFailsWithTheTimeout() {
    receiver.neverAnswer("/silent");
    String workflowId = workflow("""
        [{"id":"call","kind":"http","params":{"url":"%s"}}]""".formatted(receiver.url("/silent")));
    String id = start(workflowId, "timeout-" + UUID.randomUUID());
    awaitStatus(id, "FAILED");
    given().get("/executions/" + id).then().body("error", equalTo("step 'call' failed: timed out after 4000 ms"));
    // agent.runner.max-attempts (3): each attempt reached the endpoint and was given up on
    assertThat(receiver.calls("/silent")).hasSize(3);
    given().get("/executions/" + id + "/checkpoints").then().body("size()", equalTo(0));
  }
}
