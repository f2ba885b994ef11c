<#
    Checks the hand-written MAML help (src/Oci.PowerShell/en-US/Oci.PowerShell.dll-Help.xml) against the
    cmdlets themselves: every parameter documented with the real type, position, mandatory flag, pipeline
    input and wildcard support; the same parameter sets in the syntax; a synopsis, a description and at
    least two examples per cmdlet. Core PowerShell only, so it runs in the hosted engine:

      dotnet build -c Release && dotnet run --project tools/Oci.Host -c Release -- tools/Oci.Host/checks/Test-Help.ps1

    Exits 1 and lists the differences when help and code disagree.
#>
$root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, "..", "..", ".."))
Import-Module ([System.IO.Path]::Combine($root, "out", "Oci", "Oci.psd1"))
$common = [System.Management.Automation.Internal.CommonParameters].GetProperties().Name
$problems = 0
foreach ($cmd in (Get-Command -Module Oci)) {
    $help = Get-Help $cmd.Name -Full
    if (-not $help.Synopsis -or $help.Synopsis -eq $cmd.Name -or $help.Synopsis.StartsWith("`n")) { "$($cmd.Name): no synopsis"; $problems++ }
    if (@($help.examples.example).Count -lt 2) { "$($cmd.Name): fewer than 2 examples"; $problems++ }
    if (-not $help.description) { "$($cmd.Name): no description"; $problems++ }
    $hp = @{}; foreach ($p in @($help.parameters.parameter)) { $hp[$p.name] = $p }
    foreach ($p in $cmd.Parameters.Values) {
        if ($p.Name -in $common) { continue }
        $h = $hp[$p.Name]
        if (-not $h) { "$($cmd.Name) -$($p.Name): missing from help"; $problems++; continue }
        $hp.Remove($p.Name)
        $sets = $p.ParameterSets.Values
        $pos = @($sets | ForEach-Object { $_.Position } | Where-Object { $_ -ge 0 })
        $expectPos = if ($pos.Count) { [string]$pos[0] } else { 'named' }
        if ($h.position -ne $expectPos) { "$($cmd.Name) -$($p.Name): position help=$($h.position) real=$expectPos"; $problems++ }
        $mand = [bool](@($sets | Where-Object { $_.IsMandatory }).Count)
        if (($h.required -eq 'true') -ne $mand) { "$($cmd.Name) -$($p.Name): required help=$($h.required) real=$mand"; $problems++ }
        $byVal = [bool](@($sets | Where-Object { $_.ValueFromPipeline }).Count)
        $byProp = [bool](@($sets | Where-Object { $_.ValueFromPipelineByPropertyName }).Count)
        $kinds = @(); if ($byProp) { $kinds += 'ByPropertyName' }; if ($byVal) { $kinds += 'ByValue' }
        $expectPipe = if ($kinds.Count) { 'True (' + ($kinds -join ', ') + ')' } else { 'False' }
        if ($h.pipelineInput -ne $expectPipe) { "$($cmd.Name) -$($p.Name): pipeline help=$($h.pipelineInput) real=$expectPipe"; $problems++ }
        $glob = [bool](@($p.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count)
        if (($h.globbing -eq 'true') -ne $glob) { "$($cmd.Name) -$($p.Name): wildcards help=$($h.globbing) real=$glob"; $problems++ }
        $t = $p.ParameterType.FullName
        if ($h.type.name -ne $t) { "$($cmd.Name) -$($p.Name): type help=$($h.type.name) real=$t"; $problems++ }
    }
    foreach ($extra in $hp.Keys) { "$($cmd.Name) -$($extra): in help but not a parameter"; $problems++ }
    # Parameter sets: the help's syntax items must list the same parameters, in the same order, per set.
    $realSets = @($cmd.ParameterSets | ForEach-Object { (@($_.Parameters.Name | Where-Object { $_ -notin $common }) | ForEach-Object { $_ }) -join ',' })
    $helpSets = @($help.syntax.syntaxItem | ForEach-Object { (@($_.parameter | ForEach-Object { $_.name })) -join ',' })
    foreach ($s in $realSets) { if ($s -notin $helpSets) { "$($cmd.Name): real set [$s] not in help syntax [$($helpSets -join ' | ')]"; $problems++ } }
    if ($realSets.Count -ne $helpSets.Count) { "$($cmd.Name): $($realSets.Count) real sets vs $($helpSets.Count) in help"; $problems++ }
    "$($cmd.Name): checked $($cmd.Parameters.Count) parameters, $($realSets.Count) set(s), $(@($help.examples.example).Count) examples"
}
"problems: $problems"
if ($problems) { exit 1 }
