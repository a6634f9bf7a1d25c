# Sourced by the scripts that build or run containers. Root podman on a machine with no Docker
# daemon, no systemd and no reachable image registry: the project's own podman settings, and a
# Debian base image made here from Debian's packages with debootstrap.
# Needs ROOT (the repository) set by the caller.

export CONTAINERS_CONF=${CONTAINERS_CONF:-$ROOT/deploy/podman/containers.conf}
STRATA_DEBIAN_SUITE=${STRATA_DEBIAN_SUITE:-trixie}
STRATA_DEBIAN_MIRROR=${STRATA_DEBIAN_MIRROR:-http://deb.debian.org/debian}
BASE_IMAGE=localhost/strata/debian:$STRATA_DEBIAN_SUITE-minbase
JRE_IMAGE=localhost/strata/jre:25

# project_version: the version of the root pom, which the images are tagged with
project_version() { sed -n 's:^  <version>\(.*\)</version>:\1:p' "$ROOT/pom.xml" | head -n 1; }

ensure_podman() {
  "$ROOT/bin/infra" need podman runc debootstrap slirp4netns
}

# base_image: a minimal Debian root file system, imported once and then reused; STRATA_REFRESH_BASE=1
# builds it again (for security updates).
base_image() {
  if podman image exists "$BASE_IMAGE" && [ -z "${STRATA_REFRESH_BASE:-}" ]; then
    return 0
  fi
  local rootfs
  rootfs=$(mktemp -d /var/tmp/strata-rootfs.XXXXXX)
  debootstrap --variant=minbase "$STRATA_DEBIAN_SUITE" "$rootfs" "$STRATA_DEBIAN_MIRROR" >"$rootfs.log" 2>&1 ||
    { tail -n 20 "$rootfs.log" >&2; rm -rf "$rootfs"; return 1; }
  tar -C "$rootfs" -c . | podman import --change 'CMD ["/bin/bash"]' - "$BASE_IMAGE" >/dev/null
  rm -rf "$rootfs" "$rootfs.log"
}

# host_ca_certificates DIR: the local CA certificates this host trusts, for an image to trust too (a
# machine may reach the package registries through a TLS-inspecting proxy); never a way around checks.
host_ca_certificates() {
  mkdir -p "$1"
  find /usr/local/share/ca-certificates -name '*.crt' -type f -exec cp {} "$1/" \; 2>/dev/null || true
}
