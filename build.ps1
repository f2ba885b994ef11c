<#
.SYNOPSIS
    Builds, tests or packages the Oci PowerShell module.
.DESCRIPTION
    Build   : dotnet build of the solution; leaves the importable module in out/Oci.
    Test    : Build, then dotnet test, then the Pester 5 tests in tests/Pester (skipped with a warning
              when Pester 5 is not installed).
    Package : Build, then artifacts/Oci.<version>.nupkg, ready for the PowerShell Gallery.

    Every step is plain dotnet, so machines without pwsh run the same commands (see README).
.EXAMPLE
    ./build.ps1
.EXAMPLE
    ./build.ps1 -Task Package -Configuration Release
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

# $ErrorActionPreference does not cover native commands: check their exit codes.
function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    Write-Host "> dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE."
    }
}

function Build-Module {
    Invoke-Dotnet build Oci.PowerShell.sln -c $Configuration
    if (-not (Test-Path -LiteralPath (Join-Path $PSScriptRoot 'out/Oci/Oci.psd1'))) {
        throw 'The build did not produce out/Oci/Oci.psd1.'
    }
}

# The tests talk to real engines. On Linux/macOS the repository's test bed provides them; elsewhere
# set OCI_TEST_DOCKER_HOST (and friends) yourself before running the tests.
function Initialize-TestBed {
    $engines = Join-Path $PSScriptRoot 'eng/engines.sh'
    # $env:OS, not $IsWindows: Windows PowerShell 5.1 has no $IsWindows, and strict mode would fail on it.
    if ($env:OCI_TEST_DOCKER_HOST -or $env:OS -eq 'Windows_NT' -or -not (Test-Path -LiteralPath $engines)) { return }
    Write-Host "> bash eng/engines.sh up" -ForegroundColor Cyan
    $lines = & bash $engines up
    if ($LASTEXITCODE -ne 0) { throw "eng/engines.sh up failed with exit code $LASTEXITCODE." }
    foreach ($line in $lines) {
        if ($line -match '^export ([A-Za-z_][A-Za-z0-9_]*)=(.*)$') {
            Set-Item -Path "env:$($Matches[1])" -Value $Matches[2].Trim("'", '"')
        }
    }
}

function Invoke-PesterSuite {
    $pester = Get-Module -Name Pester -ListAvailable |
        Where-Object { $_.Version -ge [version]'5.0' } |
        Sort-Object -Property Version -Descending |
        Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 is not installed, so tests/Pester did not run (Install-Module Pester -MinimumVersion 5.0).'
        return
    }

    # Run Pester in a child process: importing out/Oci here would lock its DLLs (Windows) and keep an
    # old build loaded for the rest of this session.
    $results = Join-Path $PSScriptRoot 'artifacts/test-results/pester.xml'
    $null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $results)
    $shell = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    & $shell -NoProfile -NonInteractive -Command {
        param($PesterPath, $TestsPath, $ResultsPath)
        $ErrorActionPreference = 'Stop'
        Import-Module $PesterPath
        # What Invoke-Pester -CI sets up (results file, failure exit code), without exiting early.
        $config = New-PesterConfiguration
        $config.Run.Path = $TestsPath
        $config.Run.PassThru = $true
        $config.TestResult.Enabled = $true
        $config.TestResult.OutputPath = $ResultsPath
        $config.Output.Verbosity = 'Detailed'
        $run = Invoke-Pester -Configuration $config
        if ($run.Result -ne 'Passed') { exit 1 }
    } -args $pester.Path, (Join-Path $PSScriptRoot 'tests/Pester'), $results
    if ($LASTEXITCODE -ne 0) { throw "Pester tests failed (results: $results)." }
}

Push-Location -LiteralPath $PSScriptRoot
try {
    $env:DOTNET_NOLOGO = '1'
    $env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'

    Build-Module
    switch ($Task) {
        'Test' {
            Initialize-TestBed
            Invoke-Dotnet test Oci.PowerShell.sln -c $Configuration --no-build
            Invoke-PesterSuite
        }
        'Package' {
            Invoke-Dotnet pack eng/package/Oci.Package.proj -c $Configuration
            Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot 'artifacts') -Filter 'Oci.*.nupkg' |
                ForEach-Object { Write-Host "Package: $($_.FullName)" -ForegroundColor Green }
        }
    }
}
catch {
    Write-Host "build.ps1 -Task $Task failed: $_" -ForegroundColor Red
    exit 1
}
finally {
    Pop-Location
}
