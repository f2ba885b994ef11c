# The test images the suites pull, built offline from busybox and pushed to the registries once.
# Sourced by eng/engines.sh.

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
