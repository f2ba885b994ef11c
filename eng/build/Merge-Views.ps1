<#
.SYNOPSIS
    Joins the module's per-type view files (src/Oci.PowerShell/Formats/*.format.ps1xml) into out/Oci/Oci.format.ps1xml
    and its per-type extended-type files (src/Oci.PowerShell/Types/*.types.ps1xml) into out/Oci/Oci.types.ps1xml.
.DESCRIPTION
    One source file per output type keeps each cmdlet family's views beside nothing else (and out of each other's way);
    the module ships one file of each kind, listed once in Oci.psd1. Run by the module's build (target OciViews).
    Fails, naming the file, when a source file is not valid XML or has the wrong root.
#>
param(
    [Parameter(Mandatory)] [string] $SourceFolder,
    [Parameter(Mandatory)] [string] $ModuleFolder
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

function Join-Files([string] $Filter, [string] $Root, [string] $Container, [string] $Destination, [string] $What) {
    $files = @(Get-ChildItem -LiteralPath $SourceFolder -Filter $Filter -File -Recurse | Sort-Object Name)
    $doc = [xml]::new()
    $null = $doc.AppendChild($doc.CreateXmlDeclaration('1.0', 'utf-8', $null))
    $null = $doc.AppendChild($doc.CreateComment(" $What of the Oci module, joined at build time from src/Oci.PowerShell/*/$Filter (eng/build/Merge-Views.ps1). Edit those, not this. "))
    $top = $doc.AppendChild($doc.CreateElement($Root))
    $into = if ($Container) { $top.AppendChild($doc.CreateElement($Container)) } else { $top }
    foreach ($file in $files) {
        try { $source = [xml](Get-Content -LiteralPath $file.FullName -Raw) }
        catch { throw "$($file.FullName) is not valid XML: $($_.Exception.Message)" }
        $parent = if ($Container) { $source.SelectSingleNode("/$Root/$Container") } else { $source.SelectSingleNode("/$Root") }
        if (-not $parent) { throw "$($file.FullName) has no /$Root$(if ($Container) { "/$Container" }) element." }
        foreach ($node in @($parent.ChildNodes)) { $null = $into.AppendChild($doc.ImportNode($node, $true)) }
    }
    $settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; IndentChars = '  '; Encoding = [System.Text.UTF8Encoding]::new($false) }
    $writer = [System.Xml.XmlWriter]::Create($Destination, $settings)
    try { $doc.Save($writer) } finally { $writer.Dispose() }
}

Join-Files -Filter '*.format.ps1xml' -Root 'Configuration' -Container 'ViewDefinitions' -Destination (Join-Path $ModuleFolder 'Oci.format.ps1xml') -What 'Views'
Join-Files -Filter '*.types.ps1xml' -Root 'Types' -Container '' -Destination (Join-Path $ModuleFolder 'Oci.types.ps1xml') -What 'Extended types'
