<#
.SYNOPSIS
    Writes the module's MAML help (out/Oci/en-US/Oci.PowerShell.dll-Help.xml) from one help data file per
    cmdlet (src/Oci.PowerShell/help/<Cmdlet>.psd1) and the syntax of the built cmdlets.
.DESCRIPTION
    The words come from the data files, read with Import-PowerShellDataFile; everything PowerShell knows
    about a cmdlet (parameter sets, types, positions, mandatory, pipeline input, aliases, wildcards) comes
    from the built module itself, so the help cannot drift from the code. Run by the module's build
    (src/Oci.PowerShell/Oci.PowerShell.csproj, target OciHelp) in its own pwsh after out/Oci is laid out.

    Fails, naming every problem, when an exported cmdlet has no help file, a help file has no cmdlet, a key
    is unknown, a parameter is undocumented or documented but absent, or a cmdlet has no example.
    See docs/help.md.
#>
param(
    [string] $ModuleFolder = (Join-Path $PSScriptRoot '../../out/Oci'),
    [string] $HelpFolder = (Join-Path $PSScriptRoot '../../src/Oci.PowerShell/help')
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'HelpData.ps1')
. (Join-Path $PSScriptRoot 'MamlWriter.ps1')

$module = Import-Module (Join-Path $ModuleFolder 'Oci.psd1') -Force -PassThru
$cmdlets = @(Get-Command -Module $module.Name -CommandType Cmdlet | Sort-Object Name)
$problems = [System.Collections.Generic.List[string]]::new()

$files = @(Get-ChildItem -LiteralPath $HelpFolder -Filter '*.psd1' -File)
foreach ($orphan in $files | Where-Object { $_.BaseName -notin $cmdlets.Name }) {
    $problems.Add("$($orphan.Name): no exported cmdlet is called $($orphan.BaseName).")
}

$commands = foreach ($cmdlet in $cmdlets) {
    $file = Join-Path $HelpFolder "$($cmdlet.Name).psd1"
    if (-not (Test-Path -LiteralPath $file)) {
        $problems.Add("$($cmdlet.Name) has no help: add $file (see docs/help.md).")
        continue
    }
    $help = Import-PowerShellDataFile -LiteralPath $file
    $syntax = Get-CmdletSyntax $cmdlet
    foreach ($p in Test-HelpData -Help $help -Syntax $syntax) { $problems.Add("$($cmdlet.Name).psd1: $p") }
    [pscustomobject]@{ Cmdlet = $cmdlet; Help = $help; Syntax = $syntax }
}

if ($problems.Count) {
    # One plain line per problem (no error-record formatting): the build's log shows them as they are.
    foreach ($p in $problems) { [Console]::Error.WriteLine("error: $p") }
    [Console]::Error.WriteLine("The help was not written: $($problems.Count) problem(s) in $HelpFolder.")
    exit 1
}

$target = Join-Path $ModuleFolder 'en-US'
$null = New-Item -ItemType Directory -Force -Path $target
$path = Join-Path $target "$($module.RootModule)-Help.xml"
Write-MamlFile -Path $path -Commands $commands
Write-Host "Oci help -> $path ($($commands.Count) cmdlets)"
