#!/usr/bin/env bash
# Run the whole test suite against real engines:
#
#   bash eng/test.sh [extra dotnet test args]
#
# Starts (or reuses) the test bed, builds and tests every project in the solution, then judges
# the run from the TRX files: any failed or skipped test, or no test at all, fails it.
# The last line printed is "N passed, N failed, N skipped".
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
results=$root/artifacts/test-results

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# engines.sh prints `export NAME=value` lines on stdout (its progress goes to stderr).
testbed_env=$(bash eng/engines.sh up)
eval "$testbed_env"

# Stale TRX files from an earlier run must not be counted.
rm -rf "$results"
mkdir -p "$results"

echo "[test] dotnet test Oci.PowerShell.sln -c Release $*" >&2
test_rc=0
# -m:1 runs the test projects one after another: they share one dockerd and pull/remove the same images.
dotnet test Oci.PowerShell.sln -c Release -m:1 \
  --logger trx --logger "console;verbosity=normal" \
  --results-directory "$results" "$@" || test_rc=$?

summary_rc=0
summary=$(bash eng/testbed/trx-summary.sh "$results") || summary_rc=$?

if ((test_rc != 0)); then
  echo "[test] dotnet test exited with $test_rc" >&2
fi
echo "$summary"
if ((test_rc != 0 || summary_rc != 0)); then
  exit 1
fi
