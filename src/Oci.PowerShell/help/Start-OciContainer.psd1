# Help for Start-OciContainer (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Starts containers, like docker start.'
    Description   = @(
        'Start-OciContainer starts created or stopped containers. A container that already runs is left as it is (its status says Already running, -Verbose shows it).'
        'Containers come as names or ids, as strings from the pipeline, or from Get-OciContainer: each is started on the engine it came from.'
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
        'The confirm impact is Low: -WhatIf shows what would be done where and changes nothing.'
    )
    Examples      = @(
        @{
            Title   = 'Start a container by name'
            Code    = @'
PS> Start-OciContainer web -PassThru
'@
            Remarks = 'Starts web on the session default connection and outputs it, now running.'
        }
        @{
            Title   = 'Start every created container on two engines'
            Code    = @'
PS> Get-OciConnection | Get-OciContainer -Status created | Start-OciContainer
'@
            Remarks = 'Each container is started on its own engine.'
        }
    )
    Links         = @( @{ Text = 'Get-OciContainer' }; @{ Text = 'New-OciContainer' }; @{ Text = 'Stop-OciContainer' } )
}
