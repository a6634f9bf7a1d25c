package dev.strata.ingest.domain.usage;

import dev.strata.ingest.domain.bar.RejectedRow;
import dev.strata.kernel.messaging.contract.UsageEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The policies of a usage event — {@code required-fields} (customerId, ts, event),
 * {@code bounded-names} (at most 128 characters) and {@code non-negative-quantity} — and the
 * outcome of applying them to a batch.
 */
public record UsageValidation(List<ValidUsageEvent> accepted, List<RejectedRow> rejected) {

  static final int MAX_NAME = 128;

  public UsageValidation {
    accepted = List.copyOf(accepted);
    rejected = List.copyOf(rejected);
  }

  public static UsageValidation of(List<UsageEvent> events) {
    List<ValidUsageEvent> accepted = new ArrayList<>(events.size());
    List<RejectedRow> rejected = new ArrayList<>();
    for (int row = 0; row < events.size(); row++) {
      UsageEvent event = events.get(row);
      RejectedRow refusal = refusal(row, event);
      if (refusal != null) {
        rejected.add(refusal);
      } else {
        double quantity = event.quantity() == null ? 1.0 : event.quantity();
        accepted.add(new ValidUsageEvent(event.customerId(), event.ts(), event.event(), quantity, event.attributes()));
      }
    }
    return new UsageValidation(accepted, rejected);
  }

  private static RejectedRow refusal(int row, UsageEvent event) {
    if (blank(event.customerId()) || event.ts() == null || blank(event.event())) {
      return new RejectedRow(row, "required-fields", "customerId, ts and event are required");
    }
    if (event.customerId().length() > MAX_NAME || event.event().length() > MAX_NAME) {
      return new RejectedRow(row, "bounded-names", "customerId and event must be at most " + MAX_NAME + " characters");
    }
    if (event.quantity() != null && (!Double.isFinite(event.quantity()) || event.quantity() < 0)) {
      return new RejectedRow(row, "non-negative-quantity", "quantity must be a finite number >= 0");
    }
    return null;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
