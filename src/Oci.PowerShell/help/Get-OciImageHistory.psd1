# Help for Get-OciImageHistory (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Lists the steps an image was built from, newest first, like docker history.'
    Description   = @( 'Get-OciImageHistory outputs an Oci.OciImageHistory per step of each image: its id (<missing> for steps built elsewhere), when it was made, the instruction, the tags pointing at it, the bytes it added and its comment.' )
    Parameters    = @{
        Id         = 'The images: ids or references; -Name and -Reference are aliases. Strings bind by value, images from Get-OciImage by their Id property.'
        Connection = 'The engines to read from, at once. From the pipeline, the connection each image came from. When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection' }
    Inputs        = @(
        @{ Type = 'System.String'; Description = 'Images by id or reference.' }
        @{ Type = 'Oci.OciImage'; Description = 'Images from Get-OciImage.' }
    )
    Outputs       = @( @{ Type = 'Oci.OciImageHistory'; Description = 'One per step, newest first, with its Connection.' } )
    Notes         = @( 'Errors name the image: Oci.ImageNotFound (ObjectNotFound), Oci.InvalidReference (InvalidArgument).' )
    Examples      = @(
        @{
            Title   = 'The biggest steps of an image'
            Code    = @'
PS> Get-OciImageHistory 127.0.0.1:5000/layers:latest | Sort-Object Size -Descending | Select-Object -First 3
'@
            Remarks = 'Shows which instructions added the most bytes.'
        }
    )
    Links         = @( @{ Text = 'Get-OciImage' } )
}
