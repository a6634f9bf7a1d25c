// Reads a multi-document YAML stream (kustomize build output) on stdin and validates every
// object against the Kubernetes schemas bundled in kubernetes-models. Exit 1 names each invalid
// object and why; exit 0 prints how many objects were checked.
import { loadAll } from "js-yaml";
import { readFileSync } from "node:fs";

const docs = loadAll(readFileSync(0, "utf8")).filter((doc) => doc);
const failures = [];
for (const doc of docs) {
  const where = `${doc.kind ?? "?"}/${doc.metadata?.name ?? "?"}`;
  if (!doc.apiVersion || !doc.kind) {
    failures.push(`${where}: apiVersion and kind are required`);
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
