package dev.strata.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.deploy.Kustomize.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Strata's deployment rules ({@code validate/policy.mjs}, listed in deploy/README.md) hold on the base
 * and every overlay, and each rule refuses a manifest that breaks it: the breaking tests render the
 * base with one more kustomize patch.
 */
class ManifestPolicyTest {

  @BeforeAll
  static void installValidator() throws Exception {
    Kustomize.install();
  }

  @ParameterizedTest(name = "{0} keeps the rules")
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod", "overlays/prod-keda"})
  void everyRenderedManifestKeepsTheRules(String kustomization) throws Exception {
    Result policy = Kustomize.check("policy.mjs", Kustomize.build(Kustomize.DEPLOY.resolve(kustomization)));
    assertThat(policy.exit()).as(policy.output()).isZero();
    assertThat(policy.output()).contains("4 workloads keep the rules");
  }

  @ParameterizedTest(name = "{0} refuses {1} {2}")
  @CsvSource(delimiter = '|', textBlock = """
      resources         | Deployment | ingest-service    | remove  | /spec/template/spec/containers/0/resources/limits                           |
      resources         | Deployment | scoring-service   | remove  | /spec/template/spec/containers/0/resources/requests/cpu                     |
      probes            | Deployment | scoring-service   | remove  | /spec/template/spec/containers/0/readinessProbe                             |
      probes            | Deployment | agent-service     | remove  | /spec/template/spec/containers/0/livenessProbe                              |
      non-root          | Deployment | agent-service     | replace | /spec/template/spec/containers/0/securityContext/runAsNonRoot               | false
      non-root          | Deployment | agent-service     | add     | /spec/template/spec/containers/0/securityContext/runAsUser                  | 0
      no-escalation     | Deployment | ingest-service    | replace | /spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation   | true
      read-only-root    | Deployment | warehouse-service | replace | /spec/template/spec/containers/0/securityContext/readOnlyRootFilesystem     | false
      no-capabilities   | Deployment | scoring-service   | add     | /spec/template/spec/containers/0/securityContext/capabilities/add           | [NET_RAW]
      disruption-budget | PodDisruptionBudget | agent-service | replace | /spec/selector/matchLabels/app.kubernetes.io~1name                  | agent
      rwo-not-rolled    | Deployment | warehouse-service | replace | /spec/strategy                                                              | {type: RollingUpdate}
      """)
  void eachRuleRefusesAManifestThatBreaksIt(String rule, String kind, String name, String op, String path, String value,
      @TempDir Path overlay) throws Exception {
    String patch = "- op: " + op + "\n  path: " + path + (value == null ? "" : "\n  value: " + value);
    Files.writeString(overlay.resolve("kustomization.yaml"), """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - %s
        patches:
          - target:
              kind: %s
              name: %s
            patch: |-
        %s
        """.formatted(base(overlay), kind, name, patch.indent(6).stripTrailing()));

    Result policy = Kustomize.check("policy.mjs", Kustomize.build(overlay));

    assertThat(policy.exit()).as(policy.output()).isEqualTo(1);
    assertThat(policy.output()).contains(rule + ": Deployment/" + name);
  }

  @Test
  void rwoNotRolledRefusesAnAutoscalerOnTheDuckDbWriter(@TempDir Path overlay) throws Exception {
    String name = "warehouse-service";
    Files.writeString(overlay.resolve("hpa.yml"), """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: %1$s
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: %1$s}
          minReplicas: 1
          maxReplicas: 3
        """.formatted(name));
    Files.writeString(overlay.resolve("kustomization.yaml"), """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        resources:
          - %s
          - hpa.yml
        """.formatted(base(overlay)));

    Result policy = Kustomize.check("policy.mjs", Kustomize.build(overlay));

    assertThat(policy.exit()).as(policy.output()).isEqualTo(1);
    assertThat(policy.output()).contains("rwo-not-rolled: Deployment/" + name + ": mounts ReadWriteOnce warehouse-data but HorizontalPodAutoscaler/" + name);
  }

  /** kustomize takes a base only by a relative path. */
  private static Path base(Path overlay) {
    return overlay.toAbsolutePath().relativize(Kustomize.DEPLOY.resolve("base"));
  }
}
