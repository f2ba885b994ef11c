# Help for Remove-OciVolume (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Removes volumes, like docker volume rm.'
    Description   = @(
        'Remove-OciVolume removes each volume. Volumes from Get-OciVolume bind by property name (Name, and Connection: the engine each came from). A volume a container uses is Oci.Conflict (ResourceBusy); -Force removes it when the container is stopped. A target that fails is a non-terminating error and the next one is still removed.'
    )
    Parameters    = @{
        Name       = 'The volumes'' names. Strings bind by value, volumes by their Name property. Press Tab to complete the names the engines have.'
        Force      = 'Remove even when a stopped container uses the volume (docker volume rm --force).'
        Connection = 'The engines to remove from. From the pipeline, the connection each volume came from. When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection' }
    Inputs        = @(
        @{ Type = 'System.String'; Description = 'Volume names.' }
        @{ Type = 'Oci.OciVolume'; Description = 'Volumes from Get-OciVolume.' }
    )
    Outputs       = @( @{ Type = 'None'; Description = 'Nothing.' } )
    Notes         = @( 'Errors name the volume: Oci.VolumeNotFound (ObjectNotFound), Oci.Conflict (ResourceBusy), Oci.InvalidArgument. The confirm impact is Medium.' )
    Examples      = @(
        @{
            Title   = 'Remove what matched, each from its own engine'
            Code    = @'
PS> Get-OciConnection | Get-OciVolume tmp-* | Remove-OciVolume -WhatIf
'@
            Remarks = 'Shows which volumes would be removed from which engine.'
        }
    )
    Links         = @( @{ Text = 'Get-OciVolume' }; @{ Text = 'Clear-OciVolume' } )
}
