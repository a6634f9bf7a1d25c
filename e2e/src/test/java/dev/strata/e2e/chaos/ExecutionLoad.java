package dev.strata.e2e.chaos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Workflow executions as units of work, and the measure of what became of them: each SUCCEEDED once,
 * with one checkpoint per step, and its {@code notify} step's webhook delivered once (one {@code webhook-id}).
 */
final class ExecutionLoad {

  /** The kind of step that does the work before the notification. */
  enum Work {
    /** an {@code http} step to a slow third party, so executions pile up behind the runner */
    SLOW_HTTP,
    /** an {@code llm} step at temperature 0 (cached in Redis) */
    LLM,
    /** a {@code template} step only */
    TEMPLATE
  }

  private final Rig rig;
  private final String workflowId;
  private final int steps;
  private final Map<String, String> executionsByKey = new ConcurrentHashMap<>();

  ExecutionLoad(Rig rig, String name, Work work) {
    this.rig = rig;
    List<Map<String, Object>> definition = new ArrayList<>();
    switch (work) {
      case SLOW_HTTP -> definition.add(Map.of("id", "call", "kind", "http", "params",
          Map.of("url", rig.endpoints.base() + "/slow?key={{input.key}}", "method", "POST", "body", "{\"key\":\"{{input.key}}\"}")));
      case LLM -> definition.add(Map.of("id", "call", "kind", "llm", "params", Map.of("prompt", "Advise on keeping customer {{input.customer}}.")));
      case TEMPLATE -> { }
    }
    definition.add(Map.of("id", "text", "kind", "template", "params", Map.of("text", "execution {{input.key}} done")));
    definition.add(Map.of("id", "tell", "kind", "notify", "params", Map.of("channel", "chaos",
        "webhookUrl", rig.endpoints.base() + "/hook", "subject", "chaos", "body", "{{steps.text}}")));
    this.steps = definition.size();
    this.workflowId = Rig.retrying(() -> rig.api.post("agent", "/workflows",
        Map.of("name", "chaos " + name + " " + rig.tag + " " + UUID.randomUUID(), "steps", definition)), Rig.answers())
        .path("id").asText();
  }

  /** Starts one execution, retried with its idempotency key until it is answered 2xx. */
  String start(String key, Map<String, AtomicLong> seen) {
    String body = "{\"input\":{\"key\":\"" + key + "\",\"customer\":\"C" + (key.hashCode() & 7) + "\"}}";
    String id = Rig.retrying(() -> rig.api.send("agent", "POST", "/workflows/" + workflowId + "/executions",
        "application/json", body, Map.of("Idempotency-Key", key)), seen).path("id").asText();
    String earlier = executionsByKey.putIfAbsent(key, id);
    if (earlier != null && !earlier.equals(id)) {
      throw new IllegalStateException("one idempotency key, two executions: " + earlier + ", " + id);
    }
    return id;
  }

  int offered() {
    return executionsByKey.size();
  }

  long succeeded() {
    return statuses().values().stream().filter("SUCCEEDED"::equals).count();
  }

  /** True when every execution started has ended and its notification had its chance to arrive. */
  boolean settled() {
    Map<String, String> statuses = statuses();
    for (String id : executionsByKey.values()) {
      String status = statuses.get(id);
      if (status == null || !(status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELLED"))
          || status.equals("SUCCEEDED") && rig.endpoints.deliveries(id) == 0) {
        return false;
      }
    }
    return true;
  }

  Outcome measure(String experiment, Duration recovery, String notes) {
    Map<String, String> statuses = statuses();
    Map<String, Long> checkpoints = checkpoints();
    long once = 0;
    long lost = 0;
    long duplicated = 0;
    long recalled = 0;
    long resent = 0;
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> started : executionsByKey.entrySet()) {
      String id = started.getValue();
      long delivered = rig.endpoints.deliveries(id);
      long steps = checkpoints.getOrDefault(id, 0L);
      recalled += Math.max(0, rig.endpoints.slowCalls(started.getKey()) - 1);
      resent += rig.endpoints.repeatedDeliveries(id);
      if (delivered > 1 || steps > this.steps) {
        duplicated++;
        problems.add("execution " + id + " notified " + delivered + "×, " + steps + " checkpoints");
      } else if (!"SUCCEEDED".equals(statuses.get(id)) || delivered == 0 || steps < this.steps) {
        lost++;
        problems.add("execution " + id + " " + statuses.get(id) + ", notified " + delivered + "×, " + steps + " checkpoints");
      } else {
        once++;
      }
    }
    String detail = notes + (recalled > 0 ? "; http step called again for " + recalled + " (at-least-once, documented)" : "")
        + (resent > 0 ? "; webhook posted again with its webhook-id " + resent + "× (at-least-once, the receiver drops the repeat)" : "")
        + (problems.isEmpty() ? "" : "; " + String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
    return new Outcome(experiment, executionsByKey.size(), once, lost, duplicated, recovery, detail, null);
  }

  private Map<String, String> statuses() {
    Map<String, String> statuses = new HashMap<>();
    query("select id::text, status from agent.executions where workflow_id = ?::uuid", (id, status) -> statuses.put(id, status));
    return statuses;
  }

  private Map<String, Long> checkpoints() {
    Map<String, Long> counts = new HashMap<>();
    query("select c.execution_id::text, count(*)::text from agent.checkpoints c join agent.executions e on e.id = c.execution_id"
        + " where e.workflow_id = ?::uuid group by c.execution_id", (id, count) -> counts.put(id, Long.parseLong(count)));
    return counts;
  }

  private void query(String sql, java.util.function.BiConsumer<String, String> row) {
    try (Connection db = Rig.database(); PreparedStatement query = db.prepareStatement(sql)) {
      query.setString(1, workflowId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          row.accept(rows.getString(1), rows.getString(2));
        }
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("agent's executions unreadable", e);
    }
  }
}
