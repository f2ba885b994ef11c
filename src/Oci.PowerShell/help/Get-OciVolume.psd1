# Help for Get-OciVolume (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Lists the volumes of one or several engines, like docker volume ls.'
    Description   = @(
        'Get-OciVolume outputs an Oci.OciVolume per volume: Name, Driver, Mountpoint, Created, Scope, Labels and Options, shown like docker volume ls. With several connections the engines are read at once and each volume carries the connection it came from (Connection), so Get-OciVolume | Remove-OciVolume removes each from its own engine.'
        'A literal -Name that no engine has is a non-terminating Oci.VolumeNotFound error; a pattern that matches nothing is not.'
    )
    Parameters    = @{
        Name       = 'Volume names to get, with wildcards (* ? [ ]). Press Tab to complete the names the engines have.'
        Label      = 'Only volumes with every one of these labels, each key or key=value.'
        Dangling   = 'Only volumes no container uses: -Dangling; or only those in use: -Dangling:$false.'
        Driver     = 'Only volumes of this driver (local, ...).'
        Connection = 'The engines to read from, at once; connections piped in are gathered and read together. When omitted, the session default.'
    }
    DefaultValues = @{ Name = 'All volumes'; Connection = 'The session default connection' }
    Inputs        = @( @{ Type = 'Oci.PowerShell.OciConnection'; Description = 'Connections to read from.' } )
    Outputs       = @( @{ Type = 'Oci.OciVolume'; Description = 'One per volume, with its Connection.' } )
    Notes         = @( 'Errors: Oci.VolumeNotFound (ObjectNotFound) for a literal name no engine has, Oci.InvalidArgument for a malformed filter, Oci.InvalidWildcard for a pattern that does not parse.' )
    Examples      = @(
        @{
            Title   = 'Volumes of a team on every engine'
            Code    = @'
PS> Get-OciConnection | Get-OciVolume -Label team=web
'@
            Remarks = 'Reads every connection at once and groups the volumes by engine.'
        }
    )
    Links         = @( @{ Text = 'New-OciVolume' }; @{ Text = 'Remove-OciVolume' }; @{ Text = 'Clear-OciVolume' } )
}
