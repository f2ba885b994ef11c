# Help for Get-OciDiskUsage (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Shows the disk space images, containers, volumes and the build cache take, and what a prune would free, like docker system df.'
    Description   = @( 'Get-OciDiskUsage outputs four Oci.OciDiskUsage rows per engine (Images, Containers, Volumes, BuildCache): how many there are, how many are in use, the bytes they take and the bytes a prune of what is not in use would free (Reclaimable). Several engines are read at once.' )
    Parameters    = @{
        Connection = 'The engines to read from, at once; connections piped in are gathered and read together. When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection' }
    Inputs        = @( @{ Type = 'Oci.PowerShell.OciConnection'; Description = 'Connections to read from.' } )
    Outputs       = @( @{ Type = 'Oci.OciDiskUsage'; Description = 'Four rows per engine, with their Connection.' } )
    Notes         = @( 'Errors per engine are non-terminating: Oci.EngineUnavailable (ConnectionError) for one that cannot be reached.' )
    Examples      = @(
        @{
            Title   = 'Where the space goes, on every engine'
            Code    = @'
PS> Get-OciConnection | Get-OciDiskUsage
'@
            Remarks = 'Like docker system df, one table per engine.'
        }
    )
    Links         = @( @{ Text = 'Clear-OciImage' }; @{ Text = 'Clear-OciVolume' } )
}
