# Help for Invoke-OciContainer (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Runs a container to its end and outputs what it wrote and its exit code, like docker run --rm (-Keep keeps it).'
    Description   = @(
        'Invoke-OciContainer creates a container from the image, starts it, reads its output until it exits, and outputs an Oci.OciRunResult: Stdout and Stderr (kept apart), ExitCode, the container''s Name and Id, and Removed. The container is removed afterwards unless -Keep.'
        'Ctrl+C stops the run at once and removes the container: a cancelled run leaves nothing behind. The image is pulled first when needed (-PullPolicy).'
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
        Keep               = 'Keep the container after it exited (by default it is removed, with its anonymous volumes).'
        Connection         = 'The engines to run on (one run on each). When omitted, the session default.'
    }
    DefaultValues = @{ Connection = 'The session default connection'; PullPolicy = 'Missing'; RestartPolicy = 'no' }
    Inputs        = @(
        @{ Type = 'None'; Description = 'Invoke-OciContainer takes no pipeline input but -Connection by property name.' }
    )
    Outputs       = @(
        @{ Type = 'Oci.OciRunResult'; Description = 'What the container wrote and its exit code, with its Connection.' }
    )
    Notes         = @(
        'Errors: Oci.ImageNotFound (ObjectNotFound) for an image no registry has, Oci.InvalidArgument for malformed values (before anything is sent). A non-zero exit code is no error: it is in ExitCode. The confirm impact is Low.'
    )
    Examples      = @(
        @{
            Title   = 'Run a command in a throw-away container'
            Code    = @'
PS> $r = Invoke-OciContainer 127.0.0.1:5000/small:latest 'sh', '-c', 'echo out; echo err >&2; exit 3' -Network none
PS> $r.ExitCode, $r.Stdout, $r.Stderr
'@
            Remarks = '3, then out and err, kept apart; the container is gone.'
        }
        @{
            Title   = 'Keep it to look at afterwards'
            Code    = @'
PS> Invoke-OciContainer 127.0.0.1:5000/small:latest 'true' -Name probe -Keep | Remove-OciContainer
'@
            Remarks = 'Runs probe, keeps it, then removes it through the pipeline (the result''s ContainerId binds to -Id).'
        }
    )
    Links         = @( @{ Text = 'New-OciContainer' }; @{ Text = 'Invoke-OciContainerCommand' } )
}
