# The Debian packages the test bed needs, installed only when missing. Sourced by eng/engines.sh.

# Debian packages the test bed needs (curl/openssl/htpasswd are used by this script itself).
PACKAGES=(docker.io podman docker-registry skopeo containerd runc crun uidmap fuse-overlayfs
  catatonit golang-github-containers-common conmon busybox-static openssl apache2-utils
  curl ca-certificates openssh-server openssh-client)
# Binaries this script calls directly: if any is missing the install step runs regardless of dpkg.
BINARIES=(dockerd docker podman docker-registry containerd runc conmon busybox htpasswd curl sshd ssh ssh-keygen)

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
