#!/usr/bin/env bash
# The README's main job on a fresh machine with only the .NET SDK:
#
#   bash eng/run.sh [-Reference <image>] [-Fresh]
#
# Restores the pinned pwsh (.config/dotnet-tools.json) and runs build.ps1 -Task Demo with it: build the
# module, bring up the local engine and registry (eng/engines.sh up), connect, pull with progress, list.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >&2
exec dotnet pwsh -NoLogo -NoProfile -NonInteractive -File build.ps1 -Task Demo "$@"
