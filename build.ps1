<#
.SYNOPSIS
    The one entry point for the Oci module: build, test, package, demo and install check.
.DESCRIPTION
    Runs in the pwsh pinned by .config/dotnet-tools.json:

        dotnet tool restore
        dotnet pwsh -NoProfile -File build.ps1 -Task <task>

    Build   : dotnet build of the solution; leaves the importable module, with its help, in out/Oci.
    Test    : Build, the test bed (eng/engines.sh up), then xunit (core, drivers, conformance) and Pester
              (tests/Pester, the module's suite, with the install check) against the real engines.
              Ends with one line "N passed, N failed, N skipped" for both; a failure, a skip or no test fails it.
    Package : Build, then artifacts/Oci.<version>.nupkg, ready for the PowerShell Gallery.
    Demo    : the main job: connect to the local engine, pull an image with progress, list the images.
    Install : the install check alone (tests/Pester/Install.Tests.ps1): pack, Install-PSResource and
              Install-Module from a local repository into a temporary HOME, import by name, help, a pull.
    Benchmark: Build (Release), the test bed, then the comparison runner (benchmarks/Oci.Benchmarks, see
              docs/benchmarks.md): raw HttpClient, Docker.DotNet, OciClient, the cmdlets and the docker CLI side by side
              on dockerd and Podman. Never part of Test.
.PARAMETER Reference
    Demo: the image to pull (default: small:latest in the test bed's registry).
.PARAMETER Fresh
    Demo: remove the image first, so the pull downloads its layers and shows their progress.
.PARAMETER BenchmarkArgs
    Benchmark: the runner's arguments in one string, e.g. '--quick', '--only calls,startup', 'micro' (BenchmarkDotNet).
.EXAMPLE
    dotnet pwsh -NoProfile -File build.ps1 -Task Test
.EXAMPLE
    dotnet pwsh -NoProfile -File build.ps1 -Task Demo -Fresh
.EXAMPLE
    dotnet pwsh -NoProfile -File build.ps1 -Task Benchmark '-BenchmarkArgs:--quick'
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo', 'Install', 'Benchmark')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    [string] $Reference,

    [switch] $Fresh,

    [string] $BenchmarkArgs = ''
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

foreach ($part in 'Dotnet', 'Pwsh', 'TestBed', 'TestResults') {
    . (Join-Path $PSScriptRoot "eng/build/$part.ps1")
}

$Results = Join-Path $PSScriptRoot 'artifacts/test-results'

function Build-Module {
    # The module project alone: what the demo, the package and the install check need.
    Invoke-Dotnet @('build', 'src/Oci.PowerShell/Oci.PowerShell.csproj', '-c', $Configuration, '-nologo')
    Assert-ModuleLayout
}

function Build-Solution {
    Invoke-Dotnet @('build', 'Oci.PowerShell.sln', '-c', $Configuration, '-nologo')
    Assert-ModuleLayout
}

function Assert-ModuleLayout {
    foreach ($file in 'Oci.psd1', 'en-US/Oci.PowerShell.dll-Help.xml', 'en-US/about_Oci.help.txt') {
        if (-not (Test-Path -LiteralPath (Join-Path $PSScriptRoot "out/Oci/$file"))) { throw "The build did not produce out/Oci/$file." }
    }
}

function Invoke-PesterSuite {
    # In a child pwsh (eng/build/Invoke-PesterRun.ps1); its counts are read back by Read-PesterCounts.
    param([string[]] $Path)
    Invoke-Pwsh @('-File', (Join-Path $PSScriptRoot 'eng/build/Invoke-PesterRun.ps1'),
        '-PesterModule', (Get-PesterModulePath), '-ResultsFolder', (Join-Path $Results 'pester'), '-Path', ($Path -join ',')) | Out-Host
    Read-PesterCounts (Join-Path $Results 'pester/pester-counts.json')
}

function Invoke-XunitSuite {
    # -m:1 runs the test projects one after another: they share one dockerd and pull/remove the same images.
    # A failing test is counted from the TRX files, not thrown here, so Pester still runs.
    & dotnet test Oci.PowerShell.sln -c $Configuration --no-build -m:1 -nologo `
        --logger trx --logger 'console;verbosity=normal' --results-directory (Join-Path $Results 'xunit') | Out-Host
    Read-TrxCounts (Join-Path $Results 'xunit')
}

function Reset-Results {
    # Results of an earlier run must not be counted.
    if (Test-Path -LiteralPath $Results) { Remove-Item -LiteralPath $Results -Recurse -Force }
    $null = New-Item -ItemType Directory -Force -Path $Results
}

Push-Location -LiteralPath $PSScriptRoot
try {
    $env:DOTNET_NOLOGO = '1'
    $env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
    $env:DOTNET_SKIP_FIRST_TIME_EXPERIENCE = '1'
    $passed = $true

    switch ($Task) {
        'Build' { Build-Solution }
        'Package' {
            Build-Module
            Invoke-Dotnet @('pack', 'eng/package/Oci.Package.proj', '-c', $Configuration, '-nologo')
        }
        'Demo' {
            Build-Module
            Initialize-TestBed
            $demo = @{}
            if ($Reference) { $demo.Reference = $Reference }
            if ($Fresh) { $demo.Fresh = $true }
            & (Join-Path $PSScriptRoot 'eng/demo.ps1') @demo
        }
        'Install' {
            Build-Module
            Initialize-TestBed
            Reset-Results
            $passed = Write-TestSummary @(Invoke-PesterSuite 'tests/Pester/Install.Tests.ps1')
        }
        'Benchmark' {
            if ($Configuration -ne 'Release') { throw 'Benchmarks run on the Release build.' }
            Build-Solution
            Initialize-TestBed
            # "micro" first runs BenchmarkDotNet instead of the comparison runner; anything else is the runner's options.
            $runnerArgs = @($BenchmarkArgs -split '\s+' | Where-Object { $_ })
            if ($runnerArgs.Count -eq 0 -or $runnerArgs[0] -ne 'micro') { $runnerArgs = @('compare') + $runnerArgs }
            & dotnet (Join-Path $PSScriptRoot 'benchmarks/Oci.Benchmarks/bin/Release/net10.0/Oci.Benchmarks.dll') @runnerArgs
            if ($LASTEXITCODE -ne 0) { throw "The benchmark runner failed with exit code $LASTEXITCODE." }
        }
        'Test' {
            Build-Solution
            Initialize-TestBed
            Reset-Results
            $xunit = Invoke-XunitSuite
            $pester = Invoke-PesterSuite 'tests/Pester'
            $passed = Write-TestSummary @($xunit, $pester)
        }
    }
    if (-not $passed) { exit 1 }
}
catch {
    Write-Host "build.ps1 -Task $Task failed: $_" -ForegroundColor Red
    exit 1
}
finally {
    Pop-Location
}
