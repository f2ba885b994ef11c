# Counting a test run: the TRX files of dotnet test (xunit) and the counts file of the Pester run,
# added up into one line "N passed, N failed, N skipped". Anything that neither passed nor failed
# counts as skipped, and a skip, a failure or no test at all fails the run.

function Read-TrxCounts {
    # The counters of every TRX file under $Folder; names the tests that did not pass.
    param([Parameter(Mandatory)] [string] $Folder)
    $result = [pscustomobject]@{ Runner = 'xunit'; Passed = 0; Failed = 0; Skipped = 0; Problems = @() }
    $files = @(Get-ChildItem -LiteralPath $Folder -Filter '*.trx' -Recurse -File -ErrorAction SilentlyContinue)
    if ($files.Count -eq 0) { $result.Problems += "no TRX file under $Folder (dotnet test did not run?)" }
    foreach ($file in $files) {
        [xml] $trx = Get-Content -LiteralPath $file.FullName -Raw
        $summary = $trx.TestRun.ResultSummary
        if (-not $summary) { $result.Problems += "no result summary in $($file.Name) (the run did not finish?)"; continue }
        $c = $summary.Counters
        # A test that errored, timed out or was aborted failed; xunit reports a skip only as total - executed.
        $failed = [int]$c.failed + [int]$c.error + [int]$c.timeout + [int]$c.aborted
        $result.Passed += [int]$c.passed
        $result.Failed += $failed
        $result.Skipped += [Math]::Max(0, [int]$c.total - [int]$c.passed - $failed)
        if ($summary.outcome -in 'Failed', 'Error', 'Aborted', 'Timeout') { $result.Problems += "run outcome $($summary.outcome) in $($file.Name)" }
        foreach ($r in @($trx.TestRun.Results.UnitTestResult | Where-Object { $_ -and $_.outcome -ne 'Passed' })) {
            $result.Problems += "$($r.outcome): $($r.testName)"
        }
    }
    $result
}

function Read-PesterCounts {
    # The counts Invoke-PesterRun.ps1 wrote; a missing file means the Pester run itself failed.
    param([Parameter(Mandatory)] [string] $Path)
    $result = [pscustomobject]@{ Runner = 'Pester'; Passed = 0; Failed = 0; Skipped = 0; Problems = @() }
    if (-not (Test-Path -LiteralPath $Path)) { $result.Problems += "no Pester counts at $Path (Pester did not finish)"; return $result }
    $counts = Get-Content -LiteralPath $Path -Raw | ConvertFrom-Json
    $result.Passed = [int]$counts.Passed
    $result.Failed = [int]$counts.Failed
    $result.Skipped = [int]$counts.Skipped
    $result.Problems = @($counts.Problems)
    $result
}

function Write-TestSummary {
    # Prints each runner's count, the problems, and last, alone on its line, the total. True when all passed.
    param([Parameter(Mandatory)] [object[]] $Runs)
    $passed = 0; $failed = 0; $skipped = 0; $problems = 0
    foreach ($run in $Runs) {
        Write-Host ("{0}: {1} passed, {2} failed, {3} skipped" -f $run.Runner, $run.Passed, $run.Failed, $run.Skipped)
        foreach ($p in $run.Problems) { Write-Host "  $p" -ForegroundColor Red }
        $passed += $run.Passed; $failed += $run.Failed; $skipped += $run.Skipped; $problems += @($run.Problems).Count
    }
    $ok = $failed -eq 0 -and $skipped -eq 0 -and $problems -eq 0 -and $passed -gt 0
    if ($passed -eq 0) { Write-Host 'zero tests ran' -ForegroundColor Red }
    Write-Host "$passed passed, $failed failed, $skipped skipped"
    $ok
}
