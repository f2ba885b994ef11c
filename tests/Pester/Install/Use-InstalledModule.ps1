<#
    Step two of the install check, in another fresh pwsh with the same temporary HOME: imports Oci by name (from
    the user's module folder the install wrote), reads the help of every cmdlet and about_Oci, and pulls an image
    from the test bed with it. Prints one JSON line with what it found; the test judges it.
#>
param(
    [Parameter(Mandatory)] [string] $Endpoint,
    [Parameter(Mandatory)] [string] $Reference
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

Import-Module Oci
$module = Get-Module Oci
$common = [System.Management.Automation.PSCmdlet]::CommonParameters
$help = foreach ($command in Get-Command -Module Oci) {
    $h = Get-Help $command.Name -Full
    $documented = @($h.Parameters.Parameter | Where-Object { (@($_.Description | ForEach-Object Text) -join '').Trim() } | ForEach-Object Name)
    [pscustomobject]@{
        Cmdlet       = $command.Name
        Synopsis     = "$($h.Synopsis)".Trim()
        Undocumented = @($command.Parameters.Keys | Where-Object { $_ -notin $common -and $_ -notin $documented })
        Examples     = @($h.Examples.Example | Where-Object { "$($_.Code)".Trim() }).Count
    }
}
$about = Get-Help about_Oci | Out-String

$connection = Connect-OciEngine -Endpoint $Endpoint
try {
    $pull = Invoke-OciPull -Reference $Reference
    $null = Invoke-OciRequest -Method REMOVE -Target $Reference
}
finally {
    $connection | Disconnect-OciEngine
}

[pscustomobject]@{
    ModuleBase = $module.ModuleBase
    Version    = "$($module.Version)"
    Help       = @($help)
    About      = $about.Contains('about_Oci') -and $about.Contains('FINDING THE ENGINE')
    Pulled     = "$($pull.Target)"
    Digest     = "$($pull.Data.Digest)"
} | ConvertTo-Json -Compress -Depth 4
