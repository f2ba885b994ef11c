# Help for Invoke-OciRequest. The syntax (parameter sets, types, positions, pipeline input) comes from the cmdlet
# itself: eng/help/Build-Help.ps1 adds it when it writes the MAML. See docs/help.md.
@{
    Synopsis     = 'Sends any request the connection''s driver supports and outputs the engine''s answer.'
    Description  = @(
        'Invoke-OciRequest is the general form of every Oci operation: a method, the target it acts on, the kind of that target, and the method''s parameters. It sends one request through a connection and outputs one Oci.OciResponse with the Method, Kind, Target, Status, Engine, Endpoint, Duration, any Warnings, and the typed result in Data.'
        'The standard methods and their Data are: PING (Oci.OciPing), VERSION (Oci.OciEngineVersion) and INFO (Oci.OciEngineInfo), which act on the engine; LIST (an array of Oci.OciImage), INSPECT, PULL and TAG (Oci.OciImage) and REMOVE (Oci.OciImageRemoval), which act on images. A driver may add methods of its own; -Method tab-completes the methods of the connection''s driver.'
        'PULL through Invoke-OciRequest shows the same progress bars as Invoke-OciPull. -Verbose shows the request line that is sent, for example "LIST IMAGE all=True"; values of secret parameters (passwords, tokens) are never shown.'
    )
    Parameters   = @{
        Method = 'The method to call: PING, VERSION, INFO, PULL, LIST, INSPECT, TAG, REMOVE; for containers (-Kind Container) also CREATE, START, STOP, KILL, RESTART, PAUSE, UNPAUSE, WAIT, STATE, LOGS, EXEC, RUN, COPY, STATS; or a method the driver adds. Case does not matter; names are letters, digits and underscores. A method the driver does not support fails with the error Oci.Unsupported.'
        Target = 'What the method acts on: an image reference or image id (Kind Image), or a container id or name (Kind Container). PING, VERSION and INFO take none. For LIST the target is an optional reference filter, in which wildcards are permitted (for example 127.0.0.1:5000/*).'
        Kind = 'The kind of target the method acts on: Image, Container or Engine. When omitted, the method''s default kind is used (Engine for PING, VERSION and INFO; Image for the others).'
        Parameters = @(
            'The method''s parameters, as a hashtable; names are not case-sensitive. The Docker and Podman drivers accept: LIST: all (include intermediate images); PULL: platform, credential (a PSCredential, passed to the driver as an Oci.Credentials.OciRegistryCredential; without it credentials are resolved as Invoke-OciPull does) and allowUnencryptedAuthentication ($true to allow credentials over a plain-text remote connection); TAG: tag (the new reference); REMOVE: force, noprune. PING, VERSION, INFO and INSPECT take none. An unknown parameter fails with the error Oci.InvalidArgument, which lists the accepted ones.'
            'Any PSCredential value in the hashtable is converted to an Oci.Credentials.OciRegistryCredential. Parameters whose names suggest a secret (credential, password, token, auth, key) are shown as *** in the -Verbose request line.'
        )
        Connection = @(
            'The connection to send the request through, as returned by Connect-OciEngine or Get-OciConnection. The object also works in another runspace of the same process (for example ForEach-Object -Parallel { ... -Connection $using:c }).'
            'When omitted, the session default is used: the connection most recently made by Connect-OciEngine in this runspace. Without one the cmdlet fails with the error Oci.NoConnection, which tells you to run Connect-OciEngine.'
        )
    }
    DefaultValues = @{
        Kind = 'The method''s own: Engine for PING, VERSION and INFO, Image for the others'
        Connection = 'The session default connection'
    }
    Inputs = @(
        @{ Type = 'None'; Description = 'You cannot pipe objects to Invoke-OciRequest.' }
    )
    Outputs = @(
        @{ Type = 'Oci.OciResponse'; Description = 'The engine''s answer; its Data property holds the typed result of the method.' }
    )
    Notes        = @(
        'Errors are terminating. Their FullyQualifiedErrorId starts with an Oci error id and their category fits the failure: for example Oci.ImageNotFound,Oci.PowerShell.InvokeOciRequest (ObjectNotFound) for an image that is not there, Oci.InvalidArgument and Oci.InvalidReference (InvalidArgument), Oci.Conflict (ResourceBusy) for an image in use, Oci.Unsupported (NotImplemented) for a method the driver lacks, Oci.EngineUnavailable (ConnectionError). The target is the error''s TargetObject. Without any connection the cmdlet fails with Oci.NoConnection.'
        'Press Ctrl+C to cancel a running request; it stops within about a second.'
    )
    Examples     = @(
        @{
            Title   = 'List the images of the engine'
            Code    = @'
PS> Invoke-OciRequest -Method LIST -Kind IMAGE

Method   Kind      Target                              Status                 Result               Duration(ms)
------   ----      ------                              ------                 ------               ------------
LIST     IMAGE     unix:///var/run/docker.sock         OK                     3 item(s)                      12
'@
            Remarks = 'The response has the images in its Data property: (Invoke-OciRequest LIST).Data shows them like docker images.'
        }
        @{
            Title   = 'Ask the engine for its version'
            Code    = @'
PS> (Invoke-OciRequest VERSION).Data

Engine     Version          API    Min API Platform       Kernel               Go         Commit
------     -------          ---    ------- --------       ------               --         ------
Docker     26.1.5           1.45   1.24    linux/amd64    6.1.0-25-amd64       go1.22.5   411e817
'@
            Remarks = 'VERSION acts on the engine, so neither -Target nor -Kind is needed.'
        }
        @{
            Title   = 'Tag and remove an image'
            Code    = @'
PS> Invoke-OciRequest TAG 127.0.0.1:5000/small:latest -Parameters @{ tag = '127.0.0.1:5000/small:test' }
PS> Invoke-OciRequest REMOVE 127.0.0.1:5000/small:test
'@
            Remarks = 'Adds the tag 127.0.0.1:5000/small:test to an image, then removes that tag again (the image stays while other tags use it).'
        }
        @{
            Title   = 'Filter the list and include intermediate images'
            Code    = @'
PS> (Invoke-OciRequest -Method LIST -Target '127.0.0.1:5000/*' -Parameters @{ all = $true } -Verbose).Data
'@
            Remarks = 'Lists the images from the local registry, including intermediate images; -Verbose shows the request line.'
        }
        @{
            Title   = 'Check that an engine answers'
            Code    = @'
PS> Invoke-OciRequest PING -Connection (Get-OciConnection build01) | Select-Object -ExpandProperty Data
'@
            Remarks = 'Pings the engine behind the connection named build01 and shows its API version and the round trip time.'
        }
        @{
            Title   = 'Pull from a private registry with a request'
            Code    = @'
PS> Invoke-OciRequest -Method PULL -Target registry.example.com/team/app:1.4 -Parameters @{ credential = Get-Credential } -Verbose
VERBOSE: PULL IMAGE registry.example.com/team/app:1.4 credential=***
'@
            Remarks = 'The PSCredential is handed to the driver as a registry credential; the request line shows it as ***.'
        }
    )
    Links        = @(
        @{ Text = 'Project site'; Uri = 'https://github.com/oci-powershell/Oci' }
        @{ Text = 'Invoke-OciPull' }
        @{ Text = 'Connect-OciEngine' }
        @{ Text = 'Get-OciConnection' }
    )
}
