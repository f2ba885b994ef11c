# A private sshd on 127.0.0.1 for ssh:// endpoints: its own configuration, host key, authorized_keys and pid file
# under $SSH_DIR, never the machine's /etc/ssh or anyone's ~/.ssh. Sourced by eng/engines.sh.
#
#   ssh/sshd_config, ssh/host_ed25519{,.pub}   the server and its host key
#   ssh/authorized_keys                        holds client/id_ed25519.pub only
#   ssh/client/id_ed25519                      the test client's key (root@127.0.0.1 logs in with it)
#   ssh/client/other_ed25519                   a key the server does not accept
#   ssh/client/known_hosts                     the server's host key pinned for both ports
#   ssh/client/known_hosts_changed             another key for the same host and ports: "HOST IDENTIFICATION HAS CHANGED"
#   ssh/client/config                          an ssh_config using all of the above (ssh -F), for tests
#
# $SSH_PORT is the usual remote: commands run with DOCKER_HOST set to the test bed's dockerd (SetEnv), so
# `docker system dial-stdio` reaches it, and the Podman service is reached by its socket path. $SSH_BARE_PORT is a
# remote without an engine CLI: its commands run with a PATH where neither docker nor podman is.

SSH_DIR=$DIR/ssh
SSHD_LISTEN=127.0.0.1

sshd_ok() {
  [[ -s $SSH_DIR/client/config ]] &&
    ssh -F "$SSH_DIR/client/config" -p "$SSH_PORT" "root@$SSHD_LISTEN" true </dev/null >/dev/null 2>&1
}

# The key and files are made once; a half-made set (an interrupted run) is made again from scratch.
make_ssh_material() {
  local c=$SSH_DIR/client f
  for f in host_ed25519 host_ed25519.pub authorized_keys client/id_ed25519 client/other_ed25519 client/changed_host_ed25519.pub; do
    [[ -s $SSH_DIR/$f ]] || { rm -rf "$SSH_DIR"; break; }
  done
  mkdir -p "$c"
  if [[ ! -s $SSH_DIR/host_ed25519 ]]; then
    log "making ssh keys in $SSH_DIR"
    ssh-keygen -q -t ed25519 -N '' -C oci-testbed-host -f "$SSH_DIR/host_ed25519"
    ssh-keygen -q -t ed25519 -N '' -C oci-test-client -f "$c/id_ed25519"
    ssh-keygen -q -t ed25519 -N '' -C oci-test-other -f "$c/other_ed25519"
    # Only the public half of a second host key is needed: a known_hosts that pins the wrong key.
    ssh-keygen -q -t ed25519 -N '' -C oci-testbed-changed -f "$c/changed_host_ed25519"
    rm -f "$c/changed_host_ed25519"
    cp "$c/id_ed25519.pub" "$SSH_DIR/authorized_keys"
  fi
  # Written every time: the ports may differ between runs of the same test bed.
  local key changed port
  key=$(cut -d' ' -f1,2 "$SSH_DIR/host_ed25519.pub")
  changed=$(cut -d' ' -f1,2 "$c/changed_host_ed25519.pub")
  : >"$c/known_hosts"
  : >"$c/known_hosts_changed"
  for port in "$SSH_PORT" "$SSH_BARE_PORT"; do
    echo "[$SSHD_LISTEN]:$port $key" >>"$c/known_hosts"
    echo "[$SSHD_LISTEN]:$port $changed" >>"$c/known_hosts_changed"
  done
  # IdentitiesOnly: an agent of whoever runs the tests must not offer other keys first.
  cat >"$c/config" <<EOF
# The test bed's ssh client settings (ssh -F): its key and pinned host key, never ~/.ssh.
Host *
  IdentityFile $c/id_ed25519
  IdentitiesOnly yes
  UserKnownHostsFile $c/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  BatchMode yes
EOF
}

# write_sshd_config FILE
write_sshd_config() {
  cat >"$1" <<EOF
# The test bed's sshd: loopback only, keys only, files under $SSH_DIR.
Port $SSH_PORT
Port $SSH_BARE_PORT
ListenAddress $SSHD_LISTEN
HostKey $SSH_DIR/host_ed25519
# sshd's own pid file; the test bed records the pid it started in sshd.pid.
PidFile $SSH_DIR/sshd-own.pid
AuthorizedKeysFile $SSH_DIR/authorized_keys
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
# No PAM stack (no login sessions here); files under /tmp would fail StrictModes' ownership checks.
UsePAM no
StrictModes no
X11Forwarding no
PrintMotd no
# Where a remote \`docker\` goes without --host: the test bed's dockerd.
SetEnv DOCKER_HOST=unix://$DOCKER_SOCK
# A test marks its connections (ssh -o SetEnv=OCI_TEST_MARK=...) to find the remote processes that serve them.
AcceptEnv OCI_TEST_MARK

# A remote without an engine CLI: the command runs with a PATH that has neither docker nor podman.
Match LocalPort $SSH_BARE_PORT
  ForceCommand env PATH=$SSH_DIR/empty-path /bin/sh -c "\$SSH_ORIGINAL_COMMAND"
EOF
  mkdir -p "$SSH_DIR/empty-path"
}

start_sshd() {
  mkdir -p "$SSH_DIR"
  make_ssh_material
  write_sshd_config "$SSH_DIR/sshd_config.wanted"
  if pid_alive "$SSH_DIR/sshd.pid" sshd; then
    if cmp -s "$SSH_DIR/sshd_config.wanted" "$SSH_DIR/sshd_config"; then
      rm -f "$SSH_DIR/sshd_config.wanted"
      wait_for sshd "$SSH_DIR/sshd.log" "$SSH_DIR/sshd.pid" sshd sshd_ok
      log "sshd already running on $SSHD_LISTEN:$SSH_PORT (pid $(<"$SSH_DIR/sshd.pid"))"
      return
    fi
    log "sshd (pid $(<"$SSH_DIR/sshd.pid")) runs with another configuration (ports, settings): restarting it"
    stop_pids "sshd:$SSH_DIR/sshd.pid:sshd"
  fi
  mv "$SSH_DIR/sshd_config.wanted" "$SSH_DIR/sshd_config"
  # sshd keeps its privilege-separation chroot there and refuses to start without it.
  mkdir -p /run/sshd
  chmod 755 /run/sshd
  /usr/sbin/sshd -t -f "$SSH_DIR/sshd_config" || die "sshd rejects $SSH_DIR/sshd_config"
  rm -f "$SSH_DIR/sshd.pid"
  log "starting sshd on $SSHD_LISTEN:$SSH_PORT (and $SSH_BARE_PORT, without an engine CLI)"
  # -D: stay in the foreground (the recorded pid is sshd itself); -e: log to stderr, i.e. sshd.log.
  # sshd must be started by its absolute path (it re-executes itself for each connection).
  start_bg "$SSH_DIR/sshd.pid" "$SSH_DIR/sshd.log" /usr/sbin/sshd -D -e -f "$SSH_DIR/sshd_config"
  wait_for sshd "$SSH_DIR/sshd.log" "$SSH_DIR/sshd.pid" sshd sshd_ok
  log "sshd ready (pid $(<"$SSH_DIR/sshd.pid"))"
}
