<#
    Runs Pester on tests/Pester (or the given files) in its own pwsh, started by build.ps1 so that importing
    out/Oci here never locks the module's files or leaves an old build loaded in the build's session.
    Writes the results (JUnit XML) and the counts (JSON, read by Read-PesterCounts) next to each other.
    Exit code 0 when every test passed.
#>
param(
    [Parameter(Mandatory)] [string] $PesterModule,
    # Files or folders, comma-separated (pwsh -File passes one string).
    [Parameter(Mandatory)] [string] $Path,
    [Parameter(Mandatory)] [string] $ResultsFolder
)

$ErrorActionPreference = 'Stop'
Import-Module $PesterModule

$null = New-Item -ItemType Directory -Force -Path $ResultsFolder
$config = New-PesterConfiguration
$config.Run.Path = @($Path -split ',')
$config.Run.PassThru = $true
$config.TestResult.Enabled = $true
$config.TestResult.OutputFormat = 'JUnitXml'
$config.TestResult.OutputPath = Join-Path $ResultsFolder 'pester.xml'
$config.Output.Verbosity = 'Detailed'
# Colours only on a terminal: build.ps1 pipes this output, and CI keeps it as a log.
if ([Console]::IsOutputRedirected) { $config.Output.RenderMode = 'Plaintext' }
$run = Invoke-Pester -Configuration $config

# Blocks and files that failed outside a test (BeforeAll, a parse error) fail the run too.
$problems = @($run.Failed | ForEach-Object { "Failed: $($_.ExpandedPath)" }) +
    @($run.FailedBlocks | ForEach-Object { "Failed block: $($_.ExpandedPath)" }) +
    @($run.FailedContainers | ForEach-Object { "Failed file: $($_.Item)" })
[pscustomobject]@{
    Passed   = $run.PassedCount
    Failed   = $run.FailedCount + $run.FailedBlocksCount + $run.FailedContainersCount
    Skipped  = $run.SkippedCount + $run.NotRunCount + $run.InconclusiveCount
    Problems = $problems
} | ConvertTo-Json | Set-Content -LiteralPath (Join-Path $ResultsFolder 'pester-counts.json') -Encoding utf8

if ($run.Result -ne 'Passed') { exit 1 }
