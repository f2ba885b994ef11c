# Help for Stop-OciContainer (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Stops running containers, like docker stop: SIGTERM, then SIGKILL once the timeout passed.'
    Description   = @(
        'Stop-OciContainer sends the container''s stop signal (SIGTERM unless the image says otherwise) and waits up to -Timeout seconds; a container still running then is killed (exit code 137). A container that does not run is left as it is.'
        'Containers come as names or ids, as strings from the pipeline, or from Get-OciContainer: each is stopped on the engine it came from.'
    )
    Parameters    = @{
        Id                 = 'Container names or ids (full, or a unique prefix, as Get-OciContainer shows them); -Name and -ContainerId are aliases. Strings bind from the pipeline by value, containers from Get-OciContainer (and results of Invoke-OciContainer or Invoke-OciContainerCommand) by their Id property. Press Tab to complete the names and short ids the engine has, with image and state.'
        Connection         = 'The engines the containers are on. From the pipeline, the connection each container came from (its Connection property), so the action reaches the engine the container was read from. When omitted, the session default.'
        PassThru           = 'Output the container as it is after the action (an Oci.OciContainer with its Connection). Without it nothing is output; -Verbose says what happened.'
        Timeout            = 'Seconds the container has to stop after SIGTERM before it is killed (docker stop -t); 0 kills at once. Default: the container''s own (10).'
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
        'The confirm impact is Medium: -WhatIf shows what would be done where and changes nothing.'
    )
    Examples      = @(
        @{
            Title   = 'Stop a container, giving it 2 seconds'
            Code    = @'
PS> Stop-OciContainer web -Timeout 2
'@
            Remarks = 'Stops web; it is killed if it is still running after 2 seconds.'
        }
        @{
            Title   = 'Stop everything with a label, on every engine'
            Code    = @'
PS> Get-OciConnection | Get-OciContainer -Label env=test | Stop-OciContainer -WhatIf
'@
            Remarks = 'Shows what would be stopped where; drop -WhatIf to stop them.'
        }
    )
    Links         = @( @{ Text = 'Get-OciContainer' }; @{ Text = 'New-OciContainer' }; @{ Text = 'Stop-OciContainer' } )
}
