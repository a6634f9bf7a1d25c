package dev.strata.e2e.chaos;

import dev.strata.e2e.EventProducer;
import dev.strata.e2e.PackagedServices.Service;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.EnvelopeCodec;
import dev.strata.kernel.messaging.MessageType;
import dev.strata.kernel.messaging.Queues;
import dev.strata.kernel.messaging.contract.AuditEvent;
import dev.strata.kernel.messaging.contract.DatasetIdentity;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import dev.strata.kernel.messaging.contract.NotificationSend;
import dev.strata.kernel.messaging.contract.UsageEvent;
import dev.strata.kernel.messaging.contract.UsageEventBatch;
import dev.strata.kernel.messaging.contract.WorkflowExecute;
import dev.strata.testing.Broker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * On every queue a service consumes, a poison message (not JSON) and an oversized one (a valid
 * message, padded past any sane size with a field consumers ignore): each must end in the queue's DLQ
 * once, be counted in {@code strata_messages_dead_lettered_total}, and leave its consumer working — a
 * valid bar batch sent after them lands. Each is published by a broker user that may publish on that queue
 * (a producer, or the owning service's user), so it is the consumer, not the broker's permissions, that
 * has to cope with it.
 */
final class BadMessages {

  private static final Map<String, Service> CONSUMERS = new LinkedHashMap<>();

  static {
    CONSUMERS.put(Queues.INGEST_BARS, Service.INGEST);
    CONSUMERS.put(Queues.INGEST_USAGE, Service.INGEST);
    CONSUMERS.put(Queues.DATASET_INGESTED, Service.WAREHOUSE);
    CONSUMERS.put(Queues.WORKFLOW_EXECUTE, Service.AGENT);
    CONSUMERS.put(Queues.NOTIFICATION_SEND, Service.AGENT);
    CONSUMERS.put(Queues.AUDIT_LOG, Service.AGENT);
  }

  /** Who may publish on each queue: producers, or the service that owns its messages. */
  private static final Map<String, String> PUBLISHERS = Map.of(
      Queues.INGEST_BARS, Rig.PRODUCER, Queues.INGEST_USAGE, Rig.PRODUCER, Queues.WORKFLOW_EXECUTE, Rig.PRODUCER,
      Queues.DATASET_INGESTED, MessageType.INGEST, Queues.NOTIFICATION_SEND, MessageType.AGENT, Queues.AUDIT_LOG, MessageType.AGENT);

  private BadMessages() {}

  static Outcome run(Rig rig, int oversizedBytes) throws IOException {
    EnvelopeCodec codec = new EnvelopeCodec();
    ExecutionLoad workflow = new ExecutionLoad(rig, "bad messages", ExecutionLoad.Work.TEMPLATE);
    String workflowId = workflow.start(rig.tag + "-bm-probe", Rig.answers());
    BarLoad after = new BarLoad(rig, "BM", 1, 60);
    Map<String, Long> dlqBefore = new LinkedHashMap<>();
    Map<String, Double> countedBefore = new LinkedHashMap<>();
    try (Broker broker = rig.broker(); EventProducer producer = rig.producer()) {
      for (String queue : CONSUMERS.keySet()) {
        dlqBefore.put(queue, broker.depth(Queues.deadLetterQueue(queue)));
        countedBefore.put(queue, counted(rig, queue));
      }
      for (String queue : CONSUMERS.keySet()) {
        try (EventProducer publisher = rig.producer(PUBLISHERS.get(queue))) {
          publisher.publishRaw(queue, "{\"not\": json".getBytes(StandardCharsets.UTF_8), UUID.randomUUID().toString());
          Envelope<?> valid = validMessage(queue, rig, workflowId);
          publisher.publishRaw(queue, padded(codec.encode(valid), oversizedBytes), valid.messageId().toString());
        }
      }
      after.publishAll(producer);
      Instant sent = Instant.now();
      Duration recovery = Recovery.await(sent, Duration.ofMinutes(3), () -> {
        for (String queue : CONSUMERS.keySet()) {
          if (depth(broker, Queues.deadLetterQueue(queue)) < dlqBefore.get(queue) + 2) {
            return false;
          }
        }
        return after.settled() && rig.allReady();
      });
      long once = 0;
      long lost = 0;
      long twice = 0;
      StringBuilder notes = new StringBuilder("oversized = " + oversizedBytes / (1024 * 1024) + " MiB; dead-lettered/counted per queue:");
      String failure = null;
      for (String queue : CONSUMERS.keySet()) {
        long dead = broker.depth(Queues.deadLetterQueue(queue)) - dlqBefore.get(queue);
        long counted = Math.round(counted(rig, queue) - countedBefore.get(queue));
        once += Math.min(dead, 2);
        lost += Math.max(0, 2 - dead);
        twice += Math.max(0, dead - 2);
        notes.append(' ').append(queue).append(' ').append(dead).append('/').append(counted);
        if (counted != dead && failure == null) {
          failure = queue + ": " + dead + " dead-lettered but " + counted + " counted";
        }
        broker.purge(Queues.deadLetterQueue(queue));
      }
      if (!after.settled()) {
        failure = "a valid bar batch sent after the bad messages was not landed and promoted";
      }
      return new Outcome("poison + oversized message on each of 6 queues", 2L * CONSUMERS.size(), once, lost, twice, recovery,
          notes.toString(), failure);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long depth(Broker broker, String queue) {
    try {
      return broker.depth(queue);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static double counted(Rig rig, String queue) {
    return rig.metric(CONSUMERS.get(queue), "strata_messages_dead_lettered_total", "queue=\"" + queue + "\"");
  }

  /** A message the consumer would otherwise work on, so only its size can send it to the DLQ. */
  private static Envelope<?> validMessage(String queue, Rig rig, String workflowId) {
    Instant now = Instant.now();
    return switch (queue) {
      case Queues.INGEST_BARS -> Envelope.of(MessageType.BAR_BATCH, new BarLoad(rig, "OV", 1, 10).batch(0), rig.tag);
      case Queues.INGEST_USAGE -> Envelope.of(MessageType.USAGE_EVENT_BATCH, new UsageEventBatch(List.of(
          new UsageEvent("C0001", now, "login", 1.0, Map.of())), "chaos-" + rig.tag + "-ov-usage"), rig.tag);
      case Queues.DATASET_INGESTED -> Envelope.of(MessageType.DATASET_INGESTED, new DatasetIngested(
          DatasetIdentity.bars("producer", "1m", "OVERSIZED"), now, now, "frame=1m/symbol=OVERSIZED/x.parquet",
          "chaos-" + rig.tag + "-ov-run", 1, "0".repeat(64), "frame=1m/symbol=OVERSIZED/x.parquet"), rig.tag);
      case Queues.WORKFLOW_EXECUTE -> Envelope.of(MessageType.WORKFLOW_EXECUTE, new WorkflowExecute(
          UUID.randomUUID(), UUID.fromString(workflowIdOf(rig, workflowId)), Map.of("key", "oversized"), null), rig.tag);
      case Queues.NOTIFICATION_SEND -> Envelope.of(MessageType.NOTIFICATION_SEND, new NotificationSend(
          "chaos", rig.endpoints.base() + "/hook", "oversized", "oversized", UUID.randomUUID()), rig.tag);
      case Queues.AUDIT_LOG -> Envelope.of(MessageType.AUDIT_EVENT, new AuditEvent("chaos", "chaos", "oversized",
          "chaos " + rig.tag, AuditEvent.Outcome.SUCCESS, now, Map.of()), rig.tag);
      default -> throw new IllegalArgumentException(queue);
    };
  }

  private static String workflowIdOf(Rig rig, String executionId) {
    return rig.api.get("agent", "/executions/" + executionId).path("workflowId").asText();
  }

  /** {@code body} with a {@code padding} field first, grown to {@code size} bytes. */
  static byte[] padded(byte[] body, int size) {
    byte[] head = "{\"padding\":\"".getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\",".getBytes(StandardCharsets.US_ASCII);
    int fill = Math.max(0, size - body.length - head.length - tail.length);
    byte[] out = new byte[head.length + fill + tail.length + body.length - 1];
    System.arraycopy(head, 0, out, 0, head.length);
    Arrays.fill(out, head.length, head.length + fill, (byte) 'x');
    System.arraycopy(tail, 0, out, head.length + fill, tail.length);
    System.arraycopy(body, 1, out, head.length + fill + tail.length, body.length - 1);
    return out;
  }
}
