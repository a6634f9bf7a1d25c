package dev.strata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.deploy.Kustomize.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders the kustomize base and every overlay ({@code kustomize build}) and validates each object
 * against the Kubernetes JSON schemas, offline ({@code validate/validate.mjs} on kubernetes-models).
 * No cluster and no kubectl are needed.
 */
class KubernetesManifestsTest {

  @BeforeAll
  static void installValidator() throws Exception {
    Kustomize.install();
  }

  @ParameterizedTest(name = "{0} renders to valid Kubernetes objects")
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod", "overlays/prod-keda"})
  void everyRenderedManifestIsValid(String kustomization) throws Exception {
    Result validation = Kustomize.check("validate.mjs", Kustomize.build(Kustomize.DEPLOY.resolve(kustomization)));
    assertThat(validation.exit()).as(validation.output()).isZero();
    assertThat(validation.output()).containsPattern("\\d+ objects valid");
  }

  @Test
  void theCheckRefusesAManifestMadeInvalid(@TempDir Path copy) throws Exception {
    copyTree(Kustomize.DEPLOY.resolve("base"), copy);
    Path deployment = copy.resolve("ingest-service/kubernetes.yml");
    String broken = Files.readString(deployment).replaceFirst("replicas: 1", "replicas: \"one\"");
    assertThat(broken).as("the fixture must contain the value it breaks").contains("replicas: \"one\"");
    Files.writeString(deployment, broken);

    Result validation = Kustomize.check("validate.mjs", Kustomize.build(copy));

    assertThat(validation.exit()).isEqualTo(1);
    assertThat(validation.output()).contains("Deployment/ingest-service").contains("replicas must be integer");
  }

  @Test
  void theCheckRefusesAScaledObjectWhoseTargetIsMissing() throws Exception {
    String keda = Kustomize.build(Kustomize.DEPLOY.resolve("overlays/prod-keda"));
    String broken = keda.replace("name: agent-service\n  triggers:", "name: agent-servic\n  triggers:");
    assertThat(broken).as("the fixture must contain the value it breaks").isNotEqualTo(keda);

    Result validation = Kustomize.check("validate.mjs", broken);

    assertThat(validation.exit()).isEqualTo(1);
    assertThat(validation.output()).contains("ScaledObject/agent-service: scaleTargetRef.name agent-servic is no Deployment");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path source : paths.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    }
  }
}
