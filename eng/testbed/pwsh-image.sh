# The pwsh test image ($REGISTRY/pwsh:latest) for the PowerShell-session tests (New-OciPSSession): no base image
# here has a libc, so it is made from this machine's own files — the dynamic loader, glibc, libstdc++ and libgcc
# (what the .NET host and runtime link), OpenSSL 3 (which .NET loads at run time, and `pwsh -s` needs), the .NET
# runtime pwsh asks for, the files of the repository's pinned pwsh tool (.config/dotnet-tools.json), busybox for
# /bin/sh, and a `pwsh` launcher on PATH. No ICU: DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1. Built once and pushed to
# the open registry (both engines pull it from there), like images.sh's. Sourced by eng/engines.sh.

PWSH_IMAGE=$REGISTRY/pwsh:latest

# The pinned pwsh tool's version, from the repository's tool manifest.
pwsh_tool_version() {
  sed -n '/"powershell"/,/}/s/.*"version": *"\([^"]*\)".*/\1/p' "$REPO_ROOT/.config/dotnet-tools.json" | head -n 1
}

# The folder of the restored tool's files (restoring the tool first when this machine has not yet).
pwsh_tool_dir() {
  local version packages dir
  version=$(pwsh_tool_version)
  [[ -n $version ]] || die "no powershell tool version in $REPO_ROOT/.config/dotnet-tools.json"
  packages=${NUGET_PACKAGES:-$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')}
  packages=${packages%/}
  dir=$(ls -d "$packages/powershell/$version/tools/"net*/any/unix 2>/dev/null | sort -V | tail -n 1)
  if [[ -z $dir ]]; then
    log "restoring the pwsh tool $version (dotnet tool restore)"
    (cd "$REPO_ROOT" && dotnet tool restore >/dev/null) || die "dotnet tool restore failed"
    dir=$(ls -d "$packages/powershell/$version/tools/"net*/any/unix 2>/dev/null | sort -V | tail -n 1)
  fi
  [[ -n $dir && -f $dir/pwsh.dll ]] || die "the pwsh tool $version has no files under $packages/powershell/$version"
  echo "$dir"
}

# The host's Microsoft.NETCore.App folder of the major version pwsh's runtimeconfig names (the newest of that major).
pwsh_runtime_dir() {
  local tool=$1 major root
  major=$(sed -n '/Microsoft.NETCore.App/,/}/s/.*"version": *"\([0-9]*\)\..*/\1/p' "$tool/pwsh.runtimeconfig.json" | head -n 1)
  [[ -n $major ]] || die "cannot read the .NET version pwsh needs from $tool/pwsh.runtimeconfig.json"
  root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  ls -d "$root/shared/Microsoft.NETCore.App/$major".* 2>/dev/null | sort -V | tail -n 1 ||
    die "this machine has no .NET $major runtime (pwsh $(pwsh_tool_version) needs it): dotnet --list-runtimes"
}

# Copies each shared library the given ELF files link (as ldd resolves them here) to the same path under ROOT.
copy_linked_libraries() {
  local root=$1 lib
  shift
  ldd "$@" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// && $1 !~ /:$/ { print $1 }' | sort -u |
    while read -r lib; do
      mkdir -p "$root$(dirname "$lib")"
      cp -L "$lib" "$root$lib"
    done
}

build_pwsh_image() {
  local b=$DIR/build-pwsh tool runtime dotnet_root fxr rootfs
  tool=$(pwsh_tool_dir)
  runtime=$(pwsh_runtime_dir "$tool")
  [[ -n $runtime ]] || die "no .NET runtime for pwsh on this machine"
  dotnet_root=$(dirname "$(dirname "$(dirname "$runtime")")")
  fxr=$(ls -d "$dotnet_root/host/fxr/"* | sort -V | tail -n 1)
  log "building $PWSH_IMAGE (pwsh $(pwsh_tool_version), .NET $(basename "$runtime"), from this machine's files)"
  rm -rf "$b"
  rootfs=$b/rootfs
  make_rootfs "$rootfs"
  mkdir -p "$rootfs/opt/dotnet/shared/Microsoft.NETCore.App" "$rootfs/opt/dotnet/host/fxr" "$rootfs/usr/bin" "$rootfs/root"
  cp /bin/busybox "$rootfs/bin/busybox"
  local t
  for t in ps grep id kill pkill pgrep head tail wc rm mkdir; do ln -sf busybox "$rootfs/bin/$t"; done
  cp -a "$dotnet_root/dotnet" "$rootfs/opt/dotnet/"
  cp -a "$fxr" "$rootfs/opt/dotnet/host/fxr/"
  cp -a "$runtime" "$rootfs/opt/dotnet/shared/Microsoft.NETCore.App/"
  # The tracing provider links lttng, which the image does not have (the runtime runs without it).
  rm -f "$rootfs/opt/dotnet/shared/Microsoft.NETCore.App/"*/libcoreclrtraceptprovider.so
  cp -a "$tool" "$rootfs/opt/pwsh"
  # Native files for other platforms are dead weight in a linux-x64 image.
  find "$rootfs/opt/pwsh/runtimes" -mindepth 1 -maxdepth 1 ! -name linux-x64 ! -name unix ! -name linux -exec rm -rf {} +
  copy_linked_libraries "$rootfs" "$rootfs/opt/dotnet/dotnet" "$rootfs"/opt/dotnet/host/fxr/*/*.so \
    "$rootfs"/opt/dotnet/shared/Microsoft.NETCore.App/*/*.so "$rootfs"/opt/pwsh/runtimes/linux-x64/native/*.so
  # Loaded by name at run time (dlopen), so ldd does not list them.
  local ssl
  for ssl in libssl.so.3 libcrypto.so.3; do
    lib=$(ldconfig -p | awk -v n="$ssl" '$1 == n && /x86-64/ { print $NF; exit }')
    [[ -n $lib ]] || die "OpenSSL 3 ($ssl) is not on this machine"
    mkdir -p "$rootfs$(dirname "$lib")"
    cp -L "$lib" "$rootfs$lib"
  done
  printf '#!/bin/sh\nexec /opt/dotnet/dotnet /opt/pwsh/pwsh.dll "$@"\n' >"$rootfs/usr/bin/pwsh"
  chmod 755 "$rootfs/usr/bin/pwsh"
  printf 'root:x:0:0:root:/root:/bin/sh\noci:x:1000:1000:oci:/tmp:/bin/sh\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\noci:x:1000:\n' >"$rootfs/etc/group"
  tar -C "$rootfs" -c . |
    docker_cli import \
      --change 'ENV PATH=/usr/bin:/bin' \
      --change 'ENV DOTNET_ROOT=/opt/dotnet' \
      --change 'ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1' \
      --change 'ENV DOTNET_CLI_TELEMETRY_OPTOUT=1' \
      --change 'ENV POWERSHELL_TELEMETRY_OPTOUT=1' \
      --change 'ENV POWERSHELL_UPDATECHECK=Off' \
      --change 'CMD ["/bin/sh"]' - "$PWSH_IMAGE" >/dev/null
  docker_cli run --rm --network none "$PWSH_IMAGE" pwsh -NoLogo -NoProfile -NonInteractive -c '$PSVersionTable.PSVersion.ToString()' >"$b/check.txt" 2>&1 ||
    die "the pwsh image does not run pwsh: $(cat "$b/check.txt")"
  log "pushing $PWSH_IMAGE"
  docker_cli push -q "$PWSH_IMAGE" >/dev/null
  docker_cli rmi -f "$PWSH_IMAGE" >/dev/null 2>&1 || true
  rm -rf "$b"
}

seed_pwsh_image() {
  if has_manifest "$REGISTRY" pwsh latest; then
    log "pwsh image already in the registry"
    return
  fi
  build_pwsh_image
  log "pwsh image pushed"
}
