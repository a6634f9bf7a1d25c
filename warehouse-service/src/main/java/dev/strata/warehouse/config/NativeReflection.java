package dev.strata.warehouse.config;

import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.contract.AuditEvent;
import dev.strata.kernel.messaging.contract.DatasetIdentity;
import dev.strata.kernel.messaging.contract.DatasetIngested;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The message records the codec of shared-kernel reads and writes with its own mapper, which Quarkus
 * does not see, kept for reflection in a native image; the JVM build does not need this.
 */
@RegisterForReflection(targets = {Envelope.class, DatasetIngested.class, DatasetIdentity.class, AuditEvent.class})
final class NativeReflection {

  private NativeReflection() {}
}
