package dev.strata.scoring.config;

import dev.strata.scoring.application.DescribeModel;
import dev.strata.scoring.settings.ScoringConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the registry folder is writable and every champion model loads. The folder is made
 * at startup and champions are loaded then, so the first request does not pay for it.
 */
@Readiness
@ApplicationScoped
public class ModelsReadiness implements AsyncHealthCheck {

  private final Path folder;
  private final DescribeModel describe;

  public ModelsReadiness(ScoringConfig config, DescribeModel describe) {
    this.folder = config.registry().folder();
    this.describe = describe;
  }

  void warmUp(@Observes StartupEvent started) {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the model registry folder " + folder, e);
    }
    describe.championsNotServing().await().indefinitely();
  }

  @Override
  public Uni<HealthCheckResponse> call() {
    return Uni.createFrom().item(() -> Files.isDirectory(folder) && Files.isWritable(folder))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .chain(writable -> (writable ? describe.championsNotServing() : Uni.createFrom().item(List.<String>of()))
            .map(notServing -> HealthCheckResponse.named("model-registry")
                .status(writable && notServing.isEmpty())
                .withData("folder", folder.toString())
                .withData("championsNotServing", String.join(",", notServing))
                .build()));
  }
}
