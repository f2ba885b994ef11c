# Help for Import-OciImage (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Loads images from tar archives (docker save''s or podman save''s), streamed with progress, like docker load.'
    Description   = @(
        'Import-OciImage sends each archive to the engine, streamed from the file with a progress bar in bytes (never held whole in memory), and outputs the images it loaded (Oci.OciImage) with the same ids they had where they were saved.'
        'The start of the file is checked first: a file that is not a tar archive (or a gzip, bzip2, xz or zstd one) is refused before anything is sent. A truncated archive is refused by the engine; both are Oci.InvalidArgument naming the file.'
    )
    Parameters    = @{
        Path       = 'The archive files. Strings bind by value, files from Get-ChildItem by their FullName.'
        Connection = 'The engines to load into. When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection' }
    Inputs        = @(
        @{ Type = 'System.String'; Description = 'Archive paths.' }
        @{ Type = 'System.IO.FileInfo'; Description = 'Archive files (FullName binds by property name).' }
    )
    Outputs       = @( @{ Type = 'Oci.OciImage'; Description = 'The images loaded, with their Connection.' } )
    Notes         = @( 'Errors name the file: Oci.InvalidArgument (InvalidArgument) for a missing, truncated or foreign file. The confirm impact is Medium.' )
    Examples      = @(
        @{
            Title   = 'Load every archive of a folder'
            Code    = @'
PS> Get-ChildItem ./exports/*.tar | Import-OciImage
'@
            Remarks = 'Loads each archive and outputs the images it held.'
        }
    )
    Links         = @( @{ Text = 'Export-OciImage' } )
}
