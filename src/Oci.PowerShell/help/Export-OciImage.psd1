# Help for Export-OciImage (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Saves images to one tar archive, streamed with progress, like docker save -o.'
    Description   = @(
        'Export-OciImage writes every image given (or piped) into one archive in docker save''s format, which Import-OciImage, docker load and podman load read. The archive is streamed from the engine to the file with a progress bar in bytes; it is never held whole in memory. A save that fails leaves no partial file.'
        'All images piped in go into the one archive, written when the pipeline ends; they must come from one engine.'
    )
    Parameters    = @{
        Id         = 'The images: ids or references; -Name and -Reference are aliases. Strings bind by value, images from Get-OciImage by their Id property.'
        Path       = 'The archive file to write; replaced if it exists. Its folder must exist.'
        PassThru   = 'Output the archive (System.IO.FileInfo).'
        Connection = 'The engine to save from. From the pipeline, the connection the images came from (images of several engines are refused). When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection' }
    Inputs        = @(
        @{ Type = 'System.String'; Description = 'Images by id or reference.' }
        @{ Type = 'Oci.OciImage'; Description = 'Images from Get-OciImage.' }
    )
    Outputs       = @( @{ Type = 'None, or System.IO.FileInfo with -PassThru'; Description = 'The archive written.' } )
    Notes         = @( 'Errors: Oci.ImageNotFound (ObjectNotFound) for an image the engine does not have, Oci.InvalidArgument for a folder that does not exist or images from several engines.' )
    Examples      = @(
        @{
            Title   = 'Move two images to another machine'
            Code    = @'
PS> Export-OciImage 127.0.0.1:5000/small:latest, 127.0.0.1:5000/big:latest -Path ./images.tar
PS> Import-OciImage ./images.tar -Connection $other
'@
            Remarks = 'Saves both images into one archive, then loads it into another engine.'
        }
    )
    Links         = @( @{ Text = 'Import-OciImage' }; @{ Text = 'Get-OciImage' } )
}
