# Test bed settings: where its state lives and where each service listens. Every port and path can be
# overridden from the environment, so a second test bed (another OCI_TESTBED_DIR and other ports) can run
# beside the shared one. Sourced first by eng/engines.sh.

DIR=${OCI_TESTBED_DIR:-/tmp/oci-testbed}
# Resolve to an absolute path: sockets, pid files and engine roots must not depend on cwd.
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)

DOCKER_SOCK=$DIR/docker/docker.sock
# dockerd also listens here, TLS only, client certificates required (--tlsverify).
DOCKER_TLS_ADDR=127.0.0.1:${OCI_TESTBED_TLS_PORT:-2376}
TLS_DIR=$DIR/tls
PODMAN_SOCK=$DIR/podman/podman.sock
REGISTRY=127.0.0.1:${OCI_TESTBED_REGISTRY_PORT:-5000}
AUTH_REGISTRY=127.0.0.1:${OCI_TESTBED_AUTH_REGISTRY_PORT:-5001}
AUTH_USER=ociuser
AUTH_PASSWORD=oci-Secret-42
AUTH_REALM='Oci test registry'
# The private sshd (sshd.sh): ssh://root@127.0.0.1:$SSH_PORT, and a remote without an engine CLI on $SSH_BARE_PORT.
SSH_PORT=${OCI_TESTBED_SSH_PORT:-2222}
SSH_BARE_PORT=${OCI_TESTBED_SSH_BARE_PORT:-$((SSH_PORT + 1))}

log() { echo "[engines] $*" >&2; }
die() { echo "[engines] ERROR: $*" >&2; exit 1; }
