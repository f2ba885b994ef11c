# The Podman API service on a unix socket, with its own store and configuration. Sourced by eng/engines.sh.

podman_ok() { ping_socket "$PODMAN_SOCK"; }

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
