<#
    Step two of the install check, in another fresh pwsh with the same temporary HOME: imports Oci by name (from
    the user's module folder the install wrote), reads the help of every cmdlet and about_Oci, pulls an image
    from the test bed with it, and opens a PowerShell session in a container of the pwsh image (the installed copy
    carries its session transport). Prints one JSON line with what it found; the test judges it.
#>
param(
    [Parameter(Mandatory)] [string] $Endpoint,
    [Parameter(Mandatory)] [string] $Reference,
    [Parameter(Mandatory)] [string] $PwshImage
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
    $web = 'install-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    New-OciContainer $PwshImage 'sleep', '600' -Name $web -Network none | Start-OciContainer
    try {
        $session = Get-OciContainer $web | New-OciPSSession
        $remoteVersion = Invoke-Command $session { $PSVersionTable.PSVersion.ToString() }
        $transport = $session.Runspace.ConnectionInfo.GetType().Assembly.Location
        Remove-PSSession $session
    }
    finally {
        Remove-OciContainer $web -Force -Confirm:$false
    }
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
    Remote     = "$remoteVersion"
    Transport  = "$transport"
} | ConvertTo-Json -Compress -Depth 4
