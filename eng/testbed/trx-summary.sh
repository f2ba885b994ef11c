#!/usr/bin/env bash
# Sum the counters of every TRX file under a directory and judge the run.
#
#   eng/testbed/trx-summary.sh RESULTS_DIR
#
# Prints the failed and skipped test names (stderr) and then one line alone on stdout:
#   N passed, N failed, N skipped
# Exits non-zero when any test failed, any test did not run (xunit skips are "not executed"),
# no test ran at all, or a run summary says the run itself failed/aborted.
# Plain grep/sed on purpose: a fresh machine has no python or xmllint, and VSTest writes each
# <Counters .../> and <UnitTestResult ...> start tag on one line.
set -euo pipefail

results=${1:?usage: trx-summary.sh RESULTS_DIR}

# attr NAME TAG: value of a numeric attribute in one start tag (0 when absent).
attr() {
  local v
  v=$(grep -o " $1=\"[0-9]*\"" <<<"$2" | head -n1 | tr -dc 0-9) || true
  echo "${v:-0}"
}

total=0 passed=0 failed=0 files=0 bad_run=0
while IFS= read -r -d '' trx; do
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n1) || true
  if [[ -z $counters ]]; then
    echo "no counters in $trx (test run did not finish?)" >&2
    bad_run=1
    continue
  fi
  total=$((total + $(attr total "$counters")))
  passed=$((passed + $(attr passed "$counters")))
  # A test that errored, timed out or was aborted counts as failed.
  for a in failed error timeout aborted; do
    failed=$((failed + $(attr "$a" "$counters")))
  done
  outcome=$(grep -o '<ResultSummary outcome="[A-Za-z]*"' "$trx" | head -n1 | sed 's/.*outcome="//; s/"$//') || true
  case $outcome in
    Failed | Error | Aborted | Timeout)
      echo "run outcome $outcome in $trx" >&2
      bad_run=1
      ;;
  esac
  # Name the tests that did not pass, so the cause is visible without opening the TRX.
  grep -o '<UnitTestResult [^>]*>' "$trx" | grep -v 'outcome="Passed"' |
    sed -E 's/.* testName="([^"]*)".* outcome="([^"]*)".*/  \2: \1/' >&2 || true
done < <(find "$results" -name '*.trx' -type f -print0 2>/dev/null)

# Whatever neither passed nor failed (skipped, not executed, inconclusive) counts as skipped:
# xunit reports a skip only as total - executed, with notExecuted="0".
skipped=$((total - passed - failed))
((skipped < 0)) && skipped=0

rc=0
if ((files == 0)); then
  echo "no TRX files under $results" >&2
  rc=1
fi
if ((total == 0)); then
  echo "zero tests ran" >&2
  rc=1
fi
((failed > 0 || skipped > 0 || bad_run)) && rc=1

echo "$passed passed, $failed failed, $skipped skipped"
exit $rc
