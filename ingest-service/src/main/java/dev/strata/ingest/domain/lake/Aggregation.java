package dev.strata.ingest.domain.lake;

import dev.strata.ingest.domain.bar.Frame;
import dev.strata.kernel.error.DomainException;
import java.time.Duration;
import java.util.Optional;

/**
 * How to roll stored bars up to a coarser frame: fixed intraday buckets ({@code 5m}, {@code 15m},
 * {@code 1h}), or daily bars cut at the exchange session in its own time zone ({@code 1d}).
 */
public record Aggregation(Frame target, boolean session) {

  /** The aggregation to {@code target} from bars of {@code source}, or empty when none is asked. */
  public static Optional<Aggregation> of(Frame source, String target) {
    if (target == null || target.isBlank() || target.equals(source.value())) {
      return Optional.empty();
    }
    Frame to = Frame.of(target);
    if (!source.intraday()) {
      throw new DomainException.Invalid("bars of frame " + source + " cannot be aggregated");
    }
    if (to.value().equals("1d")) {
      return Optional.of(new Aggregation(to, true));
    }
    Duration from = source.duration();
    if (!to.intraday() || to.duration().compareTo(from) <= 0 || to.duration().toSeconds() % from.toSeconds() != 0) {
      throw new DomainException.Invalid("cannot aggregate " + source + " bars to " + to);
    }
    return Optional.of(new Aggregation(to, false));
  }
}
