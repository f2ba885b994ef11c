# Help for Invoke-OciContainerCommand (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Runs a command in running containers and outputs what it wrote and its exit code, like docker exec.'
    Description   = @(
        'Invoke-OciContainerCommand runs -Command in each running container and outputs an Oci.OciExecResult: Stdout and Stderr (kept apart), ExitCode and the command. -Environment, -User and -WorkingDirectory set how it runs; -InputText is written to its stdin, which is then closed (so cat, sh -s and the like end).'
        'It works the same on Docker and Podman (each exec runs over a connection of its own). Ctrl+C stops waiting at once.'
    )
    Parameters    = @{
        Id                 = 'Container names or ids (full, or a unique prefix, as Get-OciContainer shows them); -Name and -ContainerId are aliases. Strings bind from the pipeline by value, containers from Get-OciContainer (and results of Invoke-OciContainer or Invoke-OciContainerCommand) by their Id property. Press Tab to complete the names and short ids the engine has, with image and state.'
        Connection         = 'The engines the containers are on. From the pipeline, the connection each container came from (its Connection property), so the action reaches the engine the container was read from. When omitted, the session default.'
        Command            = 'The command and its arguments: ''sh'', ''-c'', ''ls /data''.'
        Environment        = 'Environment variables for the command: a hashtable such as @{ MODE = ''test'' }.'
        User               = 'The user to run as (name, uid or uid:gid). Default: the container''s.'
        WorkingDirectory   = 'The working directory (absolute). Default: the container''s.'
        InputText          = 'Text written to the command''s stdin (UTF-8), which is then closed. Without it the command has no stdin.'
    }
    DefaultValues = @{ Connection = 'The session default connection' }
    Inputs        = @(
        @{ Type = 'System.String'; Description = 'Container names or ids.' }
        @{ Type = 'Oci.OciContainer'; Description = 'Containers from Get-OciContainer: their Id and Connection bind by property name.' }
    )
    Outputs       = @(
        @{ Type = 'Oci.OciExecResult'; Description = 'Stdout, Stderr and ExitCode of each run, with its Connection.' }
    )
    Notes         = @(
        'Errors per container are non-terminating and name it: Oci.ContainerNotFound (ObjectNotFound), Oci.Conflict (ResourceBusy) when the container is in the wrong state, Oci.InvalidArgument for a malformed name. Without any connection the cmdlet fails with Oci.NoConnection.'
        'A container that does not run is Oci.Conflict (ResourceBusy).'
    )
    Examples      = @(
        @{
            Title   = 'Run a command'
            Code    = @'
PS> (Invoke-OciContainerCommand web 'cat', '/etc/hostname').Stdout
'@
            Remarks = 'Outputs the container''s host name.'
        }
        @{
            Title   = 'Feed a script to a shell'
            Code    = @'
PS> Invoke-OciContainerCommand web 'sh' -InputText "cd /tmp`nls -l`n" -User 1000
'@
            Remarks = 'Runs the two lines in sh, as user 1000.'
        }
        @{
            Title   = 'With environment and working directory'
            Code    = @'
PS> Invoke-OciContainerCommand web 'sh', '-c', 'echo $MODE; pwd' -Environment @{ MODE = 'test' } -WorkingDirectory /tmp
'@
            Remarks = 'Prints test and /tmp.'
        }
    )
    Links         = @( @{ Text = 'Invoke-OciContainer' }; @{ Text = 'Get-OciContainer' } )
}
