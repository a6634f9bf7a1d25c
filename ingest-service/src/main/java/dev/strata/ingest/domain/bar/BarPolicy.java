package dev.strata.ingest.domain.bar;

import dev.strata.kernel.messaging.contract.Bar;
import java.util.Optional;

/**
 * One named validation rule of a bar. {@code previous} is the last bar accepted before it in the
 * same batch (null for the first), for rules about the sequence.
 */
public interface BarPolicy {

  String name();

  /** Why {@code bar} breaks the rule, or empty when it keeps it. */
  Optional<String> violation(Bar bar, ValidBar previous, Frame frame);

  static BarPolicy named(String name, Rule rule) {
    return new BarPolicy() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Optional<String> violation(Bar bar, ValidBar previous, Frame frame) {
        return Optional.ofNullable(rule.check(bar, previous, frame));
      }
    };
  }

  /** A rule as a lambda: returns the reason, or null when the bar keeps it. */
  @FunctionalInterface
  interface Rule {
    String check(Bar bar, ValidBar previous, Frame frame);
  }
}
