#!/usr/bin/env bash
# Real-engine test bed for Oci: a Docker engine (on a unix socket, and on 127.0.0.1:2376 with TLS
# and client certificates), a Podman API service and two local OCI registries (one open, one
# behind basic auth), plus the test images the suites pull.
#
#   eng/engines.sh up            install what is missing, start what is not running, seed images
#   eng/engines.sh env           print `export NAME=value` lines for the tests
#   eng/engines.sh status        which services answer
#   eng/engines.sh down [--purge] stop what `up` started (by recorded pid); --purge also wipes state
#
# State lives in ${OCI_TESTBED_DIR:-/tmp/oci-testbed}, outside the repo on purpose: several
# checkouts share one running test bed. Everything listens on loopback or unix sockets only.
# See /work/shared/ENGINES.md (or ../shared/ENGINES.md beside the repo) for why each flag is there.
set -euo pipefail

DIR=${OCI_TESTBED_DIR:-/tmp/oci-testbed}
# Resolve to an absolute path: sockets, pid files and engine roots must not depend on cwd.
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)

DOCKER_SOCK=$DIR/docker/docker.sock
# dockerd also listens here, TLS only, client certificates required (--tlsverify).
DOCKER_TLS_ADDR=127.0.0.1:2376
TLS_DIR=$DIR/tls
PODMAN_SOCK=$DIR/podman/podman.sock
REGISTRY=127.0.0.1:5000
AUTH_REGISTRY=127.0.0.1:5001
AUTH_USER=ociuser
AUTH_PASSWORD=oci-Secret-42
AUTH_REALM='Oci test registry'

# Debian packages the test bed needs (curl/openssl/htpasswd are used by this script itself).
PACKAGES=(docker.io podman docker-registry skopeo containerd runc crun uidmap fuse-overlayfs
  catatonit golang-github-containers-common conmon busybox-static openssl apache2-utils
  curl ca-certificates)
# Binaries this script calls directly: if any is missing the install step runs regardless of dpkg.
BINARIES=(dockerd docker podman docker-registry containerd runc conmon busybox htpasswd curl)

log() { echo "[engines] $*" >&2; }
die() { echo "[engines] ERROR: $*" >&2; exit 1; }

# The docker.io client matches dockerd's API (1.41); a newer client elsewhere on PATH works too,
# but prefer the packaged one so behaviour is the same on a fresh machine.
docker_cli() {
  local bin=docker
  [[ -x /usr/bin/docker ]] && bin=/usr/bin/docker
  DOCKER_HOST=unix://$DOCKER_SOCK "$bin" "$@"
}

# ---------------------------------------------------------------------------------------------
# Process bookkeeping
# ---------------------------------------------------------------------------------------------

# pid_alive PIDFILE NAME: the recorded pid runs and really is NAME (guards against pid reuse,
# so `down` never signals an unrelated process).
pid_alive() {
  local pidfile=$1 name=$2 pid
  [[ -s $pidfile ]] || return 1
  pid=$(<"$pidfile")
  proc_running "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$name"
}

# proc_running PID: the process exists and is not a zombie (a daemon that died during start-up
# stays a zombie child of this shell until the script exits).
proc_running() {
  local pid=$1 state
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/stat ]] || return 1
  state=$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
  [[ $state != Z ]]
}

# stop_pids LABEL:PIDFILE:NAME...: TERM every recorded process that is still ours, wait up to
# 15 s for all of them (each takes ~2 s to shut down, so in parallel; dockerd takes ~10 s more
# when a container ignores TERM, its default stop timeout), KILL stragglers, drop the pid files.
stop_pids() {
  local spec label pidfile name pid i alive
  local -a pids=() labels=()
  for spec in "$@"; do
    IFS=: read -r label pidfile name <<<"$spec"
    if pid_alive "$pidfile" "$name"; then
      pid=$(<"$pidfile")
      log "stopping $label (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
      labels+=("$label")
    fi
    rm -f "$pidfile"
  done
  for ((i = 0; i < 150; i++)); do
    alive=0
    for pid in "${pids[@]}"; do proc_running "$pid" && alive=1; done
    ((alive)) || return 0
    sleep 0.1
  done
  for i in "${!pids[@]}"; do
    if proc_running "${pids[$i]}"; then
      log "${labels[$i]} (pid ${pids[$i]}) ignored TERM for 15 s, killing"
      kill -KILL "${pids[$i]}" 2>/dev/null || true
    fi
  done
  sleep 0.5
}

