package dev.strata.ingest.domain.bar;

import dev.strata.kernel.messaging.contract.Bar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of checking a batch of bars against the policies: the rows that passed (in order,
 * outliers flagged) and the rows that did not, each with its first broken policy.
 */
public record BarValidation(List<ValidBar> accepted, List<RejectedRow> rejected) {

  public BarValidation {
    accepted = List.copyOf(accepted);
    rejected = List.copyOf(rejected);
  }

  /** Applies {@code policies} to every row of {@code bars}. */
  public static BarValidation of(List<Bar> bars, Frame frame, List<BarPolicy> policies) {
    List<ValidBar> accepted = new ArrayList<>(bars.size());
    List<RejectedRow> rejected = new ArrayList<>();
    ValidBar previous = null;
    for (int row = 0; row < bars.size(); row++) {
      Bar bar = bars.get(row);
      Optional<RejectedRow> refusal = firstViolation(row, bar, previous, frame, policies);
      if (refusal.isPresent()) {
        rejected.add(refusal.get());
        continue;
      }
      previous = new ValidBar(bar.ts(), bar.open(), bar.high(), bar.low(), bar.close(), bar.volume(),
          OutlierFlag.isOutlier(bar.close(), previous));
      accepted.add(previous);
    }
    return new BarValidation(accepted, rejected);
  }

  private static Optional<RejectedRow> firstViolation(
      int row, Bar bar, ValidBar previous, Frame frame, List<BarPolicy> policies) {
    for (BarPolicy policy : policies) {
      Optional<String> reason = policy.violation(bar, previous, frame);
      if (reason.isPresent()) {
        return Optional.of(new RejectedRow(row, policy.name(), reason.get()));
      }
    }
    return Optional.empty();
  }

  /** What lands under {@code mode}: nothing when the whole batch is rejected. */
  public List<ValidBar> landing(ValidationMode mode) {
    return mode == ValidationMode.REJECT_BATCH && !rejected.isEmpty() ? List.of() : accepted;
  }
}
