# The real engines the tests and the demo use. On Linux the repository's test bed provides them
# (eng/engines.sh up: installs and starts only what is not running yet); elsewhere, or to use other
# engines, set OCI_TEST_DOCKER_HOST (and friends, see eng/engines.sh env) before running build.ps1.

function Initialize-TestBed {
    $engines = Join-Path $PSScriptRoot '../engines.sh'
    # $env:OS, not $IsWindows: Windows PowerShell 5.1 has no $IsWindows, and strict mode would fail on it.
    if ($env:OCI_TEST_DOCKER_HOST -or $env:OS -eq 'Windows_NT') { return }
    Write-Host '> bash eng/engines.sh up' -ForegroundColor Cyan
    # engines.sh prints `export NAME=value` lines on stdout; its progress goes to stderr.
    $lines = & bash $engines up
    if ($LASTEXITCODE -ne 0) { throw "eng/engines.sh up failed with exit code $LASTEXITCODE." }
    foreach ($line in $lines) {
        if ($line -match '^export ([A-Za-z_][A-Za-z0-9_]*)=(.*)$') {
            Set-Item -Path "env:$($Matches[1])" -Value $Matches[2].Trim("'", '"')
        }
    }
}
