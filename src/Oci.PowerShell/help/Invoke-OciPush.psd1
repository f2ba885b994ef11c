# Help for Invoke-OciPush (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Pushes images to their registry, with a progress bar per layer, like docker push.'
    Description   = @(
        'Invoke-OciPush pushes each reference to the registry it names and outputs the image (Oci.OciImage) with the manifest digest the registry stored in its Digest property, so the image can be pulled back by that digest.'
        'Credentials are found as for Invoke-OciPull: -Credential, else what docker login or podman login (or Connect-OciRegistry) stored: credHelpers, credsStore, auths in config.json, then Podman''s auth.json. They are never sent to a plain-text, non-loopback tcp:// engine unless -AllowUnencryptedAuthentication.'
    )
    Parameters    = @{
        Reference                      = 'The references to push, registry/repository:tag (latest when no tag is given); a digest cannot be pushed. Strings bind by value, images by their Reference property. Press Tab to complete the tags the engine has.'
        Credential                     = 'The registry user name and password (Get-Credential). When omitted, what docker login, podman login or Connect-OciRegistry stored, if anything.'
        AllowUnencryptedAuthentication = 'Allows sending credentials to an engine on a plain-text (no TLS), non-loopback tcp:// address, as Invoke-WebRequest''s switch of that name.'
        Connection                     = 'The engines to push from. From the pipeline, the connection each image came from (its Connection property). When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection'; Credential = 'Resolved as docker does' }
    Inputs        = @(
        @{ Type = 'System.String'; Description = 'References to push.' }
        @{ Type = 'Oci.OciImage'; Description = 'Images from Get-OciImage: Reference and Connection bind by property name.' }
    )
    Outputs       = @( @{ Type = 'Oci.OciImage'; Description = 'The pushed image with Digest = the digest the registry stored, and its Connection.' } )
    Notes         = @(
        'Errors name the reference: Oci.Unauthorized (PermissionDenied) for missing or wrong credentials, Oci.ImageNotFound (ObjectNotFound) for an image the engine does not have, Oci.InvalidReference (InvalidArgument), Oci.RegistryUnavailable (ConnectionError).'
        'The confirm impact is Medium. Ctrl+C stops a push at once.'
    )
    Examples      = @(
        @{
            Title   = 'Push and pull back by digest'
            Code    = @'
PS> $pushed = Invoke-OciPush 127.0.0.1:5000/team/app:1.4
PS> Invoke-OciPull "127.0.0.1:5000/team/app@$($pushed.Digest)"
'@
            Remarks = 'Pushes with a progress bar per layer, then pulls exactly the manifest that was pushed.'
        }
        @{
            Title   = 'Push to a private registry'
            Code    = @'
PS> Invoke-OciPush registry.example:5000/team/app:1.4 -Credential (Get-Credential)
'@
            Remarks = 'Uses the credential given; without -Credential, the one Connect-OciRegistry stored.'
        }
    )
    Links         = @( @{ Text = 'Invoke-OciPull' }; @{ Text = 'Connect-OciRegistry' }; @{ Text = 'Add-OciImageTag' } )
}