# start_bg PIDFILE LOGFILE CMD...: start a daemon detached from this shell (own session, no
# stdin) so it outlives the script, and record its pid. setsid does not fork here because a
# background job of a non-interactive shell is never a process-group leader, so $! is the daemon.
start_bg() {
  local pidfile=$1 logfile=$2
  shift 2
  # 9>&-: do not hand the `up`/`down` lock to the daemon, or it would hold it forever.
  setsid "$@" </dev/null >>"$logfile" 2>&1 9>&- &
  echo $! >"$pidfile"
}

# wait_for WHAT LOGFILE PIDFILE NAME CHECK...: poll CHECK for up to 60 s; on failure show why.
wait_for() {
  local what=$1 logfile=$2 pidfile=$3 name=$4 i
  shift 4
  for ((i = 0; i < 300; i++)); do
    if "$@"; then
      return 0
    fi
    # Only "is the pid still running": right after the fork its cmdline may not show NAME yet.
    if ! proc_running "$(cat "$pidfile" 2>/dev/null)"; then
      log "$what exited during start-up; last lines of $logfile:"
      tail -n 30 "$logfile" >&2 || true
      die "$what did not start"
    fi
    sleep 0.2
  done
  log "$what did not answer within 60 s; last lines of $logfile:"
  tail -n 30 "$logfile" >&2 || true
  die "$what did not start"
}

# ---------------------------------------------------------------------------------------------
# Health checks (each answers 0 when the endpoint is serving)
# ---------------------------------------------------------------------------------------------

