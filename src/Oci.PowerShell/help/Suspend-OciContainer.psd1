# Help for Suspend-OciContainer (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Pauses containers (freezes their processes), like docker pause.'
    Description   = @(
        'Suspend-OciContainer freezes every process of each running container (the cgroup freezer); the container''s State becomes paused. Resume-OciContainer thaws it.'
    )
    Parameters    = @{
        Id                 = 'Container names or ids (full, or a unique prefix, as Get-OciContainer shows them); -Name and -ContainerId are aliases. Strings bind from the pipeline by value, containers from Get-OciContainer (and results of Invoke-OciContainer or Invoke-OciContainerCommand) by their Id property. Press Tab to complete the names and short ids the engine has, with image and state.'
        Connection         = 'The engines the containers are on. From the pipeline, the connection each container came from (its Connection property), so the action reaches the engine the container was read from. When omitted, the session default.'
        PassThru           = 'Output the container as it is after the action (an Oci.OciContainer with its Connection). Without it nothing is output; -Verbose says what happened.'
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
            Title   = 'Pause a container'
            Code    = @'
PS> Suspend-OciContainer web -PassThru | Select-Object Name, State
'@
            Remarks = 'Outputs web with State paused.'
        }
    )
    Links         = @( @{ Text = 'Get-OciContainer' }; @{ Text = 'New-OciContainer' }; @{ Text = 'Stop-OciContainer' } )
}
