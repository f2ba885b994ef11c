# Help for Add-OciImageTag (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Gives an image one or several new tags, like docker tag.'
    Description   = @(
        'Add-OciImageTag tags the image named by -Id (an id or a reference) with every reference in -Tag, on each engine. Images from Get-OciImage bind by property name (Id, and Connection: the engine each came from).'
        'A tag that fails (a missing image, a malformed reference) writes a non-terminating error and the next one is still added.'
    )
    Parameters    = @{
        Id         = 'The image to tag: an id (sha256:<hex> or a unique prefix) or a reference; -Name and -Reference are aliases. Strings bind by value, images by their Id property. Press Tab to complete the tags the engine has.'
        Tag        = 'The new references, [registry/]repository[:tag] (latest when no tag is given); several at once.'
        PassThru   = 'Output the tagged image (Oci.OciImage) once per new tag.'
        Connection = 'The engines to tag on. From the pipeline, the connection each image came from (its Connection property). When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection' }
    Inputs        = @(
        @{ Type = 'System.String'; Description = 'Images to tag, by id or reference.' }
        @{ Type = 'Oci.OciImage'; Description = 'Images from Get-OciImage: Id and Connection bind by property name.' }
    )
    Outputs       = @( @{ Type = 'None, or Oci.OciImage with -PassThru'; Description = 'The image under each new tag.' } )
    Notes         = @( 'Errors name the image: Oci.ImageNotFound (ObjectNotFound), Oci.InvalidReference (InvalidArgument) for a malformed or digest reference in -Tag.' )
    Examples      = @(
        @{
            Title   = 'Tag an image for two registries'
            Code    = @'
PS> Add-OciImageTag 127.0.0.1:5000/small:latest -Tag registry.example/team/small:1.4, registry.example/team/small:stable -PassThru
'@
            Remarks = 'Adds both tags at once and outputs the image under each.'
        }
    )
    Links         = @( @{ Text = 'Get-OciImage' }; @{ Text = 'Invoke-OciPush' } )
}