ping_socket() { [[ -S $1 ]] && [[ $(curl -sf --max-time 2 --unix-socket "$1" http://d/_ping 2>/dev/null) == OK ]]; }
docker_ok() { ping_socket "$DOCKER_SOCK"; }
# The TLS listener answers a client with the test bed's client certificate (and only over TLS).
docker_tls_ok() {
  [[ $(curl -sf --max-time 2 --cacert "$TLS_DIR/client/ca.pem" --cert "$TLS_DIR/client/cert.pem" \
    --key "$TLS_DIR/client/key.pem" "https://$DOCKER_TLS_ADDR/_ping" 2>/dev/null) == OK ]]
}
docker_all_ok() { docker_ok && docker_tls_ok; }
podman_ok() { ping_socket "$PODMAN_SOCK"; }
# /v2/ answers 200 on the open registry and 401 on the auth one; either means "serving".
registry_ok() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://$1/v2/" 2>/dev/null) || true
  [[ $code == 200 || $code == 401 ]]
}
open_registry_ok() { registry_ok "$REGISTRY"; }
auth_registry_ok() { registry_ok "$AUTH_REGISTRY"; }

# ---------------------------------------------------------------------------------------------
# 1. Packages
# ---------------------------------------------------------------------------------------------

install_packages() {
  local missing=() commands=() p b
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  for b in "${BINARIES[@]}"; do
    command -v "$b" >/dev/null 2>&1 || commands+=("$b")
  done
  ((${#missing[@]} + ${#commands[@]} == 0)) && return 0
  # Install only what is missing: naming installed packages would upgrade them as a side effect.
  # A missing command with every package "installed" means a broken install: ask for all.
  ((${#missing[@]} == 0)) && missing=("${PACKAGES[@]}")
  log "missing: ${missing[*]} ${commands[*]:+(commands: ${commands[*]})}; installing Debian packages (1-2 minutes)"
  # Package maintainer scripts would start a system dockerd / registry on :5000 through
  # invoke-rc.d. We must not start anything we do not track, so deny service starts while
  # installing unless the machine already has a policy (Debian container images do).
  local policy=/usr/sbin/policy-rc.d created_policy=
  if [[ ! -e $policy ]]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
  fi
  local rc=0
  {
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >&2 &&
      apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
  } || rc=$?
  [[ -n $created_policy ]] && rm -f "$policy"
  ((rc == 0)) || die "apt-get install failed (exit $rc)"
}

# ---------------------------------------------------------------------------------------------
# 2. TLS material for dockerd's TCP listener (openssl), generated once
# ---------------------------------------------------------------------------------------------
#
#   tls/ca/{ca.pem,ca-key.pem}          the test bed's CA
#   tls/server/{cert.pem,key.pem}       dockerd's certificate: SAN IP:127.0.0.1, DNS:localhost
#   tls/client/{ca.pem,cert.pem,key.pem}    a client signed by the CA (RSA key, PKCS#1 as docker's docs make it)
#   tls/client-ec/{ca.pem,cert.pem,key.pem} the same with an EC P-256 key (SEC1 "EC PRIVATE KEY")
#   tls/other/{ca.pem,cert.pem,key.pem}     an unrelated CA and a client it signed: dockerd refuses that
#                                           client, and that ca.pem does not sign dockerd's certificate

# tls_sign NAME DIR CA_DIR EXT_FILE KEYTYPE: a key and a certificate for NAME signed by CA_DIR's CA.
tls_sign() {
  local name=$1 d=$2 ca=$3 ext=$4 keytype=$5
  mkdir -p "$d"
  case $keytype in
    rsa) openssl genrsa -traditional -out "$d/key.pem" 2048 2>/dev/null ;;
    ec) openssl ecparam -name prime256v1 -genkey -noout -out "$d/key.pem" 2>/dev/null ;;
  esac
  openssl req -new -key "$d/key.pem" -subj "/CN=$name" -out "$d/req.csr" 2>/dev/null
  openssl x509 -req -in "$d/req.csr" -CA "$ca/ca.pem" -CAkey "$ca/ca-key.pem" -CAcreateserial \
    -days 3650 -sha256 -extfile "$ext" -out "$d/cert.pem" 2>/dev/null
  rm -f "$d/req.csr"
  chmod 600 "$d/key.pem"
  chmod 644 "$d/cert.pem"
}

# tls_ca DIR NAME: a self-signed CA.
tls_ca() {
  local d=$1 name=$2
  mkdir -p "$d"
  openssl genrsa -out "$d/ca-key.pem" 2048 2>/dev/null
  openssl req -new -x509 -days 3650 -sha256 -key "$d/ca-key.pem" -subj "/CN=$name" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    -out "$d/ca.pem" 2>/dev/null
  chmod 600 "$d/ca-key.pem"
}

tls_complete() {
  local f
  for f in ca/ca.pem server/cert.pem server/key.pem client/ca.pem client/cert.pem client/key.pem \
    client-ec/ca.pem client-ec/cert.pem client-ec/key.pem other/ca.pem other/cert.pem other/key.pem; do
    [[ -s $TLS_DIR/$f ]] || return 1
  done
}

make_tls() {
  if tls_complete; then
    log "TLS material already in $TLS_DIR"
    return
  fi
  command -v openssl >/dev/null 2>&1 || die "openssl is required to make the TLS material"
  log "making TLS material (CA, dockerd and client certificates) in $TLS_DIR"
  # Start over: a half-made set (an interrupted run) would mix CAs.
  rm -rf "$TLS_DIR"
  mkdir -p "$TLS_DIR"
  local t=$TLS_DIR
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n' >"$t/server.ext"
  printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n' >"$t/client.ext"
  tls_ca "$t/ca" "Oci test bed CA"
  tls_sign "oci-testbed-dockerd" "$t/server" "$t/ca" "$t/server.ext" rsa
  tls_sign "oci-test-client" "$t/client" "$t/ca" "$t/client.ext" rsa
  tls_sign "oci-test-client-ec" "$t/client-ec" "$t/ca" "$t/client.ext" ec
  cp "$t/ca/ca.pem" "$t/client/ca.pem"
  cp "$t/ca/ca.pem" "$t/client-ec/ca.pem"
  tls_ca "$t/other-ca" "Unrelated CA"
  tls_sign "oci-other-client" "$t/other" "$t/other-ca" "$t/client.ext" rsa
  cp "$t/other-ca/ca.pem" "$t/other/ca.pem"
  rm -f "$t/server.ext" "$t/client.ext" "$t"/*/ca.srl
  TLS_REMADE=1
}

# ---------------------------------------------------------------------------------------------
# 3. Docker engine
# ---------------------------------------------------------------------------------------------

# True when the running dockerd was started with the TLS listener (an older script started it without).
docker_has_tls_listener() {
  local pid
  pid=$(<"$1")
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "--host tcp://$DOCKER_TLS_ADDR .*--tlsverify"
}

start_docker() {
  local d=$DIR/docker
  mkdir -p "$d"
  if pid_alive "$d/dockerd.pid" dockerd; then
    if docker_has_tls_listener "$d/dockerd.pid" && [[ -z ${TLS_REMADE:-} ]]; then
      # Running (or still starting): just wait for it.
      wait_for dockerd "$d/dockerd.log" "$d/dockerd.pid" dockerd docker_all_ok
      log "dockerd already running (pid $(<"$d/dockerd.pid"))"
      return
    fi
    log "dockerd (pid $(<"$d/dockerd.pid")) has no TLS listener on $DOCKER_TLS_ADDR, or its certificates were remade: restarting it"
    stop_pids "dockerd:$d/dockerd.pid:dockerd"
  fi
  docker_ok && die "$DOCKER_SOCK answers but was not started by this script (no live pid file)"
  rm -f "$d/dockerd.pid" "$DOCKER_SOCK"
  log "starting dockerd on unix://$DOCKER_SOCK and tcp://$DOCKER_TLS_ADDR (TLS, client certificates required)"
  # --bridge none/--iptables=false: no bridge or NAT in this sandbox; containers use --network none.
  # 127.0.0.0/8 is insecure (plain http) by default; the explicit entries document the intent.
  # dockerd refuses to start when its --pidfile names a live process (itself, if we had
  # written it first), so it keeps its own docker.pid and we record ours in dockerd.pid.
  # --tlsverify and the --tls* files apply to the TCP listener only; the unix socket stays plain.
  start_bg "$d/dockerd.pid" "$d/dockerd.log" dockerd \
    --host "unix://$DOCKER_SOCK" \
    --host "tcp://$DOCKER_TLS_ADDR" --tlsverify \
    --tlscacert "$TLS_DIR/ca/ca.pem" --tlscert "$TLS_DIR/server/cert.pem" --tlskey "$TLS_DIR/server/key.pem" \
    --data-root "$d/root" --exec-root "$d/exec" --pidfile "$d/docker.pid" \
    --bridge none --iptables=false --ip6tables=false \
    --insecure-registry "$REGISTRY" --insecure-registry "$AUTH_REGISTRY"
  wait_for dockerd "$d/dockerd.log" "$d/dockerd.pid" dockerd docker_all_ok
  log "dockerd ready (pid $(<"$d/dockerd.pid"))"
}

# ---------------------------------------------------------------------------------------------
# 4. Registries
# ---------------------------------------------------------------------------------------------

# write_registry_config DIR ADDR [HTPASSWD]
write_registry_config() {
  local d=$1 addr=$2 htpasswd=${3:-}
  {
    cat <<EOF
version: 0.1
log:
  level: info
storage:
  filesystem:
    rootdirectory: $d/data
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
http:
  addr: $addr
  # A fixed secret silences the "generated random secret" warning; single instance only.
  secret: oci-testbed-not-a-secret
  headers:
    X-Content-Type-Options: [nosniff]
EOF
    if [[ -n $htpasswd ]]; then
      cat <<EOF
auth:
  htpasswd:
    realm: $AUTH_REALM
    path: $htpasswd
EOF
    fi
  } >"$d/config.yml"
}

# start_registry NAME ADDR CHECK [auth]
start_registry() {
  local name=$1 addr=$2 check=$3 auth=${4:-} d=$DIR/$1
  mkdir -p "$d/data"
  if pid_alive "$d/registry.pid" docker-registry; then
    wait_for "$name" "$d/registry.log" "$d/registry.pid" docker-registry "$check"
    log "$name already running on $addr (pid $(<"$d/registry.pid"))"
    return
  fi
  if "$check"; then
    # Another checkout's test bed (different OCI_TESTBED_DIR) may own the port; share it.
    log "WARNING: $addr already answers but was not started from $DIR; using it as is"
    return
  fi
  rm -f "$d/registry.pid"
  if [[ -n $auth ]]; then
    # bcrypt is the only hash distribution accepts for htpasswd.
    htpasswd -Bbn "$AUTH_USER" "$AUTH_PASSWORD" >"$d/htpasswd"
    write_registry_config "$d" "$addr" "$d/htpasswd"
  else
    write_registry_config "$d" "$addr"
  fi
  log "starting $name on http://$addr"
  start_bg "$d/registry.pid" "$d/registry.log" docker-registry serve "$d/config.yml"
  wait_for "$name" "$d/registry.log" "$d/registry.pid" docker-registry "$check"
  log "$name ready (pid $(<"$d/registry.pid"))"
}

# ---------------------------------------------------------------------------------------------
# 5. Podman API service
# ---------------------------------------------------------------------------------------------

write_podman_config() {
  local d=$1
  cat >"$d/registries.conf" <<EOF
# Only the local registries exist; never fall back to docker.io for short names.
unqualified-search-registries = []

[[registry]]
location = "$REGISTRY"
insecure = true

[[registry]]
location = "$AUTH_REGISTRY"
insecure = true
EOF
  cat >"$d/containers.conf" <<EOF
[containers]
# Without explicit ulimits runc/crun fail on setrlimit in this sandbox.
default_ulimits = ["nofile=1024:1024", "nproc=1000:1000"]
# No bridge/slirp networking here.
netns = "none"

[engine]
# crun trips over the hybrid cgroup layout; runc works.
runtime = "runc"
# No systemd/journald on these machines.
cgroup_manager = "cgroupfs"
events_logger = "file"
EOF
}

# Podman's CLI and service must see the same configuration and store.
podman_cmd() {
  local d=$DIR/podman
  CONTAINERS_REGISTRIES_CONF=$d/registries.conf CONTAINERS_CONF=$d/containers.conf \
    podman --root "$d/root" --runroot "$d/run" --tmpdir "$d/tmp" "$@"
}

start_podman() {
  local d=$DIR/podman
  mkdir -p "$d"
  if pid_alive "$d/podman.pid" podman; then
    wait_for "podman service" "$d/podman.log" "$d/podman.pid" podman podman_ok
    log "podman service already running (pid $(<"$d/podman.pid"))"
    return
  fi
  podman_ok && die "$PODMAN_SOCK answers but was not started by this script (no live pid file)"
  rm -f "$d/podman.pid" "$PODMAN_SOCK"
  write_podman_config "$d"
  log "starting podman system service on unix://$PODMAN_SOCK"
  # --time=0: the default service exits after 5 s idle. The CONTAINERS_* variables are set
  # for this process only (env prefix), not exported to the caller.
  start_bg "$d/podman.pid" "$d/podman.log" env \
    CONTAINERS_REGISTRIES_CONF="$d/registries.conf" CONTAINERS_CONF="$d/containers.conf" \
    podman --root "$d/root" --runroot "$d/run" --tmpdir "$d/tmp" \
    system service --time=0 "unix://$PODMAN_SOCK"
  wait_for "podman service" "$d/podman.log" "$d/podman.pid" podman podman_ok
  log "podman service ready (pid $(<"$d/podman.pid"))"
}

# ---------------------------------------------------------------------------------------------
# 6. Test images
# ---------------------------------------------------------------------------------------------

# has_manifest REGISTRY REPO TAG [USER:PASS]: the registry serves that manifest.
has_manifest() {
  local args=(-sf -o /dev/null --max-time 5 -I
    -H 'Accept: application/vnd.docker.distribution.manifest.v2+json'
    -H 'Accept: application/vnd.oci.image.manifest.v1+json')
  [[ -n ${4:-} ]] && args+=(-u "$4")
  curl "${args[@]}" "http://$1/v2/$2/manifests/$3"
}

images_present() {
  has_manifest "$REGISTRY" small latest &&
    has_manifest "$REGISTRY" small 1.0 &&
    has_manifest "$REGISTRY" big latest &&
    has_manifest "$REGISTRY" layers latest &&
    has_manifest "$AUTH_REGISTRY" private latest "$AUTH_USER:$AUTH_PASSWORD"
}

TEST_IMAGES=("$REGISTRY/small:latest" "$REGISTRY/small:1.0" "$REGISTRY/big:latest"
  "$REGISTRY/layers:latest" "$AUTH_REGISTRY/private:latest")

# A minimal busybox root filesystem: the only "base image" available offline.
make_rootfs() {
  local root=$1 t
  mkdir -p "$root/bin" "$root/tmp" "$root/etc"
  # busybox-static: no libc in the image, so it must be the static build.
  cp /bin/busybox "$root/bin/busybox"
  for t in sh ls echo cat sleep true env; do ln -sf busybox "$root/bin/$t"; done
  chmod 1777 "$root/tmp"
}

build_images() {
  local b=$DIR/build i
  rm -rf "$b"
  mkdir -p "$b"

  log "building $REGISTRY/small (busybox, 1 layer)"
  make_rootfs "$b/rootfs"
  tar -C "$b/rootfs" -c . |
    docker_cli import --change 'CMD ["/bin/sh"]' - "$REGISTRY/small:latest" >/dev/null
  docker_cli tag "$REGISTRY/small:latest" "$REGISTRY/small:1.0"

  # One incompressible 256 MiB layer, so pull progress and size handling get a real workout.
  log "building $REGISTRY/big (busybox + 256 MiB random, 1 layer)"
  head -c 256M /dev/urandom >"$b/rootfs/big.bin"
  tar -C "$b/rootfs" -c . |
    docker_cli import --change 'CMD ["/bin/sh"]' - "$REGISTRY/big:latest" >/dev/null
  rm -f "$b/rootfs/big.bin"

  # 24 layers: small's layer + 23 COPY layers of distinct random files (the legacy builder
  # makes one layer per COPY; BuildKit is not available offline).
  log "building $REGISTRY/layers (24 layers)"
  mkdir -p "$b/layers"
  echo "FROM $REGISTRY/small:latest" >"$b/layers/Dockerfile"
  for ((i = 1; i <= 23; i++)); do
    head -c $((64 * 1024 + i * 1024)) /dev/urandom >"$b/layers/file$i.bin"
    echo "COPY file$i.bin /data/file$i.bin" >>"$b/layers/Dockerfile"
  done
  DOCKER_BUILDKIT=0 docker_cli build -q -t "$REGISTRY/layers:latest" "$b/layers" >/dev/null

  local img
  for img in "$REGISTRY/small:latest" "$REGISTRY/small:1.0" "$REGISTRY/big:latest" "$REGISTRY/layers:latest"; do
    log "pushing $img"
    docker_cli push -q "$img" >/dev/null
  done

  # The private copy goes to the auth registry. Log in with a throwaway DOCKER_CONFIG so no
  # credentials are left in ~/.docker.
  log "pushing $AUTH_REGISTRY/private:latest (authenticated)"
  docker_cli tag "$REGISTRY/small:latest" "$AUTH_REGISTRY/private:latest"
  local cfg rc=0
  cfg=$(mktemp -d)
  {
    # login warns on stderr that the password is stored unencrypted: that is the throwaway dir.
    printf '%s' "$AUTH_PASSWORD" |
      DOCKER_CONFIG=$cfg docker_cli login -u "$AUTH_USER" --password-stdin "$AUTH_REGISTRY" \
        >"$cfg/login.log" 2>&1 &&
      DOCKER_CONFIG=$cfg docker_cli push -q "$AUTH_REGISTRY/private:latest" >/dev/null
  } || { rc=$?; cat "$cfg/login.log" >&2 || true; }
  rm -rf "$cfg"
  ((rc == 0)) || die "push to $AUTH_REGISTRY failed"

  rm -rf "$b"
}

# Tests must start from stores that do not already hold the test images.
clean_local_images() {
  local img name
  docker_cli rmi -f "${TEST_IMAGES[@]}" >/dev/null 2>&1 || true
  # Untagged intermediates of the layers build would otherwise linger.
  docker_cli image prune -f >/dev/null 2>&1 || true
  for img in "${TEST_IMAGES[@]}"; do
    name=$img
    curl -s -o /dev/null --max-time 10 --unix-socket "$PODMAN_SOCK" \
      -X DELETE "http://d/v4.0.0/libpod/images/$name?force=true" || true
  done
}

seed_images() {
  if images_present; then
    log "test images already in the registries"
    return
  fi
  build_images
  clean_local_images
  log "test images pushed"
}

# ---------------------------------------------------------------------------------------------
# Commands
# ---------------------------------------------------------------------------------------------

env_lines() {
  cat <<EOF
export OCI_TEST_DOCKER_HOST=unix://$DOCKER_SOCK
export OCI_TEST_PODMAN_HOST=unix://$PODMAN_SOCK
export OCI_TEST_REGISTRY=$REGISTRY
export OCI_TEST_AUTH_REGISTRY=$AUTH_REGISTRY
export OCI_TEST_AUTH_USER=$AUTH_USER
export OCI_TEST_AUTH_PASSWORD=$AUTH_PASSWORD
export OCI_TEST_DOCKER_TLS_HOST=tcp://$DOCKER_TLS_ADDR
export OCI_TEST_TLS_CERT_PATH=$TLS_DIR/client
export OCI_TEST_TLS_EC_CERT_PATH=$TLS_DIR/client-ec
export OCI_TEST_TLS_OTHER_CERT_PATH=$TLS_DIR/other
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
  seed_images
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
  stop_pids "podman service:$DIR/podman/podman.pid:podman" \
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
