#!/usr/bin/env bash
# The comparison runner (docs/benchmarks.md) on a machine with only the .NET SDK:
#
#   bash eng/bench.sh [--quick] [--rounds N] [--only calls,startup,memory,streams,pulls] [--engines dockerd,podman]
#   bash eng/bench.sh micro [BenchmarkDotNet arguments]
#
# Restores the pinned pwsh and runs build.ps1 -Task Benchmark with it: the Release build, the test bed (eng/engines.sh
# up, or the engines OCI_TEST_* name), then the runner. The table lands in artifacts/benchmarks/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >&2
exec dotnet pwsh -NoLogo -NoProfile -NonInteractive -File build.ps1 -Task Benchmark "-BenchmarkArgs:$*"
