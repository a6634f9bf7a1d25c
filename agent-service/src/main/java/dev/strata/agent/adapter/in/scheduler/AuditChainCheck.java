package dev.strata.agent.adapter.in.scheduler;

import dev.strata.agent.application.VerifyAudit;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Verifies the audit log's hash chain every {@code agent.audit.verify-every}, for the gauges an operator's
 * alert watches (Prometheus scrapes {@code /q/metrics}, not {@code GET /audit/verify}): {@code strata.audit.chain.ok}
 * is 1 while the chain verifies, 0 once a record is broken, -1 before the first check or while it cannot be checked;
 * {@code strata.audit.chain.records} is how many records the last check read. The first check waits
 * {@code agent.audit.verify-delay}, so that a rolling restart does not read the whole chain once per replica
 * as each comes up.
 */
@Startup
@ApplicationScoped
public class AuditChainCheck {

  private static final Logger LOG = Logger.getLogger(AuditChainCheck.class);

  private final VerifyAudit verify;
  private final AtomicInteger ok = new AtomicInteger(-1);
  private final AtomicLong records = new AtomicLong();

  AuditChainCheck(VerifyAudit verify, MeterRegistry meters) {
    this.verify = verify;
    Gauge.builder("strata.audit.chain.ok", ok, AtomicInteger::get)
        .description("1 while the audit hash chain verifies, 0 once broken, -1 before the first check or while it cannot be checked")
        .strongReference(true).register(meters);
    Gauge.builder("strata.audit.chain.records", records, AtomicLong::get)
        .description("Audit records the last chain check read").strongReference(true).register(meters);
  }

  @Scheduled(every = "${agent.audit.verify-every:5m}", delayed = "${agent.audit.verify-delay:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> run() {
    return verify.run()
        .invoke(verification -> {
          ok.set(verification.ok() ? 1 : 0);
          records.set(verification.checked());
          verification.firstBreak().ifPresent(broken -> LOG.errorf("the audit chain is broken: %s", broken));
        })
        .onFailure().invoke(failure -> {
          ok.set(-1);
          LOG.warnf("the audit chain could not be verified: %s", failure.getMessage());
        })
        .onFailure().recoverWithNull().replaceWithVoid();
  }
}
