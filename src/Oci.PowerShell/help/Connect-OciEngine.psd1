# Help for Connect-OciEngine. The syntax (parameter sets, types, positions, pipeline input) comes from the cmdlet
# itself: eng/help/Build-Help.ps1 adds it when it writes the MAML. See docs/help.md.
@{
    Synopsis     = 'Connects to an OCI container engine and makes the connection the session default.'
    Description  = @(
        'Connect-OciEngine opens a connection to a container engine (Docker or Podman) through a driver, checks that the engine answers, negotiates the API version, and outputs an OciConnection object with the connection''s Name, Driver, Endpoint, Engine, EngineVersion, ApiVersion, Source (where the endpoint came from: explicit, DOCKER_HOST, context ''name'', CONTAINER_HOST, podman connection ''name'', platform default, rootless docker, podman rootful, podman rootless), Tls (whether the connection is encrypted: TLS or ssh) and Connected state.'
        'Without -Endpoint it needs no configuration on a machine already set up for docker or podman: it tries DOCKER_HOST, the current Docker context, CONTAINER_HOST, the Podman connection in effect, the platform''s default socket, rootless Docker, then Podman and Podman''s other connections, and connects to the first that answers, choosing the docker or podman driver by what answered (see -Endpoint). A configured place (DOCKER_HOST, a context, CONTAINER_HOST, the Podman connection in effect) that does not answer when a later one does is reported as a warning.'
        'Remote engines are reached over ssh:// as the docker and podman CLIs reach them: Oci runs the ssh program (so ~/.ssh/config, ssh-agent and known_hosts apply as for ssh itself), in batch mode (it never prompts), and on the remote host the engine CLI''s system dial-stdio (docker first, podman when docker is missing or cannot reach an engine; podman first for CONTAINER_HOST, Podman connections and -Driver podman). ssh:// needs the OpenSSH client (ssh) on PATH, and on the remote host the docker or podman CLI. ssh encrypts the connection, so registry credentials (Invoke-OciPull -Credential) may cross it as they cross TLS, without -AllowUnencryptedAuthentication.'
        'The new connection becomes the session default: Invoke-OciPull, Invoke-OciRequest and Disconnect-OciEngine use it whenever you do not pass -Connection. Connect again to switch the default; earlier connections stay open and can still be passed with -Connection or found with Get-OciConnection.'
        'Connections belong to the runspace that made them: another runspace of the same process does not see them in Get-OciConnection and cannot close them by name. The OciConnection object itself can be handed to other runspaces (ForEach-Object -Parallel with $using:) and used there, concurrently. Remove-Module Oci closes every connection of the module.'
    )
    Parameters   = @{
        Endpoint = @(
            'The engine''s address: unix:///path/to/docker.sock, npipe:////./pipe/docker_engine, tcp://host:port, http://host:port and https://host:port, or ssh://[user@]host[:port][/path/to/engine.sock] for an engine on another machine. Only this endpoint is tried (there is no fallback), as with docker -H. For a tcp:// endpoint, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH are honoured as the docker CLI does, unless -CertificatePath is given.'
            'An ssh:// endpoint runs ssh to the host (the user and port as given, else ssh''s own defaults) and there docker system dial-stdio, or podman system dial-stdio; a socket path points that CLI at it (docker --host unix://PATH, podman --url unix://PATH), for example ssh://me@build01/run/podman/podman.sock. Each connection the module opens costs an ssh login, and at most 8 run at once per connection.'
            'When omitted, the engine is found the way docker and podman find it; the first place that answers a ping wins: the DOCKER_HOST environment variable; the Docker context named by DOCKER_CONTEXT, else currentContext in config.json (DOCKER_CONFIG or ~/.docker; the context''s endpoint and TLS files under contexts/); CONTAINER_HOST (with the key CONTAINER_SSHKEY names); the Podman connection in effect (CONTAINER_CONNECTION, else the default of podman system connection: podman-connections.json or containers.conf); the platform default (unix:///var/run/docker.sock, or npipe:////./pipe/docker_engine on Windows); rootless Docker ($XDG_RUNTIME_DIR/docker.sock, ~/.docker/run/docker.sock); Podman rootful (/run/podman/podman.sock) and rootless ($XDG_RUNTIME_DIR/podman/podman.sock), or the podman-machine pipe on Windows; then Podman''s other named connections. A missing socket is passed over at once and each probe is bounded (2 seconds; 10 seconds for an ssh:// place, whose login takes longer), so a dead place does not cost much time. -Verbose lists every place tried and what happened; when nothing answers, one error lists them all.'
            'Press Tab after -Endpoint to complete the places discovery would try, in its order; the tooltip says where each comes from (DOCKER_HOST, context ''name'', platform default, ...) and whether its socket is there. Wildcards filter the list (-Endpoint *podman* then Tab).'
        )
        Driver = @(
            'The name of the driver that talks to the engine. When omitted, the driver is chosen by the engine that answers: podman for Podman (recognised from its ping), docker otherwise. Give -Driver docker to use Podman''s Docker-compatible API through the docker driver. With an ssh:// endpoint, -Driver podman asks the remote host''s podman first.'
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
        KeyFilePath = @(
            'The private key (not the .pub file) that ssh logs in with, as ssh -i; only that key is offered (IdentitiesOnly). It applies to every ssh:// place tried: the -Endpoint, or the places discovery finds (DOCKER_HOST, a Docker context, CONTAINER_HOST, Podman connections), over the key those bring (CONTAINER_SSHKEY, a connection''s identity). Relative paths are resolved from the current location.'
            'Without it, ssh uses the keys of ~/.ssh/config and ssh-agent, as the ssh command does. A key protected by a passphrase must be loaded in ssh-agent: ssh runs in batch mode and cannot ask for the passphrase. A file that does not exist, or -KeyFilePath with an -Endpoint that is not ssh://, fails with Oci.InvalidArgument (InvalidArgument).'
        )
        Credential = @(
            'The user ssh logs in as, for ssh:// places that name no user (ssh://user@host names its own; naming two different users fails with Oci.InvalidArgument). Only the user name is used: ssh runs in batch mode and never prompts, so it cannot log in with a password. Pass the credential with an empty password (or answer the prompt with none) and log in with a key (-KeyFilePath or ssh-agent).'
            'A credential with a password fails with Oci.InvalidArgument (InvalidArgument) before anything is contacted; the password is never shown. Registry credentials are not given here but to Invoke-OciPull -Credential.'
        )
        SshOption = @(
            'Extra ssh options for every ssh:// place tried, each Name=value as ssh -o takes them: for example UserKnownHostsFile=/path/known_hosts, StrictHostKeyChecking=accept-new, ProxyJump=bastion or ConnectTimeout=30. ssh keeps the first value given for an option, so these win over ~/.ssh/config; BatchMode stays yes. Oci adds ConnectTimeout (the connect timeout, 10 seconds) and ServerAliveInterval=15 with ServerAliveCountMax=3 (a server that stops answering ends the connection within a minute); options given here replace them.'
            'A value that is not Name=value fails with Oci.InvalidArgument (InvalidArgument).'
        )
    }
    DefaultValues = @{
        Endpoint = 'Discovery: DOCKER_HOST, the Docker context, the platform default, rootless Docker, then Podman'
        Driver = 'Chosen by the engine that answers: podman for Podman, else docker'
        Name = 'The next free name: oci1, oci2, ...'
        CertificatePath = 'None: DOCKER_TLS_VERIFY and DOCKER_CERT_PATH for tcp:// endpoints'
        KeyFilePath = 'None: the keys of ~/.ssh/config and ssh-agent (or CONTAINER_SSHKEY, a Podman connection''s identity)'
        Credential = 'None: the user of the endpoint, else ssh''s own default'
        SshOption = 'None: ~/.ssh/config and the system''s ssh_config'
    }
    Inputs = @(
        @{ Type = 'None'; Description = 'You cannot pipe objects to Connect-OciEngine.' }
    )
    Outputs = @(
        @{ Type = 'Oci.PowerShell.OciConnection'; Description = 'The new connection, which is now the session default.' }
    )
    Notes        = @(
        'Errors are terminating. Their FullyQualifiedErrorId starts with an Oci error id, for example Oci.EngineUnavailable,Oci.PowerShell.ConnectOciEngine (category ConnectionError) when nothing answers: the one error lists every place tried, where it came from and why it failed. Oci.Unsupported (NotImplemented) for an unknown driver or when ssh is not on PATH, Oci.InvalidArgument for a malformed endpoint or an unusable -CertificatePath, -KeyFilePath, -Credential or -SshOption, and Oci.ConnectionNameInUse (ResourceExists) for a -Name already in use. The endpoint is the error''s TargetObject (the path, for -CertificatePath and -KeyFilePath errors).'
        'Over ssh://: Oci.Unauthorized (PermissionDenied) when the server refuses the key; Oci.EngineUnavailable (ConnectionError) when the host key is unknown or has CHANGED (the message says which; ssh never asks in batch mode), when nothing listens on the ssh port, when the remote host has neither docker nor podman on its PATH, or when the engine there does not answer. A connection that dies midway (a killed ssh, a server that stops answering for 45 seconds) fails the request in flight with Oci.EngineUnavailable rather than hanging.'
        'ssh is an encrypted transport: registry credentials may cross an ssh:// connection as they cross TLS, without -AllowUnencryptedAuthentication.'
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
            Title   = 'Connect to a remote engine over ssh'
            Code    = @'
PS> Connect-OciEngine -Endpoint ssh://root@build01 -KeyFilePath ~/.ssh/build01_ed25519

Name         Driver   Endpoint                                  Engine     Version          API    Source             Connected
----         ------   --------                                  ------     -------          ---    ------             ---------
oci1         docker   ssh://root@build01                        Docker     26.1.5           1.45   explicit +TLS      True

PS> Connect-OciEngine -Endpoint ssh://me@build02:2222/run/user/1000/podman/podman.sock -Name build02
'@
            Remarks = 'Logs in to build01 as root with that key (ssh must know build01''s host key: connect once with ssh first) and talks to its engine through docker system dial-stdio; the second connects to rootless Podman on build02 through its socket. The connection is encrypted ("+TLS" marks any encrypted connection, ssh included), so Invoke-OciPull -Credential may send registry credentials over it.'
        }
        @{
            Title   = 'Use the places Podman users configure'
            Code    = @'
PS> $env:CONTAINER_HOST = 'ssh://core@127.0.0.1:50123/run/user/501/podman/podman.sock'
PS> $env:CONTAINER_SSHKEY = "$HOME/.ssh/podman-machine"
PS> Connect-OciEngine
PS> Remove-Item env:CONTAINER_HOST, env:CONTAINER_SSHKEY
PS> Connect-OciEngine -Verbose     # now the default of podman system connection list, if there is one
'@
            Remarks = 'CONTAINER_HOST and CONTAINER_SSHKEY work as they do for podman --remote; without them the Podman connection in effect (CONTAINER_CONNECTION, else the default connection) is tried before the local sockets. The Source column then reads CONTAINER_HOST or podman connection ''name''.'
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
