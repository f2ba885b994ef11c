# Help for New-OciContainer (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Creates a container from an image without starting it, like docker create.'
    Description   = @(
        'New-OciContainer creates a container and outputs it (an Oci.OciContainer in state created, with its Connection); Start-OciContainer starts it. Every value is checked before anything is sent: a malformed name, path, port or limit is a terminating Oci.InvalidArgument naming it.'
        'The image is pulled first when the engine does not have it (-PullPolicy Missing), with the registry credentials docker login or podman login stored.'
    )
    Parameters    = @{
        Image              = 'The image to create the container from: a reference (127.0.0.1:5000/small:latest, alpine:3.20) or an image id. Pulled first when the engine does not have it (see -PullPolicy). Press Tab to complete the images the engine has.'
        Command            = 'The command, the arguments given to the image''s entrypoint (docker run IMAGE COMMAND...): for example ''sh'', ''-c'', ''echo hi''. Default: the image''s own.'
        Name               = 'The container''s name: letters, digits and _ . - (at least two characters). Default: a name the engine chooses.'
        Entrypoint         = 'The program that runs the command (docker run --entrypoint). Default: the image''s own.'
        Environment        = 'Environment variables as a hashtable: @{ MODE = ''test''; LEVEL = 3 }.'
        Label              = 'Labels as a hashtable: @{ team = ''ops'' }. Get-OciContainer -Label finds containers by them.'
        WorkingDirectory   = 'The working directory in the container (an absolute path). Default: the image''s.'
        User               = 'The user the process runs as: a name, uid or uid:gid. Default: the image''s.'
        Network            = 'The network mode: none, host, bridge or the name of a network. Default: the engine''s.'
        Mount              = 'Mounts, as Oci.OciMount objects or hashtables: @{ Type = ''Bind''; Source = ''/srv/data''; Target = ''/data''; ReadOnly = $true }, @{ Type = ''Volume''; Source = ''cache''; Target = ''/cache'' }, @{ Type = ''Tmpfs''; Target = ''/scratch'' }. A volume without a source is anonymous.'
        Publish            = 'Ports to publish, as docker run -p writes them: [ip:]hostPort:containerPort[/protocol], e.g. 127.0.0.1:8080:80 or 53:53/udp. A container with network mode none publishes nothing (Podman drops such ports).'
        RestartPolicy      = 'When the engine restarts the container: no (default), always, on-failure or unless-stopped.'
        MaximumRetryCount  = 'How often the on-failure policy restarts the container at most; 0 = no limit.'
        Memory             = 'The memory limit in bytes (64MB works in PowerShell); 0 = none.'
        Cpus               = 'The CPU limit in CPUs (0.5 = half a CPU); 0 = none.'
        PullPolicy         = 'When to pull the image: Missing (default: only when the engine does not have it), Always, or Never (a missing image is then Oci.ImageNotFound).'
        AutoRemove         = 'Let the engine remove the container when it exits (docker run --rm).'
        Connection         = 'The engines to create the container on (one on each). When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection'; PullPolicy = 'Missing'; RestartPolicy = 'no' }
    Inputs        = @(
        @{ Type = 'None'; Description = 'New-OciContainer takes no pipeline input but -Connection by property name.' }
    )
    Outputs       = @(
        @{ Type = 'Oci.OciContainer'; Description = 'The container created, with its Connection.' }
    )
    Notes         = @(
        'Errors: Oci.ImageNotFound (ObjectNotFound) for an image no registry has, Oci.Conflict (ResourceBusy) for a name in use, Oci.InvalidArgument / Oci.InvalidReference for malformed values. The confirm impact is Low.'
    )
    Examples      = @(
        @{
            Title   = 'Create a container'
            Code    = @'
PS> New-OciContainer 127.0.0.1:5000/small:latest 'sleep', '300' -Name worker -Network none -Label @{ team = 'ops' } | Start-OciContainer
'@
            Remarks = 'Creates worker and starts it.'
        }
        @{
            Title   = 'With mounts, ports and limits'
            Code    = @'
PS> New-OciContainer nginx:1.27 -Name web -Publish 127.0.0.1:8080:80 -Mount @{ Type = 'Bind'; Source = '/srv/site'; Target = '/usr/share/nginx/html'; ReadOnly = $true } -Memory 256MB -Cpus 0.5 -RestartPolicy unless-stopped -Environment @{ TZ = 'UTC' }
'@
            Remarks = 'Creates web with a read-only site folder, a published port, limits and a restart policy.'
        }
    )
    Links         = @( @{ Text = 'Start-OciContainer' }; @{ Text = 'Invoke-OciContainer' }; @{ Text = 'Get-OciContainer' } )
}
