package dev.strata.scoring.config;

import dev.strata.kernel.api.CustomerScores;
import dev.strata.kernel.messaging.Envelope;
import dev.strata.kernel.messaging.contract.AuditEvent;
import dev.strata.scoring.domain.model.FeatureSpec;
import dev.strata.scoring.domain.model.ModelCard;
import dev.strata.scoring.domain.scoring.ScoringJob;
import dev.strata.scoring.domain.training.Incumbent;
import dev.strata.scoring.domain.training.TrainingJob;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The records Jackson reads and writes through mappers Quarkus does not see (the model registry's
 * {@code model.json}, the job files, the message codec of shared-kernel), kept for reflection in a
 * native image; the JVM build does not need this. ONNX Runtime and Tribuo need more (JNI, their own
 * reflection): deploy/README.md, Native images.
 */
@RegisterForReflection(
    targets = {
      ModelCard.class, FeatureSpec.class, ScoringJob.class, TrainingJob.class, CustomerScores.class,
      CustomerScores.Score.class, Envelope.class, AuditEvent.class, Incumbent.class
    })
final class NativeReflection {

  private NativeReflection() {}
}
