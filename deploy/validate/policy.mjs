// Reads a multi-document YAML stream (kustomize build output) on stdin and enforces Strata's
// deployment rules on it. Exit 1 names each broken rule and the object that breaks it; exit 0 says
// how many workloads were checked. The rules, in deploy/README.md:
//   resources        every container requests cpu and memory and has a memory limit
//   probes           every container has a readiness and a liveness probe
//   non-root         every container runs as non-root (its own or its pod's runAsNonRoot, no uid 0)
//   no-escalation    every container sets allowPrivilegeEscalation: false
//   read-only-root   every container sets readOnlyRootFilesystem: true
//   no-capabilities  every container drops ALL capabilities and adds none
//   disruption-budget  every Deployment and StatefulSet is selected by a PodDisruptionBudget
//   rwo-not-rolled   a Deployment that mounts a ReadWriteOnce claim is replaced (strategy Recreate),
//                    never rolled, and no autoscaler targets it
import { loadAll } from "js-yaml";
import { readFileSync } from "node:fs";

const docs = loadAll(readFileSync(0, "utf8")).filter((doc) => doc);
const named = (doc) => `${doc.kind}/${doc.metadata?.name}`;
const workloads = docs.filter((doc) => ["Deployment", "StatefulSet"].includes(doc.kind));
const failures = [];
const fail = (rule, where, why) => failures.push(`${rule}: ${where}: ${why}`);

for (const workload of workloads) {
  const pod = workload.spec?.template?.spec ?? {};
  for (const container of [...(pod.containers ?? []), ...(pod.initContainers ?? [])]) {
    const where = `${named(workload)} container ${container.name}`;
    const initContainer = (pod.initContainers ?? []).includes(container);
    const resources = container.resources ?? {};
    for (const [kind, name] of [["requests", "cpu"], ["requests", "memory"], ["limits", "memory"]]) {
      if (resources[kind]?.[name] === undefined) fail("resources", where, `no ${kind}.${name}`);
    }
    if (!initContainer) {
      for (const probe of ["readinessProbe", "livenessProbe"]) {
        if (!container[probe]) fail("probes", where, `no ${probe}`);
      }
    }
    const security = container.securityContext ?? {};
    const podSecurity = pod.securityContext ?? {};
    const nonRoot = security.runAsNonRoot ?? podSecurity.runAsNonRoot;
    const user = security.runAsUser ?? podSecurity.runAsUser;
    if (nonRoot !== true) fail("non-root", where, "runAsNonRoot is not true");
    if (user === 0) fail("non-root", where, "runAsUser is 0");
    if (security.allowPrivilegeEscalation !== false) fail("no-escalation", where, "allowPrivilegeEscalation is not false");
    if (security.privileged === true) fail("no-escalation", where, "privileged");
    if (security.readOnlyRootFilesystem !== true) fail("read-only-root", where, "readOnlyRootFilesystem is not true");
    const capabilities = security.capabilities ?? {};
    if (!(capabilities.drop ?? []).includes("ALL")) fail("no-capabilities", where, "does not drop ALL");
    if ((capabilities.add ?? []).length > 0) fail("no-capabilities", where, `adds ${capabilities.add.join(", ")}`);
  }
}

// A budget selects a workload when its matchLabels are all on the workload's pods, in its namespace.
const selects = (selector, labels) =>
  Object.entries(selector?.matchLabels ?? {}).every(([key, value]) => labels?.[key] === value) &&
  Object.keys(selector?.matchLabels ?? {}).length > 0;
const sameNamespace = (a, b) => (a.metadata?.namespace ?? "") === (b.metadata?.namespace ?? "");
const budgets = docs.filter((doc) => doc.kind === "PodDisruptionBudget");
for (const workload of workloads) {
  const labels = workload.spec?.template?.metadata?.labels;
  if (!budgets.some((budget) => sameNamespace(budget, workload) && selects(budget.spec?.selector, labels))) {
    fail("disruption-budget", named(workload), "no PodDisruptionBudget selects its pods");
  }
}

const readWriteOnce = new Set(
  docs
    .filter((doc) => doc.kind === "PersistentVolumeClaim" && (doc.spec?.accessModes ?? []).includes("ReadWriteOnce"))
    .map((claim) => claim.metadata?.name),
);
const autoscalers = docs.filter((doc) => ["HorizontalPodAutoscaler", "ScaledObject"].includes(doc.kind));
for (const deployment of workloads.filter((doc) => doc.kind === "Deployment")) {
  const claims = (deployment.spec?.template?.spec?.volumes ?? [])
    .map((volume) => volume.persistentVolumeClaim?.claimName)
    .filter((claim) => readWriteOnce.has(claim));
  if (claims.length === 0) continue;
  const strategy = deployment.spec?.strategy?.type ?? "RollingUpdate";
  if (strategy !== "Recreate") {
    fail("rwo-not-rolled", named(deployment), `mounts ReadWriteOnce ${claims.join(", ")} but its strategy is ${strategy}`);
  }
  for (const autoscaler of autoscalers.filter((doc) => sameNamespace(doc, deployment))) {
    if (autoscaler.spec?.scaleTargetRef?.name === deployment.metadata?.name) {
      fail("rwo-not-rolled", named(deployment), `mounts ReadWriteOnce ${claims.join(", ")} but ${named(autoscaler)} scales it`);
    }
  }
}

if (workloads.length === 0) fail("input", "stdin", "no Deployment or StatefulSet to check");
if (failures.length > 0) {
  console.error(failures.join("\n"));
  process.exit(1);
}
console.log(`${workloads.length} workloads keep the rules`);
