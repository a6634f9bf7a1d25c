package dev.strata.ingest.adapter.out.health;

import dev.strata.ingest.settings.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the lake root is (or can be made) a writable folder: without it no batch can land. */
@Readiness
@ApplicationScoped
public class LakeReadiness implements HealthCheck {

  private final Path root;

  LakeReadiness(IngestConfig config) {
    this.root = config.lake().root();
  }

  @Override
  public HealthCheckResponse call() {
    boolean writable = ensureFolder() && Files.isWritable(root);
    return HealthCheckResponse.named("parquet-lake").status(writable).withData("root", root.toString()).build();
  }

  /** A fresh installation has no lake yet: creating the root is part of being ready. */
  private boolean ensureFolder() {
    try {
      Files.createDirectories(root);
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
