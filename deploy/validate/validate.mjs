// Reads a multi-document YAML stream (kustomize build output) on stdin and validates every
// object against the Kubernetes schemas bundled in kubernetes-models. Exit 1 names each invalid
// object and why; exit 0 prints how many objects were checked.
import { loadAll } from "js-yaml";
import { readFileSync } from "node:fs";

const docs = loadAll(readFileSync(0, "utf8")).filter((doc) => doc);
const failures = [];

// KEDA's custom resources (deploy/components/keda) have no schema in kubernetes-models: these checks
// cover what a mistake there would break.
const deployments = new Set(docs.filter((doc) => doc.kind === "Deployment").map((doc) => doc.metadata?.name));
const customResources = {
  "keda.sh/v1alpha1 ScaledObject": (doc) => [
    ...(deployments.has(doc.spec?.scaleTargetRef?.name) ? [] : [`scaleTargetRef.name ${doc.spec?.scaleTargetRef?.name} is no Deployment here`]),
    ...((doc.spec?.triggers ?? []).length > 0 ? [] : ["triggers must not be empty"]),
    ...(doc.spec?.triggers ?? []).filter((trigger) => !trigger.type || !trigger.metadata).map(() => "a trigger needs type and metadata"),
    ...(Number.isInteger(doc.spec?.minReplicaCount ?? 0) && Number.isInteger(doc.spec?.maxReplicaCount ?? 100) &&
      (doc.spec?.minReplicaCount ?? 0) <= (doc.spec?.maxReplicaCount ?? 100) ? [] : ["minReplicaCount and maxReplicaCount must be integers, min <= max"]),
    ...(docs.some((other) => other.kind === "HorizontalPodAutoscaler" && other.spec?.scaleTargetRef?.name === doc.spec?.scaleTargetRef?.name)
      ? ["a HorizontalPodAutoscaler also scales its target"] : []),
  ],
  "keda.sh/v1alpha1 TriggerAuthentication": (doc) =>
    (doc.spec?.secretTargetRef ?? []).filter((ref) => !ref.parameter || !ref.name || !ref.key).map(() => "a secretTargetRef needs parameter, name and key"),
};

for (const doc of docs) {
  const where = `${doc.kind ?? "?"}/${doc.metadata?.name ?? "?"}`;
  if (!doc.apiVersion || !doc.kind) {
    failures.push(`${where}: apiVersion and kind are required`);
    continue;
  }
  const custom = customResources[`${doc.apiVersion} ${doc.kind}`];
  if (custom) {
    failures.push(...custom(doc).map((why) => `${where}: ${why}`));
    continue;
  }
  const [group, version] = doc.apiVersion.includes("/") ? doc.apiVersion.split("/") : [null, doc.apiVersion];
  const module = `kubernetes-models/${group ? group + "/" : ""}${version}/${doc.kind}`;
  let Model;
  try {
    Model = (await import(module))[doc.kind];
  } catch {
    failures.push(`${where}: unknown apiVersion/kind ${doc.apiVersion} ${doc.kind}`);
    continue;
  }
  try {
    new Model(doc).validate();
  } catch (error) {
    failures.push(`${where}: ${error.message}`);
  }
}
if (failures.length > 0) {
  console.error(failures.join("\n"));
  process.exit(1);
}
console.log(`${docs.length} objects valid`);
