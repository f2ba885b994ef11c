# The Docker engine: dockerd on a unix socket and, with TLS and client certificates, on $DOCKER_TLS_ADDR.
# Sourced by eng/engines.sh.

# The docker.io client matches dockerd's API (1.41); a newer client elsewhere on PATH works too,
# but prefer the packaged one so behaviour is the same on a fresh machine.
docker_cli() {
  local bin=docker
  [[ -x /usr/bin/docker ]] && bin=/usr/bin/docker
  DOCKER_HOST=unix://$DOCKER_SOCK "$bin" "$@"
}

docker_ok() { ping_socket "$DOCKER_SOCK"; }
# The TLS listener answers a client with the test bed's client certificate (and only over TLS).
docker_tls_ok() {
  [[ $(curl -sf --max-time 2 --cacert "$TLS_DIR/client/ca.pem" --cert "$TLS_DIR/client/cert.pem" \
    --key "$TLS_DIR/client/key.pem" "https://$DOCKER_TLS_ADDR/_ping" 2>/dev/null) == OK ]]
}
docker_all_ok() { docker_ok && docker_tls_ok; }

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
