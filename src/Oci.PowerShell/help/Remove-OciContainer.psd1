# Help for Remove-OciContainer (see docs/help.md; the syntax comes from the cmdlet itself).
@{
    Synopsis      = 'Removes containers, like docker rm (-Force removes running ones too).'
    Description   = @(
        'Remove-OciContainer removes each container. A running container is refused with Oci.Conflict (ResourceBusy) unless -Force, which kills it first.'
        'Containers come as names or ids, as strings from the pipeline, or from Get-OciContainer: Get-OciContainer -All | Where-Object State -eq stopped | Remove-OciContainer removes each stopped container from its own engine. A container that fails is a non-terminating error; the next one is still removed.'
    )
    Parameters    = @{
        Id                 = 'Container names or ids (full, or a unique prefix, as Get-OciContainer shows them); -Name and -ContainerId are aliases. Strings bind from the pipeline by value, containers from Get-OciContainer (and results of Invoke-OciContainer or Invoke-OciContainerCommand) by their Id property. Press Tab to complete the names and short ids the engine has, with image and state.'
        Connection         = 'The engines the containers are on. From the pipeline, the connection each container came from (its Connection property), so the action reaches the engine the container was read from. When omitted, the session default.'
        Force              = 'Remove running containers too: they are killed first (docker rm --force).'
        Volumes            = 'Also remove the containers'' anonymous volumes (docker rm --volumes).'
        PassThru           = 'Output the name or id of each container removed.'
    }
    DefaultValues = @{ Connection = 'The session default connection' }
    Inputs        = @(
        @{ Type = 'System.String'; Description = 'Container names or ids.' }
        @{ Type = 'Oci.OciContainer'; Description = 'Containers from Get-OciContainer: their Id and Connection bind by property name.' }
    )
    Outputs       = @(
        @{ Type = 'None, or System.String with -PassThru'; Description = 'The name or id of each container removed.' }
    )
    Notes         = @(
        'Errors per container are non-terminating and name it: Oci.ContainerNotFound (ObjectNotFound), Oci.Conflict (ResourceBusy) when the container is in the wrong state, Oci.InvalidArgument for a malformed name. Without any connection the cmdlet fails with Oci.NoConnection.'
        'The confirm impact is Medium: -Confirm, or $ConfirmPreference set to Medium, asks before each removal; -WhatIf removes nothing.'
    )
    Examples      = @(
        @{
            Title   = 'Remove the stopped containers of every engine'
            Code    = @'
PS> Get-OciConnection | Get-OciContainer -All | Where-Object State -eq stopped | Remove-OciContainer
'@
            Remarks = 'Each stopped container is removed from the engine it is on.'
        }
        @{
            Title   = 'Remove a running container'
            Code    = @'
PS> Remove-OciContainer web -Force -Volumes
'@
            Remarks = 'Kills web, then removes it and its anonymous volumes.'
        }
    )
    Links         = @( @{ Text = 'Get-OciContainer' }; @{ Text = 'Stop-OciContainer' } )
}
