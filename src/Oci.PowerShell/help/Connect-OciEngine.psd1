# Help for Connect-OciEngine. The syntax (parameter sets, types, positions, pipeline input) comes from the cmdlet
# itself: eng/help/Build-Help.ps1 adds it when it writes the MAML. See docs/help.md.
@{
    Synopsis     = 'Connects to an OCI container engine and makes the connection the session default.'
    Description  = @(
        'Connect-OciEngine opens a connection to a container engine (Docker or Podman) through a driver, checks that the engine answers, negotiates the API version, and outputs an OciConnection object with the connection''s Name, Driver, Endpoint, Engine, EngineVersion, ApiVersion, Source (where the endpoint came from: explicit, DOCKER_HOST, context ''name'', platform default, rootless docker, podman rootful, podman rootless), Tls (whether the connection is encrypted) and Connected state.'
        'Without -Endpoint it needs no configuration on a machine already set up for docker or podman: it tries DOCKER_HOST, the current Docker context, the platform''s default socket, rootless Docker and then Podman, and connects to the first that answers, choosing the docker or podman driver by what answered (see -Endpoint). A configured place (DOCKER_HOST, a context) that does not answer when a later one does is reported as a warning.'
        'The new connection becomes the session default: Invoke-OciPull, Invoke-OciRequest and Disconnect-OciEngine use it whenever you do not pass -Connection. Connect again to switch the default; earlier connections stay open and can still be passed with -Connection or found with Get-OciConnection.'
        'Connections belong to the runspace that made them: another runspace of the same process does not see them in Get-OciConnection and cannot close them by name. The OciConnection object itself can be handed to other runspaces (ForEach-Object -Parallel with $using:) and used there, concurrently. Remove-Module Oci closes every connection of the module.'
    )
    Parameters   = @{
        Endpoint = @(
            'The engine''s address: unix:///path/to/docker.sock, npipe:////./pipe/docker_engine, tcp://host:port, or http://host:port and https://host:port. Only this endpoint is tried (there is no fallback), as with docker -H. For a tcp:// endpoint, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH are honoured as the docker CLI does, unless -CertificatePath is given.'
            'When omitted, the engine is found the way docker and podman find it; the first place that answers a ping wins: the DOCKER_HOST environment variable; the Docker context named by DOCKER_CONTEXT, else currentContext in config.json (DOCKER_CONFIG or ~/.docker; the context''s endpoint and TLS files under contexts/); the platform default (unix:///var/run/docker.sock, or npipe:////./pipe/docker_engine on Windows); rootless Docker ($XDG_RUNTIME_DIR/docker.sock, ~/.docker/run/docker.sock); Podman rootful (/run/podman/podman.sock) and rootless ($XDG_RUNTIME_DIR/podman/podman.sock), or the podman-machine pipe on Windows. A missing socket is passed over at once and each probe is bounded (2 seconds), so a dead place does not cost time. -Verbose lists every place tried and what happened; when nothing answers, one error lists them all.'
            'Press Tab after -Endpoint to complete the places discovery would try, in its order; the tooltip says where each comes from (DOCKER_HOST, context ''name'', platform default, ...) and whether its socket is there. Wildcards filter the list (-Endpoint *podman* then Tab). ssh:// endpoints are not supported yet: they fail with Oci.Unsupported (NotImplemented).'
        )
        Driver = @(
            'The name of the driver that talks to the engine. When omitted, the driver is chosen by the engine that answers: podman for Podman (recognised from its ping), docker otherwise. Give -Driver docker to use Podman''s Docker-compatible API through the docker driver.'
            'Tab completion lists the registered drivers. An unknown name fails with the error Oci.Unsupported, which lists the registered ones.'
        )
        Name = @(
            'A name for the connection, unique in this session; Get-OciConnection -Name and Disconnect-OciEngine -Name find it by this name. When omitted, the next free name of the form oci1, oci2, ... is used.'
            'A name already used by a connection of this session fails with the error Oci.ConnectionNameInUse: the existing connection is not replaced, because scripts or other runspaces may still use it. Disconnect it first to reuse its name.'
        )
        CertificatePath = @(
            'A folder holding the TLS files for a tcp:// (or https://) endpoint given with -Endpoint, as the docker CLI''s DOCKER_CERT_PATH: ca.pem (the CA that signed the engine''s certificate), cert.pem and key.pem (the client certificate and key the engine trusts). Files that are not there are left out. The engine''s certificate is always verified. Relative paths are resolved from the current location.'
            'Without -CertificatePath, a tcp:// endpoint uses TLS when DOCKER_TLS_VERIFY is set (files from DOCKER_CERT_PATH, else the Docker config folder), and plain HTTP otherwise. A folder that does not exist or holds none of the three files, a -CertificatePath without -Endpoint, or one with a unix:// or npipe:// endpoint fails with Oci.InvalidArgument (InvalidArgument) naming the path.'
        )
    }
    DefaultValues = @{
        Endpoint = 'Discovery: DOCKER_HOST, the Docker context, the platform default, rootless Docker, then Podman'
        Driver = 'Chosen by the engine that answers: podman for Podman, else docker'
        Name = 'The next free name: oci1, oci2, ...'
        CertificatePath = 'None: DOCKER_TLS_VERIFY and DOCKER_CERT_PATH for tcp:// endpoints'
    }
    Inputs = @(
        @{ Type = 'None'; Description = 'You cannot pipe objects to Connect-OciEngine.' }
    )
    Outputs = @(
        @{ Type = 'Oci.PowerShell.OciConnection'; Description = 'The new connection, which is now the session default.' }
    )
    Notes        = @(
        'Errors are terminating. Their FullyQualifiedErrorId starts with an Oci error id, for example Oci.EngineUnavailable,Oci.PowerShell.ConnectOciEngine (category ConnectionError) when nothing answers: the one error lists every place tried, where it came from and why it failed. Oci.Unsupported (NotImplemented) for an ssh:// endpoint or an unknown driver, Oci.InvalidArgument for a malformed endpoint or an unusable -CertificatePath, and Oci.ConnectionNameInUse (ResourceExists) for a -Name already in use. The endpoint is the error''s TargetObject (the path, for -CertificatePath errors).'
        'Press Ctrl+C to stop a connection attempt that takes long (an unresponsive tcp:// endpoint).'
        '-Verbose lists each place tried, in order, with its source, endpoint and result (skipped: no socket, failed: why, or the engine that answered), then the engine and API version connected to.'
    )
    Examples     = @(
        @{
            Title   = 'Connect to the local engine, wherever it is'
            Code    = @'
PS> Connect-OciEngine

Name         Driver   Endpoint                                  Engine     Version          API    Source             Connected
----         ------   --------                                  ------     -------          ---    ------             ---------
oci1         docker   unix:///var/run/docker.sock               Docker     26.1.5           1.45   platform default   True
'@
            Remarks = 'Finds the engine as docker and podman do (DOCKER_HOST, the Docker context, the default socket, rootless Docker, then Podman), connects to the first that answers and makes it the session default. Source says where it was found.'
        }
        @{
            Title   = 'Connect to a given socket under a name of your choice'
            Code    = @'
PS> Connect-OciEngine -Endpoint unix:///tmp/oci-testbed/docker/docker.sock -Name testbed
'@
            Remarks = 'Connects to the Docker engine listening on that socket and names the connection testbed, so Get-OciConnection testbed and Disconnect-OciEngine -Name testbed find it.'
        }
        @{
            Title   = 'Work with two engines'
            Code    = @'
PS> $build = Connect-OciEngine tcp://build01:2376 -CertificatePath ~/.docker/build01 -Name build01
PS> Connect-OciEngine -Name local | Out-Null
PS> Invoke-OciPull alpine:3.20                      # pulls on local, the session default
PS> Invoke-OciPull alpine:3.20 -Connection $build   # pulls on build01
'@
            Remarks = 'The last connection made is the session default; pass -Connection to use another one.'
        }
        @{
            Title   = 'See every place tried'
            Code    = @'
PS> Connect-OciEngine -Verbose
VERBOSE: Looking for a container engine: DOCKER_HOST, the Docker context (DOCKER_CONTEXT, then currentContext), the platform default, rootless Docker, then Podman (rootful, rootless); the first that answers wins.
VERBOSE: [1/5] platform default: unix:///var/run/docker.sock: skipped: no socket at /var/run/docker.sock (0 ms)
VERBOSE: [2/5] rootless docker ($XDG_RUNTIME_DIR): unix:///run/user/1000/docker.sock: skipped: no socket at /run/user/1000/docker.sock (0 ms)
VERBOSE: [3/5] rootless docker (~/.docker/run): unix:///home/me/.docker/run/docker.sock: skipped: no socket at /home/me/.docker/run/docker.sock (0 ms)
VERBOSE: [4/5] podman rootful: unix:///run/podman/podman.sock: skipped: no socket at /run/podman/podman.sock (0 ms)
VERBOSE: [5/5] podman rootless ($XDG_RUNTIME_DIR): unix:///run/user/1000/podman/podman.sock: Podman answered; connected through the podman driver (310 ms)

Name         Driver   Endpoint                                  Engine     Version          API    Source             Connected
----         ------   --------                                  ------     -------          ---    ------             ---------
oci1         podman   unix:///run/user/1000/podman/podman.sock  Podman     5.2.2            1.41   podman rootless    True
'@
            Remarks = 'On a machine where only rootless Podman runs, the connection goes to Podman''s socket through the podman driver; -Verbose shows each place tried and why it was passed over.'
        }
        @{
            Title   = 'Connect to a remote engine over TLS'
            Code    = @'
PS> Connect-OciEngine -Endpoint tcp://build01:2376 -CertificatePath ~/.docker/build01

Name         Driver   Endpoint                                  Engine     Version          API    Source             Connected
----         ------   --------                                  ------     -------          ---    ------             ---------
oci1         docker   tcp://build01:2376                        Docker     26.1.5           1.45   explicit +TLS      True
'@
            Remarks = 'Connects with the CA, client certificate and key in ~/.docker/build01 (ca.pem, cert.pem, key.pem) and verifies the engine''s certificate. "+TLS" in the Source column (the Tls property) shows that the connection is encrypted.'
        }
        @{
            Title   = 'Use the docker CLI''s TLS variables'
            Code    = @'
PS> $env:DOCKER_HOST = 'tcp://build01:2376'
PS> $env:DOCKER_TLS_VERIFY = '1'
PS> $env:DOCKER_CERT_PATH = "$HOME/.docker/build01"
PS> Connect-OciEngine
'@
            Remarks = 'Connects where docker would, with the same TLS material: DOCKER_TLS_VERIFY turns TLS with verification on and DOCKER_CERT_PATH names the folder of ca.pem, cert.pem and key.pem. They apply to Connect-OciEngine -Endpoint tcp://... too.'
        }
        @{
            Title   = 'Complete the endpoint'
            Code    = @'
PS> Connect-OciEngine -Endpoint *podman*<Tab>
PS> Connect-OciEngine -Endpoint unix:///run/podman/podman.sock
'@
            Remarks = 'Tab cycles through the places discovery would try that match the pattern; the tooltip (Ctrl+Space) says where each comes from and whether its socket exists.'
        }
    )
    Links        = @(
        @{ Text = 'Project site'; Uri = 'https://github.com/oci-powershell/Oci' }
        @{ Text = 'Get-OciConnection' }
        @{ Text = 'Disconnect-OciEngine' }
        @{ Text = 'Invoke-OciPull' }
        @{ Text = 'Invoke-OciRequest' }
    )
}
