#!/usr/bin/env bash
# Real-engine test bed for Oci: a Docker engine (on a unix socket, and on 127.0.0.1:2376 with TLS
# and client certificates), a Podman API service, two local OCI registries (one open, one
# behind basic auth), an sshd on 127.0.0.1:2222 that reaches both engines as a remote host
# would, plus the test images the suites pull.
#
#   eng/engines.sh up            install what is missing, start what is not running, seed images
#   eng/engines.sh env           print `export NAME=value` lines for the tests
#   eng/engines.sh status        which services answer
#   eng/engines.sh down [--purge] stop what `up` started (by recorded pid); --purge also wipes state
#
# State lives in ${OCI_TESTBED_DIR:-/tmp/oci-testbed}, outside the repo on purpose: several
# checkouts share one running test bed. Everything listens on loopback or unix sockets only.
# Another test bed can run beside it with its own OCI_TESTBED_DIR and ports:
#   OCI_TESTBED_REGISTRY_PORT (5000), OCI_TESTBED_AUTH_REGISTRY_PORT (5001), OCI_TESTBED_TLS_PORT (2376),
#   OCI_TESTBED_SSH_PORT (2222), OCI_TESTBED_SSH_BARE_PORT (the ssh port + 1).
# See /work/shared/ENGINES.md (or ../shared/ENGINES.md beside the repo) for why each flag is there.
set -euo pipefail

# Each concern in its own file under eng/testbed/, named for what it holds.
parts=$(cd "$(dirname "${BASH_SOURCE[0]}")/testbed" && pwd)
REPO_ROOT=$(cd "$parts/../.." && pwd)
for part in settings processes packages tls dockerd registries podman images pwsh-image sshd; do
  # shellcheck source=/dev/null
  source "$parts/$part.sh"
done

# ---------------------------------------------------------------------------------------------
# Commands (the parts: settings, processes, packages, tls, dockerd, registries, podman, images, pwsh-image, sshd)
# ---------------------------------------------------------------------------------------------

env_lines() {
  cat <<EOF
export OCI_TEST_DOCKER_HOST=unix://$DOCKER_SOCK
export OCI_TEST_PODMAN_HOST=unix://$PODMAN_SOCK
export OCI_TEST_REGISTRY=$REGISTRY
export OCI_TEST_PWSH_IMAGE=$PWSH_IMAGE
export OCI_TEST_AUTH_REGISTRY=$AUTH_REGISTRY
export OCI_TEST_AUTH_USER=$AUTH_USER
export OCI_TEST_AUTH_PASSWORD=$AUTH_PASSWORD
export OCI_TEST_DOCKER_TLS_HOST=tcp://$DOCKER_TLS_ADDR
export OCI_TEST_TLS_CERT_PATH=$TLS_DIR/client
export OCI_TEST_TLS_EC_CERT_PATH=$TLS_DIR/client-ec
export OCI_TEST_TLS_OTHER_CERT_PATH=$TLS_DIR/other
export OCI_TEST_SSH_ENDPOINT=ssh://root@$SSHD_LISTEN:$SSH_PORT
export OCI_TEST_SSH_PODMAN_ENDPOINT=ssh://root@$SSHD_LISTEN:$SSH_PORT$PODMAN_SOCK
export OCI_TEST_SSH_BARE_ENDPOINT=ssh://root@$SSHD_LISTEN:$SSH_BARE_PORT
export OCI_TEST_SSH_KEY=$SSH_DIR/client/id_ed25519
export OCI_TEST_SSH_OTHER_KEY=$SSH_DIR/client/other_ed25519
export OCI_TEST_SSH_KNOWN_HOSTS=$SSH_DIR/client/known_hosts
export OCI_TEST_SSH_CHANGED_KNOWN_HOSTS=$SSH_DIR/client/known_hosts_changed
export OCI_TEST_SSH_CONFIG=$SSH_DIR/client/config
export OCI_TESTBED_DIR=$DIR
EOF
}

cmd_up() {
  # Several checkouts may run `up` at once against the same state dir: serialise them.
  exec 9>"$DIR/.lock"
  flock 9
  install_packages
  make_tls
  start_docker
  start_registry registry "$REGISTRY" open_registry_ok
  start_registry registry-auth "$AUTH_REGISTRY" auth_registry_ok auth
  start_podman
  start_sshd
  seed_images
  seed_pwsh_image
  env_lines >"$DIR/env"
  log "test bed up in $DIR"
  env_lines
}

cmd_status() {
  local rc=0
  report() {
    local what=$1 pidfile=$2
    shift 2
    if "$@"; then
      printf '%-15s up    %s\n' "$what" "$( [[ -s $pidfile ]] && echo "pid $(<"$pidfile")" || echo "(not started here)")"
    else
      printf '%-15s down\n' "$what"
      rc=1
    fi
  }
  report dockerd "$DIR/docker/dockerd.pid" docker_ok
  report dockerd-tls "$DIR/docker/dockerd.pid" docker_tls_ok
  report registry "$DIR/registry/registry.pid" open_registry_ok
  report registry-auth "$DIR/registry-auth/registry.pid" auth_registry_ok
  report podman "$DIR/podman/podman.pid" podman_ok
  report sshd "$SSH_DIR/sshd.pid" sshd_ok
  return $rc
}

# Unmount whatever the engines left mounted under the state dir (overlay layers, shm, netns),
# deepest first, so rm -rf does not walk into live mounts.
unmount_all() {
  local m
  awk -v d="$DIR/" 'index($2, d) == 1 { print $2 }' /proc/self/mounts | sort -r | while read -r m; do
    umount -R "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
}

cmd_down() {
  local purge=${1:-}
  [[ -z $purge || $purge == --purge ]] || die "usage: $0 down [--purge]"
  exec 9>"$DIR/.lock"
  flock 9
  if [[ -n $purge ]] && pid_alive "$DIR/podman/podman.pid" podman; then
    # Podman containers outlive the service (conmon); remove them so their mounts go too.
    podman_cmd rm -af -t 0 >/dev/null 2>&1 || true
  fi
  stop_pids "sshd:$SSH_DIR/sshd.pid:sshd" \
    "podman service:$DIR/podman/podman.pid:podman" \
    "registry-auth:$DIR/registry-auth/registry.pid:docker-registry" \
    "registry:$DIR/registry/registry.pid:docker-registry" \
    "dockerd:$DIR/docker/dockerd.pid:dockerd"
  rm -f "$DIR/env"
  if [[ -n $purge ]]; then
    log "purging $DIR"
    unmount_all
    rm -rf "$DIR"
  fi
  log "test bed down"
}

case ${1:-} in
  up) cmd_up ;;
  env) env_lines ;;
  status) cmd_status ;;
  down) cmd_down "${2:-}" ;;
  *)
    echo "usage: $0 up|down [--purge]|env|status" >&2
    exit 2
    ;;
esac
