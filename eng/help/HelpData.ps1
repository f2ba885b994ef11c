# The two halves of a cmdlet's help: its syntax, read from the built cmdlet, and its words, a help data file
# (src/Oci.PowerShell/help/<Cmdlet>.psd1) checked against that syntax. Dot-sourced by Build-Help.ps1.

# Keys a help data file may have; a text is one string or an array of strings (one per paragraph).
$HelpKeys = @('Synopsis', 'Description', 'Parameters', 'DefaultValues', 'Inputs', 'Outputs', 'Notes', 'Examples', 'Links')

# What every ShouldProcess cmdlet's -WhatIf and -Confirm mean; a help file may still say more.
$StandardParameterHelp = @{
    WhatIf  = 'Shows what would happen if the cmdlet runs. The cmdlet is not run.'
    Confirm = 'Prompts you for confirmation before running the cmdlet.'
}

function Get-CmdletSyntax {
    # Parameter sets (the default first) and parameters, without the common parameters every cmdlet has.
    param([Parameter(Mandatory)] [System.Management.Automation.CmdletInfo] $Cmdlet)
    $common = [System.Management.Automation.PSCmdlet]::CommonParameters
    $sets = @($Cmdlet.ParameterSets | Sort-Object { -not $_.IsDefault } -Stable | ForEach-Object {
            $inSet = @($_.Parameters | Where-Object Name -notin $common)
            [pscustomobject]@{
                Name       = $_.Name
                IsDefault  = $_.IsDefault
                # Positional parameters first, by position; then the others as the cmdlet declares them.
                Parameters = @(@($inSet | Where-Object Position -ge 0 | Sort-Object Position) + @($inSet | Where-Object Position -lt 0) |
                        ForEach-Object { ConvertTo-ParameterSyntax $Cmdlet.Parameters[$_.Name] @($_) })
            }
        })
    # The cmdlet's declaration order.
    $names = @($Cmdlet.Parameters.Keys | Where-Object { $_ -in $sets.Parameters.Name })
    [pscustomobject]@{
        Name       = $Cmdlet.Name
        Verb       = $Cmdlet.Verb
        Noun       = $Cmdlet.Noun
        Sets       = $sets
        # One entry per parameter for the help's parameter list, over all its sets.
        Parameters = @($names | ForEach-Object {
                $n = $_
                ConvertTo-ParameterSyntax $Cmdlet.Parameters[$n] @($Cmdlet.ParameterSets.Parameters | Where-Object Name -eq $n)
            })
    }
}

function ConvertTo-ParameterSyntax {
    # One parameter as MAML describes it, from its metadata and its entries in the sets considered.
    param(
        [System.Management.Automation.ParameterMetadata] $Metadata,
        [System.Management.Automation.CommandParameterInfo[]] $InSets
    )
    $type = $Metadata.ParameterType
    $pipeline = @()
    if (@($InSets | Where-Object ValueFromPipelineByPropertyName).Count) { $pipeline += 'ByPropertyName' }
    if (@($InSets | Where-Object ValueFromPipeline).Count) { $pipeline += 'ByValue' }
    $position = @($InSets | Where-Object Position -ge 0 | ForEach-Object Position | Sort-Object) | Select-Object -First 1
    [pscustomobject]@{
        Name           = $Metadata.Name
        Type           = $type
        IsSwitch       = $type -eq [System.Management.Automation.SwitchParameter]
        Required       = @($InSets | Where-Object { -not $_.IsMandatory }).Count -eq 0
        Position       = if ($null -ne $position) { "$position" } else { 'named' }
        PipelineInput  = if ($pipeline) { "True ($($pipeline -join ', '))" } else { 'False' }
        Globbing       = @($Metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] }).Count -gt 0
        VariableLength = $type.IsArray
        Aliases        = if ($Metadata.Aliases.Count) { $Metadata.Aliases -join ', ' } else { 'none' }
        # The values to choose from: an enum's names, or a ValidateSet's.
        Values         = Get-ParameterValues $Metadata
    }
}

function Get-ParameterValues {
    param([System.Management.Automation.ParameterMetadata] $Metadata)
    $type = $Metadata.ParameterType
    if ($type.IsArray) { $type = $type.GetElementType() }
    if ($type.IsEnum) { return [System.Enum]::GetNames($type) }
    $set = @($Metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.ValidateSetAttribute] })
    if ($set) { $set[0].ValidValues }
}

function Get-ParameterHelp {
    # The paragraphs describing a parameter: the help file's, else the standard text.
    param([hashtable] $Help, [string] $Name)
    if ($Help.ContainsKey('Parameters') -and $Help.Parameters.ContainsKey($Name)) { return @($Help.Parameters[$Name]) }
    if ($StandardParameterHelp.ContainsKey($Name)) { return @($StandardParameterHelp[$Name]) }
    @()
}

function Test-HelpData {
    # The problems of one help data file against the cmdlet's syntax; nothing when it is complete.
    param([Parameter(Mandatory)] [hashtable] $Help, [Parameter(Mandatory)] $Syntax)
    $text = { param($v) (@($v) -join '').Trim().Length -gt 0 }
    foreach ($key in $Help.Keys | Where-Object { $_ -notin $HelpKeys }) { "unknown key '$key' (known: $($HelpKeys -join ', '))" }
    foreach ($key in 'Synopsis', 'Description') {
        if (-not $Help.ContainsKey($key) -or -not (& $text $Help[$key])) { "no $key" }
    }
    $names = @($Syntax.Parameters.Name)
    foreach ($name in $names) {
        if (-not (& $text (Get-ParameterHelp $Help $name))) { "parameter -$name is not documented (Parameters = @{ $name = '...' })" }
    }
    foreach ($key in 'Parameters', 'DefaultValues') {
        if (-not $Help.ContainsKey($key)) { continue }
        foreach ($name in $Help[$key].Keys | Where-Object { $_ -notin $names }) { "$key documents -$name, which $($Syntax.Name) does not have" }
    }
    $examples = if ($Help.ContainsKey('Examples')) { @($Help.Examples) } else { @() }
    if ($examples.Count -eq 0) { 'no example (Examples = @( @{ Title = ...; Code = ...; Remarks = ... } ))' }
    foreach ($e in $examples) {
        if ($e -isnot [hashtable] -or -not (& $text $e['Title']) -or -not (& $text $e['Code'])) { 'an example without Title or Code' }
        elseif (@($e.Keys | Where-Object { $_ -notin 'Title', 'Code', 'Remarks' }).Count) { "example '$($e.Title)' has keys other than Title, Code, Remarks" }
    }
    foreach ($key in 'Inputs', 'Outputs') {
        if (-not $Help.ContainsKey($key)) { continue }
        foreach ($t in @($Help[$key])) {
            if ($t -isnot [hashtable] -or -not (& $text $t['Type'])) { "an entry of $key without Type (@{ Type = ...; Description = ... })" }
        }
    }
    if ($Help.ContainsKey('Links')) {
        foreach ($l in @($Help.Links)) {
            if ($l -isnot [hashtable] -or -not (& $text $l['Text'])) { 'a link without Text (@{ Text = ...; Uri = ... })' }
        }
    }
}
