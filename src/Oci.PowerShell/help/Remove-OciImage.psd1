# Help for Remove-OciImage (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Removes images from an engine, like docker rmi.'
    Description   = @(
        'Remove-OciImage removes images by reference or id. A reference untags that name; the image itself goes when its last tag does. An id removes the image, which fails with Oci.Conflict (ResourceBusy) when it has tags in several repositories or a container uses it, unless -Force.'
        'Targets come as arguments, as strings from the pipeline, or as images from Get-OciImage: those bind by property name (Id, and Connection, the engine each image came from), so Get-OciImage small* | Remove-OciImage removes each image from its own engine. A target that fails writes a non-terminating error and the next one is still removed. -WhatIf shows what would be removed and removes nothing.'
    )
    Parameters    = @{
        Id         = 'Image ids (sha256:<hex> or a unique prefix) or references to untag (alpine:3.20, 127.0.0.1:5000/small:1.0); -Name and -Reference are aliases. Strings bind from the pipeline by value, images from Get-OciImage by their Id property. Press Tab to complete the tags the engine has.'
        Force      = 'Remove the image even when a container uses it or it has tags in several repositories (docker rmi --force).'
        NoPrune    = 'Keep the removed image''s untagged parent images (docker rmi --no-prune).'
        PassThru   = 'Output an Oci.OciImageRemoval per target: the tags untagged and the image ids deleted. Without it nothing is output (-Verbose says the same).'
        Connection = 'The engines to remove from. From the pipeline, the connection each image came from (its Connection property). When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection' }
    Inputs        = @(
        @{ Type = 'System.String'; Description = 'References or ids to remove.' }
        @{ Type = 'Oci.OciImage'; Description = 'Images from Get-OciImage: their Id and Connection bind by property name.' }
    )
    Outputs       = @( @{ Type = 'None, or Oci.OciImageRemoval with -PassThru'; Description = 'What each removal untagged and deleted.' } )
    Notes         = @(
        'Errors name the target: Oci.ImageNotFound (ObjectNotFound), Oci.Conflict (ResourceBusy) for an image in use or with several repositories (use -Force), Oci.InvalidReference (InvalidArgument).'
        'The confirm impact is Medium: -Confirm, or $ConfirmPreference set to Medium, asks before each removal.'
    )
    Examples      = @(
        @{
            Title   = 'Untag a reference'
            Code    = @'
PS> Remove-OciImage 127.0.0.1:5000/small:1.0 -PassThru
'@
            Remarks = 'Removes the tag; the image goes too when it was its last tag.'
        }
        @{
            Title   = 'Remove what matched, each from its own engine'
            Code    = @'
PS> Get-OciConnection | Get-OciImage 127.0.0.1:5000/old* | Remove-OciImage -Force -WhatIf
'@
            Remarks = 'Shows which images would be removed from which engine; drop -WhatIf to remove them.'
        }
    )
    Links         = @( @{ Text = 'Get-OciImage' } )
}
