# Help for Get-OciContainerLog (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Gets the lines containers wrote, stdout and stderr apart, like docker logs; -Follow streams them as they come.'
    Description   = @(
        'Get-OciContainerLog outputs one Oci.OciLogLine per line: Text, Stream (Stdout or Stderr: the engine''s multiplexed output kept apart), Container and, with -Timestamps, Timestamp. Shown as the text alone, like docker logs.'
        'With -Follow the lines go down the pipeline as they are written, until the container stops; Ctrl+C ends it at once. -Tail, -Since and -Stream narrow what is read.'
    )
    Parameters    = @{
        Id                 = 'Container names or ids (full, or a unique prefix, as Get-OciContainer shows them); -Name and -ContainerId are aliases. Strings bind from the pipeline by value, containers from Get-OciContainer (and results of Invoke-OciContainer or Invoke-OciContainerCommand) by their Id property. Press Tab to complete the names and short ids the engine has, with image and state.'
        Connection         = 'The engines the containers are on. From the pipeline, the connection each container came from (its Connection property), so the action reaches the engine the container was read from. When omitted, the session default.'
        Follow             = 'Go on writing lines as they come, until the container stops or Ctrl+C (docker logs --follow).'
        Tail               = 'Only the last this many lines (docker logs --tail).'
        Since              = 'Only lines written at or after this time (a DateTime; (Get-Date).AddMinutes(-5) for the last five minutes).'
        Timestamps         = 'Fill each line''s Timestamp with when the engine received it (docker logs --timestamps).'
        Stream             = 'Which stream: All (default), Stdout or Stderr.'
    }
    DefaultValues = @{ Connection = 'The session default connection'; Stream = 'All' }
    Inputs        = @(
        @{ Type = 'System.String'; Description = 'Container names or ids.' }
        @{ Type = 'Oci.OciContainer'; Description = 'Containers from Get-OciContainer: their Id and Connection bind by property name.' }
    )
    Outputs       = @(
        @{ Type = 'Oci.OciLogLine'; Description = 'One per line, with its Connection.' }
    )
    Notes         = @(
        'Errors per container are non-terminating and name it: Oci.ContainerNotFound (ObjectNotFound), Oci.Conflict (ResourceBusy) when the container is in the wrong state, Oci.InvalidArgument for a malformed name. Without any connection the cmdlet fails with Oci.NoConnection.'
    )
    Examples      = @(
        @{
            Title   = 'Read what a container wrote'
            Code    = @'
PS> Get-OciContainerLog web -Tail 20
'@
            Remarks = 'The last 20 lines, stdout and stderr.'
        }
        @{
            Title   = 'Only the errors, with their times'
            Code    = @'
PS> Get-OciContainerLog web -Stream Stderr -Timestamps | Select-Object Timestamp, Text
'@
            Remarks = 'The lines written to stderr and when.'
        }
        @{
            Title   = 'Follow a container''s output'
            Code    = @'
PS> Get-OciContainerLog web -Follow | Where-Object Text -match 'error'
'@
            Remarks = 'Writes matching lines as they come, until web stops or Ctrl+C.'
        }
    )
    Links         = @( @{ Text = 'Get-OciContainer' }; @{ Text = 'Invoke-OciContainer' } )
}
