package dev.strata.support.files;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * One scheduled round of a {@link StaleStagingSweep}: what it removed is counted
 * ({@code <metric>.entries}, {@code <metric>.bytes}) and logged, and a failed round is logged and left
 * to the next one, never thrown at the scheduler. Replicas sharing the folder may sweep at once: both
 * only delete entries older than the max age, and an entry one removed is simply gone for the other.
 */
public final class RecordedStagingSweep {

  private static final Logger LOG = Logger.getLogger(RecordedStagingSweep.class);

  private final StaleStagingSweep sweep;
  private final String what;
  private final Counter entries;
  private final Counter bytes;

  public RecordedStagingSweep(StaleStagingSweep sweep, String metric, String what, MeterRegistry registry) {
    this.sweep = sweep;
    this.what = what;
    this.entries = Counter.builder(metric + ".entries").description(what + " removed").register(registry);
    this.bytes = Counter.builder(metric + ".bytes").description("Bytes of " + what + " removed").baseUnit("bytes")
        .register(registry);
  }

  public void run() {
    try {
      StaleStagingSweep.Swept swept = sweep.sweep(Instant.now());
      if (swept.entries() > 0) {
        entries.increment(swept.entries());
        bytes.increment(swept.bytes());
        LOG.infof("removed %d %s, %d bytes", swept.entries(), what, swept.bytes());
      }
    } catch (RuntimeException e) {
      LOG.warnf(e, "sweep of %s failed; the next round retries", what);
    }
  }
}
