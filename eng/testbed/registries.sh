# The two local OCI registries: an open one and one behind basic auth (htpasswd). Sourced by eng/engines.sh.

# /v2/ answers 200 on the open registry and 401 on the auth one; either means "serving".
registry_ok() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://$1/v2/" 2>/dev/null) || true
  [[ $code == 200 || $code == 401 ]]
}
open_registry_ok() { registry_ok "$REGISTRY"; }
auth_registry_ok() { registry_ok "$AUTH_REGISTRY"; }

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
