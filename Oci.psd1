#
# Module manifest for Oci: one PowerShell client over OCI container engines (Docker now, Podman later).
# ModuleVersion must equal <Version> in Directory.Build.props; eng/package/Oci.Package.proj fails the
# package when they differ.
#
@{
    RootModule             = 'Oci.PowerShell.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = 'a71519ed-fb28-4cc7-813f-ad0cc39eb648'
    Author                 = 'Oci contributors'
    CompanyName            = 'Oci contributors'
    Copyright              = 'Copyright (c) 2026 Oci contributors. BSD-3-Clause license.'
    Description            = 'One PowerShell client over OCI container engines (Docker now, Podman later): connect to an engine, pull images with progress, and send any engine request, with typed output objects and clear errors.'

    # One netstandard2.0 assembly serves Windows PowerShell 5.1 and PowerShell 7.
    CompatiblePSEditions   = @('Desktop', 'Core')
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'

    # Explicit lists (no wildcards) keep module auto-loading and discovery fast.
    CmdletsToExport        = @(
        'Connect-OciEngine'
        'Get-OciConnection'
        'Invoke-OciPull'
        'Invoke-OciRequest'
        'Disconnect-OciEngine'
        'Get-OciImage'
        'Remove-OciImage'
        # Containers.
        'Get-OciContainer'
        'New-OciContainer'
        'Start-OciContainer'
        'Stop-OciContainer'
        'Restart-OciContainer'
        'Suspend-OciContainer'
        'Resume-OciContainer'
        'Send-OciContainerSignal'
        'Wait-OciContainer'
        'Remove-OciContainer'
        'Get-OciContainerLog'
        'Invoke-OciContainerCommand'
        'Invoke-OciContainer'
        'Copy-OciContainerItem'
        'Get-OciContainerStat'
        # issue 10: images end to end, registries, volumes, networks, events, disk use
        'Add-OciImageTag'
        'Invoke-OciPush'
        'Connect-OciRegistry'
        'Disconnect-OciRegistry'
        'Get-OciImageHistory'
        'Export-OciImage'
        'Import-OciImage'
        'Clear-OciImage'
        'Get-OciVolume'
        'New-OciVolume'
        'Remove-OciVolume'
        'Clear-OciVolume'
        'Get-OciNetwork'
        'New-OciNetwork'
        'Remove-OciNetwork'
        'Clear-OciNetwork'
        'Get-OciEvent'
        'Get-OciDiskUsage'
        # issue 14: PowerShell sessions in containers (PowerShell 7.6+)
        'New-OciPSSession'
        'Invoke-OciCommand'
        'Enter-OciPSSession'
    )
    FunctionsToExport      = @()
    AliasesToExport        = @()
    VariablesToExport      = @()

    FormatsToProcess       = @('Oci.format.ps1xml')
    TypesToProcess         = @('Oci.types.ps1xml')

    PrivateData            = @{
        PSData = @{
            Tags         = @('Docker', 'Podman', 'OCI', 'Container', 'Containers', 'Registry',
                             'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://github.com/oci-powershell/Oci/blob/main/LICENSE'
            ProjectUri   = 'https://github.com/oci-powershell/Oci'
            ReleaseNotes = @'
0.1.0
- Connect-OciEngine, Get-OciConnection, Disconnect-OciEngine: named, per-runspace engine connections with a session default.
- Invoke-OciPull: pull images from the pipeline with per-layer progress, -WhatIf/-Confirm, one typed response per reference.
- Invoke-OciRequest: send any method the driver supports (PING, VERSION, INFO, LIST, INSPECT, TAG, REMOVE, PULL).
- Docker driver; table views for connections, responses and images; help for every cmdlet.
- Containers on Docker and Podman: Get-, New-, Start-, Stop-, Restart-, Suspend-, Resume-, Wait-, Remove-OciContainer, Send-OciContainerSignal, Get-OciContainerLog (-Follow), Invoke-OciContainerCommand (exec, with stdin), Invoke-OciContainer (run), Copy-OciContainerItem (cp), Get-OciContainerStat.
'@
        }
    }
}
