#!/usr/bin/env bash
# The README's main job, on a fresh machine with only the .NET SDK:
#
#   bash eng/run.sh [-Reference <image>] [-Fresh]
#
# 1. reuses the engine in $OCI_TEST_DOCKER_HOST, or brings up the local engine and registry
#    (eng/engines.sh up: starts only what is not already running);
# 2. builds the module into out/Oci;
# 3. runs eng/demo.ps1 (connect, pull with progress, list images, disconnect) with pwsh when it is
#    installed, otherwise in the hosted PowerShell engine (tools/Oci.Host).
# Arguments go to eng/demo.ps1. Exits non-zero when any step, or the demo, fails.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { echo "[run] $*" >&2; }

if [[ -n ${OCI_TEST_DOCKER_HOST:-} ]]; then
  log "using the engine at $OCI_TEST_DOCKER_HOST"
else
  log "bash eng/engines.sh up"
  # engines.sh prints `export NAME=value` lines on stdout; its progress goes to stderr.
  testbed_env=$(bash eng/engines.sh up)
  eval "$testbed_env"
fi

log "dotnet build Oci.PowerShell.sln -c Release"
dotnet build Oci.PowerShell.sln -c Release -v quiet -nologo >&2

if command -v pwsh >/dev/null 2>&1; then
  log "pwsh eng/demo.ps1 $*"
  exec pwsh -NoLogo -NoProfile -NonInteractive -File eng/demo.ps1 "$@"
fi

log "no pwsh: running eng/demo.ps1 in the hosted PowerShell engine (tools/Oci.Host)"
dotnet build tools/Oci.Host -c Release -v quiet -nologo >&2
exec dotnet run --project tools/Oci.Host -c Release --no-build -- eng/demo.ps1 "$@"
