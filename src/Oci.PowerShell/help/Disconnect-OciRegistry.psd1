# Help for Disconnect-OciRegistry (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Logs out of a registry: erases the stored credential, like docker logout (or podman logout).'
    Description   = @(
        'Disconnect-OciRegistry erases what Connect-OciRegistry, docker login or podman login stored for each registry, where the connection''s driver keeps it (docker: the credential helper, and auths in config.json; podman: its auth file). A registry with nothing stored is no error: -PassThru says Not logged in.'
    )
    Parameters    = @{
        Registry   = 'The registries: host[:port], or docker.io for Docker Hub.'
        ConfigPath = 'Where the credential is stored when not the default: the docker config folder (docker driver) or the auth file (podman driver).'
        PassThru   = 'Output an Oci.OciRegistryLogin per registry: Logged out, or Not logged in, and where it was erased from.'
        Connection = 'The connection whose driver says where credentials are kept. When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection'; ConfigPath = 'Where docker or podman keep credentials' }
    Inputs        = @( @{ Type = 'System.String'; Description = 'Registries.' } )
    Outputs       = @( @{ Type = 'None, or Oci.OciRegistryLogin with -PassThru'; Description = 'What was erased.' } )
    Notes         = @( 'The confirm impact is Medium. Errors: Oci.InvalidArgument for a malformed registry or an unreadable credentials file.' )
    Examples      = @(
        @{
            Title   = 'Log out'
            Code    = @'
PS> Disconnect-OciRegistry 127.0.0.1:5001 -PassThru
'@
            Remarks = 'Erases the stored credential and says where from.'
        }
    )
    Links         = @( @{ Text = 'Connect-OciRegistry' } )
}
