# Help for Connect-OciRegistry (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Logs in to a registry: the engine checks the credential, then it is stored as docker login (or podman login) stores it.'
    Description   = @(
        'Connect-OciRegistry sends the credential to the engine, which checks it with the registry (the Docker API''s /auth). Only a credential the registry accepted is stored, where the connection''s driver keeps it: for the docker driver as docker login does (the credential helper of credHelpers for that registry, else of credsStore, through docker-credential-<name> store; else auths in config.json of DOCKER_CONFIG or ~/.docker), for the podman driver as podman login does (auths in REGISTRY_AUTH_FILE, else $XDG_RUNTIME_DIR/containers/auth.json). Pulls and pushes without -Credential then find it.'
        'Podman''s /auth speaks only HTTPS to registries; when it reports that a registry answered in plain HTTP and the engine runs on this machine, the credential is checked from here over HTTP, as the podman CLI does.'
        'The password never appears in output, verbose messages, progress or errors. A credential the registry refuses is Oci.Unauthorized and nothing is stored.'
    )
    Parameters    = @{
        Registry                       = 'The registry: host[:port] (127.0.0.1:5001, registry.example), or docker.io for Docker Hub.'
        Credential                     = 'The user name and password (Get-Credential). When omitted, the credential already stored for the registry is checked again.'
        ConfigPath                     = 'Where to store instead of the default: the docker config folder for the docker driver (as docker --config), the auth file for the podman driver (as podman login --authfile).'
        AllowUnencryptedAuthentication = 'Allows sending the credential to an engine on a plain-text (no TLS), non-loopback tcp:// address.'
        Connection                     = 'The engine that checks the credential; its driver decides where the credential is stored. When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection'; ConfigPath = 'Where docker or podman keep credentials' }
    Inputs        = @( @{ Type = 'System.String'; Description = 'The registry.' } )
    Outputs       = @( @{ Type = 'Oci.OciRegistryLogin'; Description = 'The registry as docker keys it, the user, the status (Login Succeeded) and where the credential went (a helper or a file); never the secret.' } )
    Notes         = @( 'Errors name the registry: Oci.Unauthorized (PermissionDenied) for a refused credential or none at all, Oci.RegistryUnavailable (ConnectionError), Oci.InvalidArgument for a malformed registry.' )
    Examples      = @(
        @{
            Title   = 'Log in, then pull without a credential'
            Code    = @'
PS> Connect-OciRegistry 127.0.0.1:5001 -Credential (Get-Credential)
PS> Invoke-OciPull 127.0.0.1:5001/private:latest
'@
            Remarks = 'The credential is checked, stored as docker login stores it, and found by the pull.'
        }
    )
    Links         = @( @{ Text = 'Disconnect-OciRegistry' }; @{ Text = 'Invoke-OciPush' }; @{ Text = 'Invoke-OciPull' } )
}
