// Turns rendered manifests (kustomize build, on stdin) into what `podman kube play` can run on one
// machine against the local servers (bin/infra up), for deploy/smoke.sh. podman plays Deployments,
// PersistentVolumeClaims and ConfigMaps: Secrets become ConfigMaps, the JWT key Secret volume a
// hostPath, the namespace a value, claims podman volumes strata-smoke-<claim> (smoke.sh makes them: podman refuses to
// play a claim whose volume exists), the other objects are left out. The pods share the host's network, so each service
// listens on 3808x (not its usual port, nor the benchmarks' 1808x) and reaches the servers
// on 127.0.0.1, on the e2e suite's database, vhost and Redis database. Everything else — images
// aside, security contexts, read-only root, /tmp emptyDir, claims, env, probes — is as rendered.
// Environment: SMOKE_VERSION (image tag), SMOKE_JWT_DIR (folder holding jwt-public.pem),
// SMOKE_JWT_PRIVATE (PEM text of the signing key).
import { dump, loadAll } from "js-yaml";
import { readFileSync } from "node:fs";

const ports = { "ingest-service": 38081, "warehouse-service": 38082, "scoring-service": 38083, "agent-service": 38084 };
const platform = {
  RABBITMQ_HOST: "127.0.0.1", RABBITMQ_VHOST: "strata-e2e", DB_HOST: "127.0.0.1", DB_NAME: "strata_e2e",
  REDIS_URL: "redis://127.0.0.1:6379/2", WAREHOUSE_URL: "http://127.0.0.1:38082", SCORING_URL: "http://127.0.0.1:38083",
  AGENT_URL: "http://127.0.0.1:38084",
};
const secrets = {
  // prod refuses empty secrets, service secrets under 32 characters and admin passwords under 12
  DB_PASSWORD: "strata", RABBITMQ_PASSWORD: "strata", STRATA_SERVICE_SECRET: "smoke-only-service-secret-of-32-characters-or-more",
  STRATA_ADMIN_PASSWORD: "smoke-admin-password", STRATA_AUDIT_HMAC_KEY: "smoke-only-audit-hmac-key-32-bytes-or-more",
  SMALLRYE_JWT_SIGN_KEY: process.env.SMOKE_JWT_PRIVATE ?? "",
};
const claim = (name) => `strata-smoke-${name}`;

const out = [];
for (const doc of loadAll(readFileSync(0, "utf8")).filter((doc) => doc)) {
  if (doc.kind === "ConfigMap") {
    if (doc.metadata.name === "strata-platform") Object.assign(doc.data, platform);
    out.push(doc);
  } else if (doc.kind === "Secret") {
    const data = { ...(doc.stringData ?? {}) };
    for (const key of Object.keys(data)) if (key in secrets) data[key] = secrets[key];
    if (doc.metadata.name !== "strata-jwt") out.push({ apiVersion: "v1", kind: "ConfigMap", metadata: doc.metadata, data });
  } else if (doc.kind === "Deployment") {
    const name = doc.metadata.name;
    const pod = doc.spec.template.spec;
    doc.spec.replicas = 1;
    pod.hostNetwork = true;
    for (const volume of pod.volumes ?? []) {
      if (volume.persistentVolumeClaim) volume.persistentVolumeClaim.claimName = claim(volume.persistentVolumeClaim.claimName);
      if (volume.secret?.secretName === "strata-jwt") {
        delete volume.secret;
        volume.hostPath = { path: process.env.SMOKE_JWT_DIR, type: "Directory" };
      }
    }
    const container = pod.containers[0];
    // podman 4 shares an emptyDir among the pods that name it alike: one /tmp per service
    for (const volume of (pod.volumes ?? []).filter((volume) => volume.emptyDir)) {
      for (const mount of container.volumeMounts.filter((mount) => mount.name === volume.name)) mount.name = `${name}-${volume.name}`;
      volume.name = `${name}-${volume.name}`;
    }
    container.image = `localhost/strata/${name}:${process.env.SMOKE_VERSION}`;
    container.imagePullPolicy = "Never";
    container.envFrom = container.envFrom.map((from) => (from.secretRef ? { configMapRef: from.secretRef } : from));
    // podman has no namespaces: the one the manifests would run in, as a value
    container.env = (container.env ?? []).map((env) =>
      env.valueFrom?.fieldRef?.fieldPath === "metadata.namespace" ? { name: env.name, value: doc.metadata.namespace ?? "default" } : env);
    container.env.push({ name: "QUARKUS_HTTP_PORT", value: String(ports[name]) });
    for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) {
      if (container[probe]?.httpGet) container[probe].httpGet.port = ports[name];
    }
    delete container.ports; // the host's network has no port mappings
    out.push(doc);
  }
}
process.stdout.write(out.map((doc) => dump(doc, { lineWidth: -1 })).join("---\n"));
