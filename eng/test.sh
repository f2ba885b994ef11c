#!/usr/bin/env bash
# The README's whole test suite on a fresh machine with only the .NET SDK:
#
#   bash eng/test.sh
#
# Restores the pinned pwsh (.config/dotnet-tools.json) and runs build.ps1 -Task Test with it: xunit (core,
# drivers, conformance) and Pester (the module, with the install check) against the real engines of the
# test bed. The last line is "N passed, N failed, N skipped" for both; any failure or skip exits non-zero.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >&2
exec dotnet pwsh -NoLogo -NoProfile -NonInteractive -File build.ps1 -Task Test "$@"
