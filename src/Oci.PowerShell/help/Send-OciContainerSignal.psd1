# Help for Send-OciContainerSignal (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Sends a signal to containers'' main process, like docker kill (SIGKILL unless -Signal says).'
    Description   = @(
        'Send-OciContainerSignal sends -Signal to the main process of each running container. With the default, KILL, the container stops at once (exit code 137); other signals (HUP, USR1, TERM) go to the process, which decides what to do.'
        'The confirm impact is High, as for docker kill: with the default $ConfirmPreference it asks before each container; -Confirm:$false does not ask.'
    )
    Parameters    = @{
        Id                 = 'Container names or ids (full, or a unique prefix, as Get-OciContainer shows them); -Name and -ContainerId are aliases. Strings bind from the pipeline by value, containers from Get-OciContainer (and results of Invoke-OciContainer or Invoke-OciContainerCommand) by their Id property. Press Tab to complete the names and short ids the engine has, with image and state.'
        Connection         = 'The engines the containers are on. From the pipeline, the connection each container came from (its Connection property), so the action reaches the engine the container was read from. When omitted, the session default.'
        PassThru           = 'Output the container as it is after the action (an Oci.OciContainer with its Connection). Without it nothing is output; -Verbose says what happened.'
        Signal             = 'The signal: a name (KILL, TERM, HUP, INT, USR1; the SIG prefix is optional) or a number from 1 to 64. A name that is not a signal is a terminating Oci.InvalidArgument before anything is sent.'
    }
    DefaultValues = @{ Connection = 'The session default connection' }
    Inputs        = @(
        @{ Type = 'System.String'; Description = 'Container names or ids.' }
        @{ Type = 'Oci.OciContainer'; Description = 'Containers from Get-OciContainer: their Id and Connection bind by property name.' }
    )
    Outputs       = @(
        @{ Type = 'None, or Oci.OciContainer with -PassThru'; Description = 'The container as it is afterwards.' }
    )
    Notes         = @(
        'Errors per container are non-terminating and name it: Oci.ContainerNotFound (ObjectNotFound), Oci.Conflict (ResourceBusy) when the container is in the wrong state, Oci.InvalidArgument for a malformed name. Without any connection the cmdlet fails with Oci.NoConnection.'
        'The confirm impact is High: -WhatIf shows what would be done where and changes nothing.'
    )
    Examples      = @(
        @{
            Title   = 'Kill a container'
            Code    = @'
PS> Send-OciContainerSignal web -Confirm:$false
'@
            Remarks = 'Kills web''s main process with SIGKILL.'
        }
        @{
            Title   = 'Ask a process to reload'
            Code    = @'
PS> Send-OciContainerSignal web -Signal HUP -Confirm:$false
'@
            Remarks = 'Sends SIGHUP to web''s main process.'
        }
    )
    Links         = @( @{ Text = 'Get-OciContainer' }; @{ Text = 'New-OciContainer' }; @{ Text = 'Stop-OciContainer' } )
}
