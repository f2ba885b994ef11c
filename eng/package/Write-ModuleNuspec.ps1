<#
.SYNOPSIS
    Writes the nuspec that Publish-Module would make for the built module (out/Oci), for Oci.Package.proj to pack.
.DESCRIPTION
    Reads the manifest with Import-PowerShellDataFile. The package has the module files at its root (no lib/), no
    dependencies, and the tags the Gallery derives from the manifest: its own, PSModule, PSCmdlet_<name> and
    PSCommand_<name> per cmdlet, PSIncludes_Cmdlet, PSEdition_<edition>. Fails, naming every problem, when the
    module folder is stale or incomplete or its ModuleVersion is not the repository's version.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleFolder,
    [Parameter(Mandatory)] [string] $SourceManifest,
    [Parameter(Mandatory)] [string] $PackageId,
    [Parameter(Mandatory)] [string] $ExpectedVersion,
    [Parameter(Mandatory)] [string] $LicenseExpression,
    # Paths inside the module folder, comma-separated (pwsh -File passes one string).
    [Parameter(Mandatory)] [string] $RequiredFiles,
    [Parameter(Mandatory)] [string] $NuspecPath
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$manifestPath = Join-Path $ModuleFolder "$PackageId.psd1"
$problems = [System.Collections.Generic.List[string]]::new()
if (-not (Test-Path -LiteralPath $manifestPath)) {
    [Console]::Error.WriteLine("error: $manifestPath is missing: build the module first (dotnet build Oci.PowerShell.sln -c Release).")
    exit 1
}

# The copy in out/Oci is what ships; it must be the current repository manifest.
$normalize = { param($path) (Get-Content -LiteralPath $path -Raw) -replace "`r`n", "`n" }
if ((& $normalize $manifestPath) -ne (& $normalize $SourceManifest)) {
    $problems.Add("$manifestPath differs from ${SourceManifest}: out/Oci is stale, rebuild the module.")
}

$m = Import-PowerShellDataFile -LiteralPath $manifestPath
$psData = $m.PrivateData.PSData
if ($m.ModuleVersion -ne $ExpectedVersion) {
    $problems.Add("ModuleVersion '$($m.ModuleVersion)' in $manifestPath must equal <Version>$ExpectedVersion</Version> in Directory.Build.props.")
}
$cmdlets = @($m.CmdletsToExport)
if ($cmdlets.Count -eq 0) { $problems.Add("${manifestPath}: CmdletsToExport is empty.") }
foreach ($f in @($RequiredFiles -split ',') + $m.RootModule + @($m.FormatsToProcess) | Where-Object { $_ } | Select-Object -Unique) {
    if (-not (Test-Path -LiteralPath (Join-Path $ModuleFolder $f))) { $problems.Add("$(Join-Path $ModuleFolder $f) is missing: build the module first.") }
}

# NuGet tags are space-separated, so none may hold white space.
$tags = [System.Collections.Generic.List[string]]::new()
foreach ($t in @($psData.Tags) + 'PSModule' + @($cmdlets | ForEach-Object { "PSCmdlet_$_"; "PSCommand_$_" }) + 'PSIncludes_Cmdlet' +
    @($m.CompatiblePSEditions | ForEach-Object { "PSEdition_$_" })) {
    if (-not $t -or $t -match '\s') { $problems.Add("Tag '$t' is empty or contains white space, which a NuGet tag cannot.") }
    elseif (-not ($tags -contains $t)) { $tags.Add($t) }
}

if ($problems.Count) {
    foreach ($p in $problems) { [Console]::Error.WriteLine("error: $p") }
    exit 1
}

$ns = 'http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd'
$doc = [System.Xml.XmlDocument]::new()
$null = $doc.AppendChild($doc.CreateXmlDeclaration('1.0', 'utf-8', $null))
$package = $doc.AppendChild($doc.CreateElement('package', $ns))
$metadata = $package.AppendChild($doc.CreateElement('metadata', $ns))
$add = {
    param($parent, [string] $name, [string] $text)
    $e = $parent.AppendChild($doc.CreateElement($name, $ns))
    $e.InnerText = $text
    $e
}
$null = & $add $metadata 'id' $PackageId
$null = & $add $metadata 'version' $m.ModuleVersion
$null = & $add $metadata 'authors' $m.Author
$null = & $add $metadata 'requireLicenseAcceptance' 'false'
(& $add $metadata 'license' $LicenseExpression).SetAttribute('type', 'expression')
$null = & $add $metadata 'projectUrl' $psData.ProjectUri
$null = & $add $metadata 'description' $m.Description
$null = & $add $metadata 'copyright' $m.Copyright
$null = & $add $metadata 'tags' ($tags -join ' ')
if ($psData.ContainsKey('ReleaseNotes')) { $null = & $add $metadata 'releaseNotes' ($psData.ReleaseNotes -replace "`r`n", "`n") }
# Everything in the module folder, at the package root (what Install-Module copies into Modules/<name>/<version>/).
$file = $package.AppendChild($doc.CreateElement('files', $ns)).AppendChild($doc.CreateElement('file', $ns))
$file.SetAttribute('src', '**')
$file.SetAttribute('target', '')

$null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $NuspecPath)
$doc.Save($NuspecPath)
Write-Host "Wrote $NuspecPath for $PackageId $($m.ModuleVersion) with tags: $($tags -join ' ')"
