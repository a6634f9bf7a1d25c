package dev.strata.agent.adapter.in.messaging;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The allow-list of starts from outside agent-service on {@code workflow.execute}: which broker user may
 * start which workflows ({@code agent.external-starts}: {@code user:workflow-id} or {@code user:*}).
 */
final class ExternalStarts {

  private static final String ANY_WORKFLOW = "*";

  private final Map<String, Set<String>> workflowsByPublisher = new HashMap<>();

  ExternalStarts(List<String> entries) {
    for (String entry : entries) {
      int colon = entry.lastIndexOf(':');
      if (colon <= 0 || colon == entry.length() - 1) {
        throw new IllegalArgumentException("agent.external-starts: '" + entry + "' is not <broker user>:<workflow id or *>");
      }
      String workflow = entry.substring(colon + 1).strip();
      if (!workflow.equals(ANY_WORKFLOW) && !isUuid(workflow)) { // a typo fails the start instead of allowing nothing
        throw new IllegalArgumentException("agent.external-starts: '" + workflow + "' in '" + entry + "' is not a workflow id or *");
      }
      workflowsByPublisher.computeIfAbsent(entry.substring(0, colon).strip(), user -> new HashSet<>()).add(workflow);
    }
  }

  private static boolean isUuid(String text) {
    try {
      return UUID.fromString(text).toString().equalsIgnoreCase(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  boolean allows(String publisher, UUID workflowId) {
    Set<String> workflows = workflowsByPublisher.getOrDefault(publisher, Set.of());
    return workflows.contains(ANY_WORKFLOW) || workflows.contains(String.valueOf(workflowId));
  }
}
